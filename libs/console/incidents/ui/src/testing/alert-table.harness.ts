import { ComponentHarness } from '@angular/cdk/testing';

/** One alert's line, as text by column (the actions apart). */
export interface AlertLine {
  alert: string;
  severity: string;
  user: string;
  appPassword: string;
  source: string;
  /** First and last seen, "2026-12-01 10:00 to 2026-12-01 10:05". */
  seen: string;
  count: string;
  acknowledged: string;
}

const COLUMNS = ['alert', 'severity', 'user', 'appPassword', 'source', 'seen', 'count', 'acknowledged'] as const;

/** One row of the alert table: what it says, and its actions. */
export class AlertRowHarness extends ComponentHarness {
  static hostSelector = 'tr.alert-row';
  private readonly cells = this.locatorForAll('td');
  private readonly actions = this.locatorForAll('td.row-actions button, td.row-actions a');
  private readonly acknowledgeButton = this.locatorForOptional('td.row-actions button');
  private readonly respondLink = this.locatorForOptional('td.row-actions a');

  async getLine(): Promise<AlertLine> {
    const texts = await Promise.all((await this.cells()).map((cell) => cell.text()));
    return Object.fromEntries(COLUMNS.map((column, index) => [column, texts[index]])) as unknown as AlertLine;
  }

  /** The texts of the row's buttons and links that act ("Acknowledge", "Revoke as a case…"). */
  async getActions(): Promise<string[]> {
    return Promise.all((await this.actions()).map((action) => action.text()));
  }

  async acknowledge(): Promise<void> {
    const button = await this.acknowledgeButton();
    if (!button) throw new Error('No Acknowledge button in this row.');
    await button.click();
  }

  /** Where "Revoke as a case…" leads; null without the link. */
  async getRespondUrl(): Promise<string | null> {
    return (await (await this.respondLink())?.getAttribute('href')) ?? null;
  }
}

/** Reads the alert table row by row. */
export class AlertTableHarness extends ComponentHarness {
  static hostSelector = 'kw-alert-table';
  readonly getRows = this.locatorForAll(AlertRowHarness);

  async getLines(): Promise<AlertLine[]> {
    return Promise.all((await this.getRows()).map((row) => row.getLine()));
  }
}
