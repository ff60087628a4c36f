import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ApiError } from '@keyward/console/shared/data-access';
import { AuditLogApi, FileSaver, refusalOf } from '@keyward/console/compliance/data-access';
import { AuditLogApiDouble, checkpointOf, CURRENT_KEY, FileSaverDouble, noteOf, ORIGIN, RETIRED_KEY, ROOT_HASH } from '@keyward/console/compliance/data-access/testing';
import { ExportsPage, NO_CHECKPOINT, NO_KEYS } from './exports.page';
import { ExportsPageHarness } from './testing/exports-page.harness';

async function showPage(api = new AuditLogApiDouble()) {
  const saver = new FileSaverDouble();
  TestBed.configureTestingModule({ providers: [{ provide: AuditLogApi, useValue: api }, { provide: FileSaver, useValue: saver }] });
  const fixture = TestBed.createComponent(ExportsPage);
  fixture.detectChanges();
  await fixture.whenStable();
  const page = await TestbedHarnessEnvironment.harnessForFixture(fixture, ExportsPageHarness);
  return { api, saver, fixture, page, settle: () => fixture.whenStable() };
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not met');
}

/** A download that stops before its last chunk until released. */
function held(api: AuditLogApiDouble): () => void {
  let release = () => undefined as void;
  api.hold = new Promise((resolve) => (release = resolve));
  return () => release();
}

