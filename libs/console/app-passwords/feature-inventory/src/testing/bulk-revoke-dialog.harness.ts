import { ComponentHarness } from '@angular/cdk/testing';
import { CaseProgressHarness } from '@keyward/console/incidents/ui/testing';

/** Fills in and confirms a bulk revocation, and reads the case it became: progress, link, errors. */
export class BulkRevokeDialogHarness extends ComponentHarness {
  static hostSelector = 'kw-bulk-revoke-dialog';
  private readonly reason = this.locatorFor('input[name="reason"]');
  private readonly incidentRef = this.locatorFor('input[name="incidentRef"]');
  private readonly confirmButton = this.locatorFor('button[type="submit"]');
  private readonly progress = this.locatorForOptional(CaseProgressHarness);
  private readonly caseLink = this.locatorForOptional('a[href^="/incidents/cases/"]');
  private readonly alerts = this.locatorForAll('[role="alert"]');

  async getTitle(): Promise<string> {
    return (await this.locatorFor('h2')()).text();
  }

  async revokeWith(reason: string, incidentRef: string): Promise<void> {
    for (const [input, value] of [
      [await this.reason(), reason],
      [await this.incidentRef(), incidentRef],
    ] as const) {
      await input.setInputValue(value);
      await input.dispatchEvent('input');
    }
    await (await this.confirmButton()).click();
  }

  async isConfirmDisabled(): Promise<boolean> {
    return (await this.confirmButton()).getProperty<boolean>('disabled');
  }

  /** The case's counts ("3 of 3 done: …"), or '' before it started. */
  async getProgress(): Promise<string> {
    return (await (await this.progress())?.getCounts()) ?? '';
  }

  /** Where "Open the case" leads, or null before the case started. */
  async getCaseLink(): Promise<string | null> {
    return (await (await this.caseLink())?.getAttribute('href')) ?? null;
  }

  async getErrors(): Promise<string[]> {
    return Promise.all((await this.alerts()).map((alert) => alert.text()));
  }
}
