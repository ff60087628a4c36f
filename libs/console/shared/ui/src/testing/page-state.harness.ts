import { ComponentHarness } from '@angular/cdk/testing';

/** Which state a page shows (loading, error, empty or content), and its retry action. */
export class PageStateHarness extends ComponentHarness {
  static hostSelector = 'kw-page-state';
  private readonly alert = this.locatorForOptional('[role="alert"]');
  private readonly status = this.locatorForOptional('[role="status"]');
  private readonly retryButton = this.locatorFor('button.retry');

  async getState(): Promise<'error' | 'loading' | 'empty' | 'content'> {
    if (await this.alert()) return 'error';
    const status = await this.status();
    if (!status) return 'content';
    return (await status.hasClass('loading')) ? 'loading' : 'empty';
  }

  async getMessage(): Promise<string> {
    return (await (await this.alert()) ?? (await this.status()))?.text() ?? '';
  }

  async retry(): Promise<void> {
    await (await this.retryButton()).click();
  }
}
