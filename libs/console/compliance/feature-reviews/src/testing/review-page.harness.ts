import { ComponentHarness, HarnessPredicate, TestKey, type TestElement } from '@angular/cdk/testing';
import { fillField, PageStateHarness } from '@keyward/console/shared/ui/testing';

/** One item as the table shows it. */
export interface ItemLine {
  owner: string;
  appPassword: string;
  age: string;
  lastUse: string;
  recommendation: string;
  ownerSays: string;
  decision: string;
}

const KEYS: Record<string, TestKey | string> = { ArrowDown: TestKey.DOWN_ARROW, ArrowUp: TestKey.UP_ARROW };

/** Drives one review's page as a reviewer or an owner would: read it, move through the items, decide, attest. */
export class ReviewPageHarness extends ComponentHarness {
  static hostSelector = 'kw-review-page';
  private readonly heading = this.locatorForOptional('h1');
  private readonly rows = this.locatorForAll('tr.item');
  private readonly progressWords = this.locatorForOptional('kw-review-progress .review-counts');
  private readonly progressBar = this.locatorForOptional('kw-review-progress progress');
  private readonly keepSelectedButton = this.locatorForOptional('.review-toolbar button');
  private readonly bulkError = this.locatorForOptional('.bulk-error');
  private readonly historyLink = this.locatorForOptional('.title-row a[download]');
  /** The review's state (loading, not found). */
  readonly state = this.locatorFor(PageStateHarness);
  /** The item list's state (loading, empty for this selection, failed). */
  readonly itemsState = this.locatorFor(new HarnessPredicate(PageStateHarness, { selector: '.items-state' }));

  async getHeading(): Promise<string> {
    return (await (await this.heading())?.text()) ?? '';
  }

  /** The facts list as term → description. */
  async getFacts(): Promise<Record<string, string>> {
    const [terms, descriptions] = await Promise.all([this.locatorForAll('.facts dt')(), this.locatorForAll('.facts dd')()]);
    const facts: Record<string, string> = {};
    for (let index = 0; index < terms.length; index++) facts[await terms[index].text()] = await descriptions[index].text();
    return facts;
  }

  /** The progress in words and the bar's percent. */
  async getProgress(): Promise<{ words: string; percent: number } | null> {
    const [words, bar] = await Promise.all([this.progressWords(), this.progressBar()]);
    if (!words || !bar) return null;
    return { words: await words.text(), percent: Number(await bar.getProperty<number>('value')) };
  }

  /** The items, top to bottom. */
  async getLines(): Promise<ItemLine[]> {
    return Promise.all(
      (await this.rows()).map(async (row) => {
        const cells = await this.cellsOf(row);
        return { owner: cells[0], appPassword: cells[1], age: cells[2], lastUse: cells[3], recommendation: cells[4], ownerSays: cells[5], decision: cells[6] };
      }),
    );
  }

  /** The index of the focused row (aria-selected), or -1. */
  async getFocusedIndex(): Promise<number> {
    const rows = await this.rows();
    for (let index = 0; index < rows.length; index++) if ((await rows[index].getAttribute('aria-selected')) === 'true') return index;
    return -1;
  }

  /** Whether the focused row has the browser's focus too. */
  async isFocusedRowFocused(): Promise<boolean> {
    const rows = await this.rows();
    const index = await this.getFocusedIndex();
    return index >= 0 && rows[index].isFocused();
  }

  /** Presses a key (`j`, `k`, `a`, `r`, `ArrowDown`, `ArrowUp`) on the focused row. */
  async press(key: string): Promise<void> {
    const rows = await this.rows();
    await rows[Math.max(await this.getFocusedIndex(), 0)].sendKeys(KEYS[key] ?? key);
  }

  /** Clicks a row, which focuses it. */
  async focusRow(index: number): Promise<void> {
    await (await this.rows())[index].focus();
  }

  async typeJustification(text: string): Promise<void> {
    await fillField(this.locatorFactory, 'justification', text);
  }

