import { ComponentHarness } from '@angular/cdk/testing';

/** Reads a case's progress as a user sees it: status, the bar's value, the counts. */
export class CaseProgressHarness extends ComponentHarness {
  static hostSelector = 'kw-case-progress';
  private readonly statuses = this.locatorForAll('.status');
  private readonly bar = this.locatorForOptional('progress');
  private readonly counts = this.locatorForOptional('[role="status"]');

  /** The status words shown ("Running", "Completed", "Reinstated 2"). */
  async getStatuses(): Promise<string[]> {
    return Promise.all((await this.statuses()).map((status) => status.text()));
  }

  /** The bar's value in percent; null for a dry run, which has no bar. */
  async getPercent(): Promise<number | null> {
    const bar = await this.bar();
    return bar ? Number(await bar.getProperty<number>('value')) : null;
  }

  async getCounts(): Promise<string> {
    return (await (await this.counts())?.text()) ?? '';
  }
}
