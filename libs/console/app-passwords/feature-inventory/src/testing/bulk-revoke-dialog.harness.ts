import { ComponentHarness } from '@angular/cdk/testing';

/** Fills in and confirms a bulk revocation, and reads its progress and failures. */
export class BulkRevokeDialogHarness extends ComponentHarness {
  static hostSelector = 'kw-bulk-revoke-dialog';
  private readonly reason = this.locatorFor('input[name="reason"]');
  private readonly confirmButton = this.locatorFor('button[type="submit"]');
  private readonly status = this.locatorForOptional('[role="status"]');
  private readonly alerts = this.locatorForAll('[role="alert"]');

  async getTitle(): Promise<string> {
    return (await this.locatorFor('h2')()).text();
  }

  async revokeWithReason(reason: string): Promise<void> {
    await (await this.reason()).setInputValue(reason);
    await (await this.reason()).dispatchEvent('input');
    await (await this.confirmButton()).click();
  }

  async getProgress(): Promise<string> {
    return (await (await this.status())?.text()) ?? '';
  }

  async getFailures(): Promise<string[]> {
    return Promise.all((await this.alerts()).map((alert) => alert.text()));
  }
}
