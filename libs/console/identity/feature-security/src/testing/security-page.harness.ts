import { ComponentHarness } from '@angular/cdk/testing';

/** Reads and changes the Mail section of the security page as a user would. */
export class SecurityPageHarness extends ComponentHarness {
  static hostSelector = 'kw-security-page';
  private readonly mailSection = this.locatorForOptional('section[aria-labelledby="mail-title"]');
  private readonly reminders = this.locatorForOptional('input[name="expiryReminders"]');
  private readonly mailTexts = this.locatorForAll('section[aria-labelledby="mail-title"] p');

  async hasMailSection(): Promise<boolean> {
    return (await this.mailSection()) !== null;
  }

  /** The expiry reminders box: its label and whether it is checked; null when not shown. */
  async getReminders(): Promise<{ label: string; isChecked: boolean } | null> {
    const box = await this.reminders();
    if (!box) return null;
    const label = await this.locatorFor('section[aria-labelledby="mail-title"] label')();
    return { label: (await label.text()).trim(), isChecked: await box.getProperty<boolean>('checked') };
  }

  async toggleReminders(): Promise<void> {
    const box = await this.reminders();
    if (!box) throw new Error('No expiry reminders box');
    await box.click();
  }

  /** The section's sentences: the note on revocation notices, and what the last change did. */
  async getMailTexts(): Promise<string[]> {
    return Promise.all((await this.mailTexts()).map((text) => text.text()));
  }
}