describe('the exports page', () => {
  afterEach(() => Reflect.deleteProperty(navigator, 'clipboard'));

  it('shows the latest checkpoint, the tenant’s keys (the current one first and highlighted) and the command to verify with', async () => {
    const { page } = await showPage();
    expect(await page.getCheckpointFacts()).toEqual([ORIGIN, '120 records', ROOT_HASH, `${ORIGIN} (key 7f3a9c21)`]);
    expect(await page.getCheckpointNote()).toBe(noteOf(120));
    expect(await page.getKeys()).toEqual([
      { isCurrent: true, state: 'Current key · id 7f3a9c21 · created 2026-06-01 · signed the latest checkpoint', key: CURRENT_KEY },
      { isCurrent: false, state: 'Retired 2026-06-01 00:00 UTC · id 0b12cd34 · created 2026-01-01', key: RETIRED_KEY },
    ]);
    expect(await page.getCommand()).toBe(`node keyward.mjs verify-export <file.zip> --key ${CURRENT_KEY}`);
    expect(await page.getCopyLabels()).toEqual(['Copy the command', 'Copy the checkpoint', 'Copy the current key', 'Copy retired key 0b12cd34']);
  });

  it('says a bundle always holds NDJSON, CSV and OCSF', async () => {
    const { page } = await showPage();
    expect(await page.getFormat()).toMatch(/^Format: one ZIP that always holds the records three ways: records\.ndjson .* records\.csv \(RFC 4180\) and records\.ocsf\.ndjson \(OCSF/);
  });

  it('offers the whole log up to the latest checkpoint, and downloads it with its progress, then saves it and names it in the command', async () => {
    const api = new AuditLogApiDouble();
    const release = held(api);
    const { page, saver, settle } = await showPage(api);
    expect([await page.getValue('from'), await page.getValue('to')]).toEqual(['0', '120']);
    expect(await page.getRangeHint()).toMatch(/^The latest checkpoint holds records 0 to 119: From 0 and To 120 export the whole log\./);

    await page.download();
    await until(async () => (await page.getProgress()) === 'Downloading the audit log bundle of 120 records… 1 KB received.');
    expect(await page.getProgressBar()).toEqual({ value: null, max: null });
    expect(await page.isDownloadDisabled()).toBe(true);
    expect(api.requested).toEqual([{ kind: 'audit-log', from: 0, to: 120, sinceSize: null }]);

    release();
    await until(async () => (await page.getProgress()) === null);
    await settle();
    expect(await page.getOutcome()).toEqual({ text: 'Saved keyward-audit-log-0-120.zip (3 KB, 120 records). Verify it offline before relying on it: the command is below.', role: 'status' });
    expect(saver.saved).toEqual([{ fileName: 'keyward-audit-log-0-120.zip', size: 3072 }]);
    expect(await page.getCommand()).toBe(`node keyward.mjs verify-export keyward-audit-log-0-120.zip --key ${CURRENT_KEY}`);
    expect(await page.isDownloadDisabled()).toBe(false);
  });

  it('cancels a running download, and saves nothing', async () => {
    const api = new AuditLogApiDouble();
    held(api);
    const { page, saver, settle } = await showPage(api);
    await page.download();
    await until(async () => (await page.getProgress())?.endsWith('1 KB received.') ?? false);
    await page.cancel();
    await settle();
    expect(await page.getOutcome()).toEqual({ text: 'Download cancelled after 1 KB: nothing was saved.', role: 'status' });
    expect(await page.getProgress()).toBeNull();
    expect(saver.saved).toEqual([]);
  });

  it('exports one user’s usage over a span given in UTC, with a consistency proof from a checkpoint the auditor holds', async () => {
    const { api, page, settle } = await showPage();
    await page.chooseKind('usage');
    await page.download();
    expect(await page.getProblem()).toBe('Type the user’s principal name, such as alice@contoso.example.');
    expect(await page.isInvalid('user')).toBe(true);
    expect(api.requested).toEqual([]);

    await page.fill('user', ' alice@contoso.example ');
    await page.fill('since', '2026-11-01T00:00');
    await page.fill('sinceSize', '100');
    expect(await page.getProblem()).toBeNull();
    await page.download();
    await settle();
    expect(api.requested).toEqual([{ kind: 'usage', user: 'alice@contoso.example', since: '2026-11-01T00:00:00.000Z', until: null, sinceSize: 100 }]);
  });

  it('exports the inventory', async () => {
    const { api, page, settle } = await showPage();
    await page.chooseKind('inventory');
    await page.download();
    await settle();
    expect(api.requested).toEqual([{ kind: 'inventory', sinceSize: null }]);
  });

  it.each([
    ['To past the latest checkpoint', 'to', '121', 'The latest checkpoint holds 120 records: To can be at most 120.'],
    ['From after To', 'from', '121', 'From must not be after To: the bundle holds the records From to To − 1 (120 is To).'],
    ['a checkpoint larger than the latest', 'sinceSize', '500', 'The latest checkpoint holds 120 records: a checkpoint you hold cannot be larger.'],
  ])('refuses %s before asking the server', async (_what, field, value, problem) => {
    const { api, page } = await showPage();
    await page.fill(field, value);
    await page.download();
    expect(await page.getProblem()).toBe(problem);
    expect(api.requested).toEqual([]);
  });

  it('shows the server’s message when it refuses, as an alert', async () => {
    const api = new AuditLogApiDouble();
    api.refusal = refusalOf(404, JSON.stringify({ code: 'NOT_FOUND', message: 'There is no user nobody@contoso.example in this tenant.' }));
    const { page, settle } = await showPage(api);
    await page.chooseKind('usage');
    await page.fill('user', 'nobody@contoso.example');
    await page.download();
    await settle();
    expect(await page.getOutcome()).toEqual({ text: 'There is no user nobody@contoso.example in this tenant.', role: 'alert' });
  });

  it('says when the log has no checkpoint yet, and leaves the end of the range to the server', async () => {
    const api = new AuditLogApiDouble();
    api.checkpoint = null;
    const { page, settle } = await showPage(api);
    const state = await page.checkpointState();
    expect(await state.getState()).toBe('empty');
    expect(await state.getMessage()).toBe(NO_CHECKPOINT);
    expect(NO_CHECKPOINT).toMatch(/^The log has no checkpoint yet/);
    expect(await (await page.keysState()).getMessage()).toBe(NO_KEYS);
    expect(await page.getValue('to')).toBe('');
    expect(await page.getCommand()).toBe('node keyward.mjs verify-export <file.zip> --key <verifierKey>');

    await page.download();
    await settle();
    expect(api.requested).toEqual([{ kind: 'audit-log', from: 0, to: null, sinceSize: null }]);
  });

  it('reads the checkpoint again on request, the whole-log range following it', async () => {
    const { api, page, settle } = await showPage();
    api.checkpoint = checkpointOf(150);
    await page.readAgain();
    await settle();
    expect((await page.getCheckpointFacts())[1]).toBe('150 records');
    expect(await page.getValue('to')).toBe('150');

    await page.fill('to', '100');
    api.checkpoint = checkpointOf(170);
    await page.readAgain();
    await settle();
    expect(await page.getValue('to')).toBe('100');
  });

  it('says why the checkpoint could not be read, and tries again', async () => {
    const api = new AuditLogApiDouble();
    api.readError = new ApiError('STEP_UP_REQUIRED', '', { status: 403 });
    const { page, settle } = await showPage(api);
    const state = await page.checkpointState();
    expect(await state.getState()).toBe('error');
    expect(await state.getMessage()).toMatch(/^Exports need a recent sign-in/);
    api.readError = null;
    await state.retry();
    await settle();
    expect(await state.getState()).toBe('content');
  });

  it('copies the checkpoint note and a key, and says so; where the browser refuses, says to select the text', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { page } = await showPage();
    await page.copy('Copy the checkpoint');
    await page.copy('Copy the current key');
    expect(writeText.mock.calls).toEqual([[noteOf(120)], [CURRENT_KEY]]);
    expect(await page.getCopyLabels()).toEqual(['Copy the command', 'Copied', 'Copied', 'Copy retired key 0b12cd34']);
    expect(await page.getCopyOutcomes()).toEqual(['Copied to the clipboard.', 'Copied to the clipboard.']);

    writeText.mockRejectedValue(new Error('denied'));
    await page.copy('Copy the command');
    expect(await page.getCopyOutcomes()).toContain('The browser did not allow copying: select the text and copy it.');
  });
});
