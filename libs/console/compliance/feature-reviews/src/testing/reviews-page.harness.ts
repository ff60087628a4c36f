import { ComponentHarness } from '@angular/cdk/testing';
import { fillField, PageStateHarness } from '@keyward/console/shared/ui/testing';

/** Drives the list of access reviews, and the form that starts one. */
export class ReviewsPageHarness extends ComponentHarness {
  static hostSelector = 'kw-reviews-page';
  private readonly rows = this.locatorForAll('table[aria-label="Access reviews"] tbody tr');
  private readonly startForm = this.locatorForOptional('form[aria-label="Start a review"]');
  private readonly startButton = this.locatorFor('form[aria-label="Start a review"] button[type="submit"]');
  private readonly problem = this.locatorForOptional('.start-problem');
  readonly state = this.locatorFor(PageStateHarness);

  /** Each review as its row reads: name, status, started, due, progress. */
  async getLines(): Promise<string[][]> {
    const count = (await this.rows()).length;
    const lines: string[][] = [];
    for (let index = 1; index <= count; index++) {
      const cells = await this.locatorForAll(`table[aria-label="Access reviews"] tbody tr:nth-child(${index}) td`)();
      lines.push(await Promise.all(cells.map((cell) => cell.text())));
    }
    return lines;
  }

  async getLinks(): Promise<string[]> {
    return Promise.all((await this.locatorForAll('tbody a')()).map(async (link) => (await link.getAttribute('href')) ?? ''));
  }

  async canStart(): Promise<boolean> {
    return (await this.startForm()) !== null;
  }

  /** Fills the start form's field (name, dueDay, user) as a user would. */
  async fill(name: string, value: string): Promise<void> {
    await fillField(this.locatorFactory, name, value);
  }

  async checkRevokeUndecided(): Promise<void> {
    await (await this.locatorFor('input[name="revokeUndecided"]')()).click();
  }

  async start(): Promise<void> {
    await (await this.startButton()).click();
  }

  async getProblem(): Promise<string | null> {
    return (await (await this.problem())?.text()) ?? null;
  }
}
