import { ComponentHarness } from '@angular/cdk/testing';
import { fillField } from '@keyward/console/shared/ui/testing';

/** Drives the Reports page as an auditor would: one report at a time, by its name (`dormant`, `access-review`). */
export class ReportsPageHarness extends ComponentHarness {
  static hostSelector = 'kw-reports-page';
  private readonly titles = this.locatorForAll('section.report h2');

  /** The reports' titles, in page order. */
  async getTitles(): Promise<string[]> {
    return Promise.all((await this.titles()).map((title) => title.text()));
  }

  /** Types into a report's input (`asOf`, `days`, `from`, `to`) or picks its review (`reviewId`). */
  async fill(report: string, field: string, value: string): Promise<void> {
    await fillField(this.locatorFactory, `${report}-${field}`, value);
  }

  async getValue(report: string, field: string): Promise<string> {
    return (await this.locatorFor(`[name="${report}-${field}"]`)()).getProperty<string>('value');
  }

  /** The texts of the review select's options. */
  async getReviewChoices(): Promise<string[]> {
    return Promise.all((await this.locatorForAll('[name="access-review-reviewId"] option')()).map((option) => option.text()));
  }

  async preview(report: string): Promise<void> {
    await (await this.one(report, 'button[type="submit"]')).click();
  }

  async isPreviewDisabled(report: string): Promise<boolean> {
    return (await this.one(report, 'button[type="submit"]')).getProperty<boolean>('disabled');
  }

  /** What is wrong with a report's inputs, as shown; null when nothing is. */
  async getProblem(report: string): Promise<string | null> {
    return (await (await this.optional(report, '.report-problem'))?.text()) ?? null;
  }

  /** The CSV and PDF links of a report, or null while its inputs are wrong. */
  async getDownloads(report: string): Promise<{ csv: string | null; pdf: string | null } | null> {
    const links = await this.locatorForAll(`section[data-report="${report}"] a[download]`)();
    if (links.length === 0) return null;
    const hrefs = await Promise.all(links.map(async (link) => ({ text: await link.text(), href: await link.getAttribute('href') })));
    return { csv: hrefs.find((link) => link.text === 'Download CSV')?.href ?? null, pdf: hrefs.find((link) => link.text === 'Download PDF')?.href ?? null };
  }

  /** The preview's count and checkpoint line; null when none is shown. */
  async getSummary(report: string): Promise<string | null> {
    return (await (await this.optional(report, '.preview-facts'))?.text()) ?? null;
  }

  async getColumns(report: string): Promise<string[]> {
    return Promise.all((await this.locatorForAll(`section[data-report="${report}"] kw-report-preview thead th`)()).map((cell) => cell.text()));
  }

  /** The preview's rows, each as its cells' texts. */
  async getRows(report: string): Promise<string[][]> {
    const width = (await this.getColumns(report)).length;
    const cells = await Promise.all((await this.locatorForAll(`section[data-report="${report}"] kw-report-preview tbody td`)()).map((cell) => cell.text()));
    const rows: string[][] = [];
    for (let at = 0; at < cells.length; at += width) rows.push(cells.slice(at, at + width));
    return rows;
  }

  /** What the preview says instead of rows (empty, loading) or the refusal; null when it shows rows or nothing. */
  async getMessage(report: string): Promise<string | null> {
    return (await (await this.optional(report, 'kw-report-preview :is(.empty, .error, .loading)'))?.text()) ?? null;
  }

  /** Whether the report offers "Schedule by mail". */
  async canSchedule(report: string): Promise<boolean> {
    return !!(await this.optional(report, 'kw-report-schedule-form'));
  }

  /** Schedules a report by mail: opens "Schedule by mail", fills it (`cadence` WEEKLY or MONTHLY, `format` PDF or CSV, `recipients` as typed) and sends it. */
  async schedule(report: string, fields: { cadence?: string; format?: string; recipients: string }): Promise<void> {
    const summary = await this.one(report, 'kw-report-schedule-form summary');
    if (!(await (await this.one(report, 'kw-report-schedule-form details')).getProperty<boolean>('open'))) await summary.click();
    if (fields.cadence) await fillField(this.locatorFactory, `${report}-cadence`, fields.cadence);
    if (fields.format) await fillField(this.locatorFactory, `${report}-format`, fields.format);
    await fillField(this.locatorFactory, `${report}-recipients`, fields.recipients);
    await (await this.one(report, 'kw-report-schedule-form button[type="submit"]')).click();
  }

  /** What "Schedule by mail" says: the confirmation or the refusal; null when nothing. */
  async getScheduleMessage(report: string): Promise<string | null> {
    return (await (await this.optional(report, 'kw-report-schedule-form :is(.schedule-problem, .schedule-done)'))?.text()) ?? null;
  }

  /** Whether the Scheduled reports section is shown. */
  async hasSchedules(): Promise<boolean> {
    return !!(await this.locatorForOptional('section.schedules')());
  }

  /** The Scheduled reports table's rows, each as its cells' texts (the Cancel cell included, when shown). */
  async getSchedules(): Promise<string[][]> {
    const ids = await Promise.all((await this.locatorForAll('section.schedules table tbody tr')()).map((row) => row.getAttribute('data-schedule')));
    return Promise.all(ids.map(async (id) => Promise.all((await this.locatorForAll(`section.schedules tr[data-schedule="${id}"] td`)()).map((cell) => cell.text()))));
  }

  /** Cancels the schedule in the table's row `index` (from 0). */
  async cancelSchedule(index: number): Promise<void> {
    const row = (await this.locatorForAll('section.schedules table tbody tr')())[index];
    const id = await row.getAttribute('data-schedule');
    await (await this.locatorFor(`section.schedules tr[data-schedule="${id}"] button`)()).click();
  }

  /** How many Cancel buttons the table has. */
  async countCancelButtons(): Promise<number> {
    return (await this.locatorForAll('section.schedules table tbody button')()).length;
  }

  /** What the Scheduled reports section says besides its table: a cancellation done or refused, the empty list. */
  async getSchedulesMessage(): Promise<string | null> {
    return (await (await this.locatorForOptional('section.schedules :is(.cancel-done, .cancel-error, .empty)')())?.text()) ?? null;
  }

  private one(report: string, selector: string) {
    return this.locatorFor(`section[data-report="${report}"] ${selector}`)();
  }

  private optional(report: string, selector: string) {
    return this.locatorForOptional(`section[data-report="${report}"] ${selector}`)();
  }
}
