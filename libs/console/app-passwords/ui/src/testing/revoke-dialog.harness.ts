import { ComponentHarness } from '@angular/cdk/testing';

/** Reads and answers the revoke dialog as a user would: its title, the reason, its buttons. */
export class RevokeDialogHarness extends ComponentHarness {
  static hostSelector = 'kw-revoke-dialog';
  private readonly dialog = this.locatorFor('dialog');
  private readonly reason = this.locatorFor('input[name="reason"]');
  private readonly incidentRef = this.locatorFor('input[name="incidentRef"]');
  private readonly confirmButton = this.locatorFor('button[type="submit"]');
  private readonly cancelButton = this.locatorFor('button.secondary');
  private readonly alert = this.locatorForOptional('[role="alert"]');

  async isOpen(): Promise<boolean> {
    return (await this.dialog()).getProperty<boolean>('open');
  }

  async getTitle(): Promise<string> {
    return (await this.locatorFor('h2')()).text();
  }

  async getConfirmText(): Promise<string> {
    return (await this.confirmButton()).text();
  }

  /** Types the reason (and the incident reference, when given) and confirms. */
  async revokeWithReason(reason: string, incidentRef = ''): Promise<void> {
    await (await this.reason()).setInputValue(reason);
    await (await this.reason()).dispatchEvent('input');
    await (await this.incidentRef()).setInputValue(incidentRef);
    await (await this.incidentRef()).dispatchEvent('input');
    await (await this.confirmButton()).click();
  }

  async cancel(): Promise<void> {
    await (await this.cancelButton()).click();
  }

  /** The failure shown, or ''. */
  async getError(): Promise<string> {
    return (await (await this.alert())?.text()) ?? '';
  }
}
