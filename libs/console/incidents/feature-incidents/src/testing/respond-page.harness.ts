import { ComponentHarness } from '@angular/cdk/testing';
import { fillField } from '@keyward/console/shared/ui/testing';

/** Drives the respond page as a responder would: fill the query, preview, type the count, confirm. */
export class RespondPageHarness extends ComponentHarness {
  static hostSelector = 'kw-respond-page';
  private readonly previewButton = this.locatorFor('form.respond button[type="submit"]');
  private readonly confirmButton = this.locatorForOptional('form.confirm button[type="submit"]');
  private readonly addressHint = this.locatorFor('#address-hint');
  private readonly figures = this.locatorForAll('.figures dd');
  private readonly alerts = this.locatorForAll('[role="alert"]');
  private readonly stale = this.locatorForOptional('.warning[role="status"]');
  private readonly selection = this.locatorForOptional('.selection');
  private readonly sampleUsers = this.locatorForAll('kw-case-sample-table tbody td:nth-child(2)');

  /** Types into the field named `name` (an input, textarea or select) as a user would. */
  async fill(name: string, value: string): Promise<void> {
    await fillField(this.locatorFactory, name, value);
  }

  /** What the field named `name` holds now. */
  async getValue(name: string): Promise<string> {
    return (await this.locatorFor(`[name="${name}"]`)()).getProperty<string>('value');
  }

  /** The line naming the app passwords a link selected ("1 selected app password: k1"); null without one. */
  async getSelection(): Promise<string | null> {
    const line = await this.selection();
    return line ? (await line.text()).replace(/\s*Remove the selection$/, '') : null;
  }

  async removeSelection(): Promise<void> {
    await (await this.locatorFor('.selection button')()).click();
  }

  async chooseAction(action: 'REVOKE' | 'SUSPEND'): Promise<void> {
    await (await this.locatorFor(`input[name="action"][value="${action}"]`)()).click();
  }

  async getAddressHint(): Promise<{ text: string; isInvalid: boolean }> {
    const hint = await this.addressHint();
    return { text: await hint.text(), isInvalid: await hint.hasClass('invalid') };
  }

  async preview(): Promise<void> {
    await (await this.previewButton()).click();
  }

  /** Matched, recently used, users affected, as shown. */
  async getFigures(): Promise<number[]> {
    return Promise.all((await this.figures()).map(async (figure) => Number(await figure.text())));
  }

  async getSampleUsers(): Promise<string[]> {
    return Promise.all((await this.sampleUsers()).map((cell) => cell.text()));
  }

  async typeCount(count: string): Promise<void> {
    await this.fill('typedCount', count);
  }

  /** The confirm button's text and whether it can be pressed; null without a preview that matched. */
  async getConfirm(): Promise<{ text: string; isEnabled: boolean } | null> {
    const button = await this.confirmButton();
    return button ? { text: await button.text(), isEnabled: !(await button.getProperty<boolean>('disabled')) } : null;
  }

  async confirm(): Promise<void> {
    const button = await this.confirmButton();
    if (!button) throw new Error('Nothing to confirm.');
    await button.click();
  }

  async getErrors(): Promise<string[]> {
    return Promise.all((await this.alerts()).map((alert) => alert.text()));
  }

  /** Whether the page says the preview no longer matches the query. */
  async isPreviewStale(): Promise<boolean> {
    return (await this.stale()) !== null;
  }
}
