import { ComponentHarness } from '@angular/cdk/testing';

/** One row of the table of found app passwords, as text by column, and where its link leads. */
export interface LeakMatchLine {
  label: string;
  href: string;
  owner: string;
  status: string;
  proven: string;
}

const COLUMNS = 5;

/** Reads the app passwords a scan found, row by row. */
export class LeakMatchTableHarness extends ComponentHarness {
  static hostSelector = 'kw-leak-match-table';
  private readonly cells = this.locatorForAll('tbody td');
  private readonly credentialLinks = this.locatorForAll('tbody td:first-child a');
  private readonly ownerLinks = this.locatorForAll('tbody a[href^="/users/"]');

  async getLines(): Promise<LeakMatchLine[]> {
    const texts = await Promise.all((await this.cells()).map((cell) => cell.text()));
    const links = await this.credentialLinks();
    const lines: LeakMatchLine[] = [];
    for (let start = 0, row = 0; start < texts.length; start += COLUMNS, row++) {
      const [, owner, status, proven] = texts.slice(start, start + COLUMNS);
      lines.push({ label: await links[row].text(), href: (await links[row].getAttribute('href')) ?? '', owner, status, proven });
    }
    return lines;
  }

  /** How many owners link to their user page. */
  async countOwnerLinks(): Promise<number> {
    return (await this.ownerLinks()).length;
  }
}
