import { ComponentHarness } from '@angular/cdk/testing';
import { fillField, PageStateHarness } from '@keyward/console/shared/ui/testing';
import { AlertTableHarness } from '@keyward/console/incidents/ui/testing';

/** Drives the alerts page as a user would: filter, page, and read or act on the table. */
export class AlertsPageHarness extends ComponentHarness {
  static hostSelector = 'kw-alerts-page';
  private readonly applyButton = this.locatorFor('form[role="search"] button[type="submit"]');
  private readonly resetButton = this.locatorFor('form[role="search"] button[type="button"]');
  private readonly sourceHint = this.locatorFor('#source-hint');
  private readonly actionError = this.locatorForOptional('p.error[role="alert"]');
  private readonly pagerStatus = this.locatorFor('kw-pager [role="status"]');
  private readonly pagerButtons = this.locatorForAll('kw-pager button');
  readonly state = this.locatorFor(PageStateHarness);
  readonly table = this.locatorForOptional(AlertTableHarness);

  /** Sets the filter field named `name` (kind, severity, acknowledged, since, sourceIp) as a user would. */
  async fill(name: string, value: string): Promise<void> {
    await fillField(this.locatorFactory, name, value);
  }

  async applyFilters(): Promise<void> {
    await (await this.applyButton()).click();
  }

  async resetFilters(): Promise<void> {
    await (await this.resetButton()).click();
  }

  async getSourceHint(): Promise<{ text: string; isInvalid: boolean }> {
    const hint = await this.sourceHint();
    return { text: await hint.text(), isInvalid: await hint.hasClass('invalid') };
  }

  /** Why the last acknowledgement failed, as shown; null when nothing failed. */
  async getActionError(): Promise<string | null> {
    return (await (await this.actionError())?.text()) ?? null;
  }

  /** The pager's count and page ("30 alerts · page 2"). */
  async getPagerStatus(): Promise<string> {
    return (await this.pagerStatus()).text();
  }

  async nextPage(): Promise<void> {
    await (await this.pagerButtons())[1].click();
  }

  async previousPage(): Promise<void> {
    await (await this.pagerButtons())[0].click();
  }
}
