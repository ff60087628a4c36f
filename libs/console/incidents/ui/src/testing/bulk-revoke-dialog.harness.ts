import { ComponentHarness, type TestElement } from '@angular/cdk/testing';
import { CaseProgressHarness } from './case-progress.harness';

/** Fills in and confirms a bulk revocation, and reads the case it became: progress, link, errors. */
export class BulkRevokeDialogHarness extends ComponentHarness {
  static hostSelector = 'kw-bulk-revoke-dialog';
  private readonly reason = this.locatorFor('input[name="reason"]');
  private readonly incidentRef = this.locatorFor('input[name="incidentRef"]');
  private readonly confirmButton = this.locatorFor('button[type="submit"]');
  private readonly progress = this.locatorForOptional(CaseProgressHarness);
  private readonly caseLink = this.locatorForOptional('a[href^="/incidents/cases/"]');
  private readonly alerts = this.locatorForAll('[role="alert"]');

  async isOpen(): Promise<boolean> {
    return (await this.locatorFor('dialog')()).getProperty<boolean>('open');
  }

  async getTitle(): Promise<string> {
    return (await this.locatorFor('h2')()).text();
  }

  /** Types the reason (null: keeps the one filled in) and the incident reference, and confirms. */
  async revokeWith(reason: string | null, incidentRef: string): Promise<void> {
    if (reason !== null) await this.type(await this.reason(), reason);
    await this.type(await this.incidentRef(), incidentRef);
    await (await this.confirmButton()).click();
  }

  /** The reason and incident reference as the form shows them (a reason may be filled in for you). */
  async getFields(): Promise<{ reason: string; incidentRef: string }> {
    return { reason: await (await this.reason()).getProperty<string>('value'), incidentRef: await (await this.incidentRef()).getProperty<string>('value') };
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

  private async type(input: TestElement, value: string): Promise<void> {
    await input.setInputValue(value);
    await input.dispatchEvent('input');
  }
}
