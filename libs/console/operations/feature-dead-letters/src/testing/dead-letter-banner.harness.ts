import { ComponentHarness } from '@angular/cdk/testing';

/** One failed event in the banner's list. */
export class DeadLetterRowHarness extends ComponentHarness {
  static hostSelector = '.dead-letters tbody tr';
  private readonly type = this.locatorFor('td:first-child span');
  private readonly cells = this.locatorForAll('td');
  private readonly retryButton = this.locatorForOptional('button');
  private readonly retryError = this.locatorForOptional('[role="alert"]');

  /** The event type, subscriber and attempts, as shown. */
  async getFacts(): Promise<{ type: string; subscriber: string; attempts: string; lastError: string }> {
    const [, subscriber, attempts, lastError] = await Promise.all((await this.cells()).slice(0, 4).map((cell) => cell.text()));
    const retryError = await this.getRetryError();
    return { type: await (await this.type()).text(), subscriber, attempts, lastError: lastError.replace(retryError, '').trim() };
  }

  /** Why the last retry failed, or ''. */
  async getRetryError(): Promise<string> {
    return (await (await this.retryError())?.text()) ?? '';
  }

  async hasRetry(): Promise<boolean> {
    return (await this.retryButton()) !== null;
  }

  async retry(): Promise<void> {
    const button = await this.retryButton();
    if (!button) throw new Error('This event has no Retry.');
    await button.click();
  }
}

/** Reads the dead-letter banner as a user would: its summary and each failed event. */
export class DeadLetterBannerHarness extends ComponentHarness {
  static hostSelector = 'kw-dead-letter-banner';
  private readonly summary = this.locatorForOptional('[role="alert"]#dead-letters-summary');

  /** The summary sentence, or null when the banner shows nothing. */
  async getSummary(): Promise<string | null> {
    const summary = await this.summary();
    return summary ? (await summary.text()).replace(/\s+/g, ' ').trim() : null;
  }

  /** The failed events, oldest first. */
  getEvents(): Promise<DeadLetterRowHarness[]> {
    return this.locatorForAll(DeadLetterRowHarness)();
  }
}
