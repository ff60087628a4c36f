import { ComponentHarness } from '@angular/cdk/testing';
import { CaseProgressHarness, OutcomeTableHarness } from '@keyward/console/incidents/ui/testing';

/** Reads one case's page and acts on it as a user would. */
export class CasePageHarness extends ComponentHarness {
  static hostSelector = 'kw-case-page';
  private readonly heading = this.locatorForOptional('h1');
  private readonly buttons = this.locatorForAll('button');
  private readonly csvLink = this.locatorForOptional('a[download]');
  private readonly alerts = this.locatorForAll('[role="alert"]');
  readonly progress = this.locatorForOptional(CaseProgressHarness);
  readonly outcomes = this.locatorForOptional(OutcomeTableHarness);

  async getHeading(): Promise<string> {
    return (await (await this.heading())?.text()) ?? '';
  }

  /** The texts of the buttons that act on the case (not "Try again" or paging). */
  async getActions(): Promise<string[]> {
    const texts = await Promise.all((await this.buttons()).map((button) => button.text()));
    return texts.filter((text) => !['Previous', 'Next', 'Try again'].includes(text));
  }

  async press(text: string): Promise<void> {
    for (const button of await this.buttons()) if ((await button.text()) === text) return button.click();
    throw new Error(`No button ${text}`);
  }

  async fillReinstateReason(reason: string): Promise<void> {
    const input = await this.locatorFor('input[name="reinstateReason"]')();
    await input.setInputValue(reason);
    await input.dispatchEvent('input');
  }

  async isEnabled(text: string): Promise<boolean> {
    for (const button of await this.buttons()) if ((await button.text()) === text) return !(await button.getProperty<boolean>('disabled'));
    throw new Error(`No button ${text}`);
  }

  async showOnly(outcome: string): Promise<void> {
    const select = await this.locatorFor('select[name="outcome"]')();
    const options = await this.locatorForAll('select[name="outcome"] option')();
    for (let index = 0; index < options.length; index++) if ((await options[index].getProperty<string>('value')) === outcome) await select.selectOptions(index);
  }

  async getCsvUrl(): Promise<string | null> {
    return (await (await this.csvLink())?.getAttribute('href')) ?? null;
  }

  /** The facts list as term → description. */
  async getFacts(): Promise<Record<string, string>> {
    const terms = await this.locatorForAll('.facts dt')();
    const descriptions = await this.locatorForAll('.facts dd')();
    const facts: Record<string, string> = {};
    for (let index = 0; index < terms.length; index++) facts[await terms[index].text()] = await descriptions[index].text();
    return facts;
  }

  async getErrors(): Promise<string[]> {
    return Promise.all((await this.alerts()).map((alert) => alert.text()));
  }
}
