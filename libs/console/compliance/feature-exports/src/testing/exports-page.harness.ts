import { ComponentHarness, HarnessPredicate } from '@angular/cdk/testing';
import { fillField, PageStateHarness } from '@keyward/console/shared/ui/testing';

/** Drives the exports page as an auditor would: choose what to export, download, cancel, read the checkpoint and keys, copy. */
export class ExportsPageHarness extends ComponentHarness {
  static hostSelector = 'kw-exports-page';
  private readonly downloadButton = this.locatorFor('form[aria-label="Export bundle"] button[type="submit"]');
  private readonly problem = this.locatorForOptional('.draft-problem[role="alert"]');
  private readonly progressText = this.locatorForOptional('.download-progress p');
  private readonly progressBar = this.locatorForOptional('.download-progress progress');
  private readonly cancelButton = this.locatorFor('.download-progress button');
  private readonly outcome = this.locatorForOptional('.download-outcome');
  private readonly rangeHint = this.locatorForOptional('#range-hint');
  private readonly format = this.locatorFor('.format');
  private readonly checkpointFacts = this.locatorForAll('.checkpoint-facts dd');
  private readonly checkpointNote = this.locatorForOptional('pre.checkpoint-note');
  private readonly keyItems = this.locatorForAll('ul.keys li');
  private readonly keyStates = this.locatorForAll('ul.keys li .key-state');
  private readonly keyTexts = this.locatorForAll('ul.keys li code.verifier-key');
  private readonly command = this.locatorFor('pre.verify-command');
  private readonly copyButtons = this.locatorForAll('kw-copy-button button');
  private readonly copyOutcomes = this.locatorForAll('kw-copy-button .copy-outcome');
  private readonly readAgainButton = this.locatorFor('.title-row button');
  readonly checkpointState = this.locatorFor(new HarnessPredicate(PageStateHarness, { selector: '.checkpoint-state' }));
  readonly keysState = this.locatorFor(new HarnessPredicate(PageStateHarness, { selector: '.keys-state' }));

  /** Chooses what to export: audit-log, usage or inventory. */
  async chooseKind(kind: string): Promise<void> {
    await (await this.locatorFor(`input[name="kind"][value="${kind}"]`)()).click();
  }

  /** Types into a field of the form (from, to, user, since, until, sinceSize). */
  async fill(name: string, value: string): Promise<void> {
    await fillField(this.locatorFactory, name, value);
  }

  async getValue(name: string): Promise<string> {
    return (await this.locatorFor(`[name="${name}"]`)()).getProperty<string>('value');
  }

  /** Whether the field is marked invalid (aria-invalid). */
  async isInvalid(name: string): Promise<boolean> {
    return (await (await this.locatorFor(`[name="${name}"]`)()).getAttribute('aria-invalid')) === 'true';
  }

  async download(): Promise<void> {
    await (await this.downloadButton()).click();
  }

  async isDownloadDisabled(): Promise<boolean> {
    return (await this.downloadButton()).getProperty<boolean>('disabled');
  }

  /** What is wrong with the form, as shown; null when nothing is. */
  async getProblem(): Promise<string | null> {
    return (await (await this.problem())?.text()) ?? null;
  }

  /** What the running download says, or null when none runs. */
  async getProgress(): Promise<string | null> {
    return (await (await this.progressText())?.text()) ?? null;
  }

  /** The progress bar's value and max (null when indeterminate), or null when none runs. */
  async getProgressBar(): Promise<{ value: number | null; max: number | null } | null> {
    const bar = await this.progressBar();
    if (!bar) return null;
    const [value, max] = await Promise.all([bar.getAttribute('value'), bar.getAttribute('max')]);
    return { value: value === null ? null : Number(value), max: max === null ? null : Number(max) };
  }

  async cancel(): Promise<void> {
    await (await this.cancelButton()).click();
  }

  /** How the last download ended, with its role (status or alert); null when none ended. */
  async getOutcome(): Promise<{ text: string; role: string | null } | null> {
    const outcome = await this.outcome();
    if (!outcome) return null;
    return { text: await outcome.text(), role: await outcome.getAttribute('role') };
  }

  async getRangeHint(): Promise<string | null> {
    return (await (await this.rangeHint())?.text()) ?? null;
  }

  async getFormat(): Promise<string> {
    return (await this.format()).text();
  }

  /** Origin, size, root hash and signers, as shown. */
  async getCheckpointFacts(): Promise<string[]> {
    return Promise.all((await this.checkpointFacts()).map((fact) => fact.text()));
  }

  async getCheckpointNote(): Promise<string | null> {
    return (await this.checkpointNote())?.getProperty<string>('textContent') ?? null;
  }

  async readAgain(): Promise<void> {
    await (await this.readAgainButton()).click();
  }

  /** Each key as listed: whether it is the current one (highlighted), its state line and the key. */
  async getKeys(): Promise<{ isCurrent: boolean; state: string; key: string }[]> {
    const [items, states, keys] = await Promise.all([this.keyItems(), this.keyStates(), this.keyTexts()]);
    return Promise.all(items.map(async (item, index) => ({ isCurrent: await item.hasClass('current'), state: await states[index].text(), key: await keys[index].text() })));
  }

  async getCommand(): Promise<string> {
    return (await this.command()).text();
  }

  /** The copy buttons' words, in page order. */
  async getCopyLabels(): Promise<string[]> {
    return Promise.all((await this.copyButtons()).map((button) => button.text()));
  }

  /** Clicks the copy button with these words. */
  async copy(label: string): Promise<void> {
    const buttons = await this.copyButtons();
    const labels = await Promise.all(buttons.map((button) => button.text()));
    if (!labels.includes(label)) throw new Error(`No copy button "${label}" among ${labels.join(', ')}`);
    await buttons[labels.indexOf(label)].click();
  }

  /** What the copy buttons said they did, in page order. */
  async getCopyOutcomes(): Promise<string[]> {
    return (await Promise.all((await this.copyOutcomes()).map((outcome) => outcome.text()))).filter(Boolean);
  }
}