  async getJustification(): Promise<string> {
    return (await this.locatorFor('[name="justification"]')()).getProperty<string>('value');
  }

  async hasJustification(): Promise<boolean> {
    return (await this.locatorForOptional('[name="justification"]')()) !== null;
  }

  /** Picks which items show: ALL, UNDECIDED or MINE. */
  async show(selection: string): Promise<void> {
    await fillField(this.locatorFactory, 'selection', selection);
  }

  /** Presses a row's button by its accessible name ("Keep Mail k1 of alice@contoso.example", "I still need this: My phone"). */
  async pressButton(name: string): Promise<void> {
    await (await this.locatorFor(`button[aria-label="${name}"]`)()).click();
  }

  /** The accessible names of the buttons in the rows. */
  async getRowButtons(): Promise<string[]> {
    return Promise.all((await this.locatorForAll('tr.item button')()).map(async (button) => (await button.getAttribute('aria-label')) ?? ''));
  }

  async check(name: string): Promise<void> {
    await (await this.locatorFor(`input[type="checkbox"][aria-label="Select ${name}"]`)()).click();
  }

  async getCheckboxNames(): Promise<string[]> {
    return Promise.all((await this.locatorForAll('tbody input[type="checkbox"]')()).map(async (box) => (await box.getAttribute('aria-label')) ?? ''));
  }

  async keepSelected(): Promise<void> {
    const button = await this.keepSelectedButton();
    if (!button) throw new Error('No "Keep selected" button');
    await button.click();
  }

  async getKeepSelectedLabel(): Promise<string | null> {
    return (await (await this.keepSelectedButton())?.text()) ?? null;
  }

  /** Types the owner's note for their item, then says it is still needed. */
  async attest(label: string, note: string): Promise<void> {
    const input = await this.locatorFor(`input[aria-label="What ${label} is still used for (optional)"]`)();
    await input.setInputValue(note);
    await this.pressButton(`I still need this: ${label}`);
  }

  /** The refusals shown beside the items, by row index. */
  async getItemErrors(): Promise<Record<number, string>> {
    const errors: Record<number, string> = {};
    const rows = await this.rows();
    for (let index = 0; index < rows.length; index++) {
      const error = await this.locatorForOptional(`tr[data-item="${await rows[index].getAttribute('data-item')}"] .item-error`)();
      if (error) errors[index] = await error.text();
    }
    return errors;
  }

  /** The pager's count and page ("500 items · page 2"). */
  async getPagerStatus(): Promise<string> {
    return (await this.locatorFor('kw-pager [role="status"]')()).text();
  }

  async nextPage(): Promise<void> {
    await (await this.locatorForAll('kw-pager button')())[1].click();
  }

  async getBulkError(): Promise<string | null> {
    return (await (await this.bulkError())?.text()) ?? null;
  }

  /** Whether "Stop repeating" is offered. */
  /** Where the link to the series' next review points, or null when there is none. */
  async nextReviewLink(): Promise<string | null> {
    return (await (await this.locatorForOptional('a.next-review')())?.getAttribute('href')) ?? null;
  }

  async canStopRepeating(): Promise<boolean> {
    return (await this.locatorForOptional('button.stop-recurrence')()) !== null;
  }

  async stopRepeating(): Promise<void> {
    await (await this.locatorFor('button.stop-recurrence')()).click();
  }

  /** Why "Stop repeating" was refused, in the server's words, or null. */
  async getRecurrenceError(): Promise<string | null> {
    return (await (await this.locatorForOptional('.recurrence-error')())?.text()) ?? null;
  }

  async getHistoryUrl(): Promise<string | null> {
    return (await (await this.historyLink())?.getAttribute('href')) ?? null;
  }

  /** A row's cells after the checkbox (when there is one), as text. */
  private async cellsOf(row: TestElement): Promise<string[]> {
    const id = await row.getAttribute('data-item');
    const cells = await this.locatorForAll(`tr[data-item="${id}"] td:not(.narrow)`)();
    return Promise.all(cells.map((cell) => cell.text()));
  }
}
