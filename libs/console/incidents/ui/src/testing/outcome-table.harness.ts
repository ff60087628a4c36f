import { ComponentHarness } from '@angular/cdk/testing';

/** One line of the outcome table, as text by column. */
export interface OutcomeLine {
  appPassword: string;
  user: string;
  outcome: string;
  detail: string;
}

const COLUMNS = 5;

/** Reads a case's outcome table row by row. */
export class OutcomeTableHarness extends ComponentHarness {
  static hostSelector = 'kw-outcome-table';
  private readonly cells = this.locatorForAll('tbody td');

  async getLines(): Promise<OutcomeLine[]> {
    const texts = await Promise.all((await this.cells()).map((cell) => cell.text()));
    const lines: OutcomeLine[] = [];
    for (let start = 0; start < texts.length; start += COLUMNS) {
      const [appPassword, user, outcome, detail] = texts.slice(start, start + COLUMNS);
      lines.push({ appPassword, user, outcome, detail });
    }
    return lines;
  }
}
