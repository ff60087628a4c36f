import { ComponentHarness } from '@angular/cdk/testing';
import { UnitTestElement } from '@angular/cdk/testing/testbed';
import { BulkRevokeDialogHarness, LeakMatchTableHarness } from '@keyward/console/incidents/ui/testing';

/** Drives the leak intake page as a responder would: paste or choose a file, scan, read what was found, revoke. */
export class LeakIntakePageHarness extends ComponentHarness {
  static hostSelector = 'kw-leak-intake-page';
  private readonly textArea = this.locatorFor('textarea[name="text"]');
  private readonly fileInput = this.locatorFor('input[type="file"]');
  private readonly scanTextButton = this.locatorFor('form[aria-label="Scan pasted text"] button[type="submit"]');
  private readonly scanFileButton = this.locatorFor('form[aria-label="Scan a file"] button[type="submit"]');
  private readonly scanning = this.locatorForOptional('section[aria-labelledby="scanning-title"]');
  private readonly figures = this.locatorForAll('.figures dd');
  private readonly empty = this.locatorForOptional('.empty[role="status"]');
  private readonly alerts = this.locatorForAll('.scan-error[role="alert"]');
  private readonly revokeButton = this.locatorForOptional('.title-row button');
  private readonly notes = this.locatorForAll('section[aria-labelledby="result-title"] > p.muted');
  readonly matches = this.locatorForOptional(LeakMatchTableHarness);
  readonly dialog = this.locatorFor(BulkRevokeDialogHarness);

  async paste(text: string): Promise<void> {
    const area = await this.textArea();
    await area.setInputValue(text);
    await area.dispatchEvent('input');
  }

  async getPastedText(): Promise<string> {
    return (await this.textArea()).getProperty<string>('value');
  }

  async scanText(): Promise<void> {
    await (await this.scanTextButton()).click();
  }

  /**
   * Chooses a file as the browser's picker would. Only in a TestBed: the CDK cannot set files,
   * so this sets the input's `files` on the element itself.
   */
  async chooseFile(file: File): Promise<void> {
    const input = await this.fileInput();
    Object.defineProperty((input as UnitTestElement).element, 'files', { value: [file], configurable: true });
    await input.dispatchEvent('change');
  }

  async scanFile(): Promise<void> {
    await (await this.scanFileButton()).click();
  }

  /** What the running scan says ("Scanning mail.log (5 bytes)… 3 s so far. …"), or null when none runs. */
  async getScanning(): Promise<string | null> {
    return (await (await this.scanning())?.text()) ?? null;
  }

  /** Candidates, the tenant's matches, proven and active, as shown. */
  async getFigures(): Promise<number[]> {
    return Promise.all((await this.figures()).map(async (figure) => Number(await figure.text())));
  }

  /** The empty state's words, or null when something matched (or nothing was scanned). */
  async getEmptyText(): Promise<string | null> {
    return (await (await this.empty())?.text()) ?? null;
  }

  async getErrors(): Promise<string[]> {
    return Promise.all((await this.alerts()).map((alert) => alert.text()));
  }

  /** The revoke button's text, or null when it is not offered. */
  async getRevokeButton(): Promise<string | null> {
    return (await (await this.revokeButton())?.text()) ?? null;
  }

  async revokeAsCase(): Promise<void> {
    const button = await this.revokeButton();
    if (!button) throw new Error('Nothing to revoke.');
    await button.click();
  }

  /** The notes under the result (what it was, why nothing is offered). */
  async getNotes(): Promise<string[]> {
    return Promise.all((await this.notes()).map((note) => note.text()));
  }

  /** The whole page's text, to check nothing secret is in it. */
  async getText(): Promise<string> {
    return (await this.host()).text();
  }
}
