import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ApiError, SessionStore, type Permission } from '@keyward/console/shared/data-access';
import { CASE_POLL_MS, IncidentsApi, LeaksApi } from '@keyward/console/incidents/data-access';
import { IncidentsApiDouble, LeaksApiDouble, matchOf, scanOf } from '@keyward/console/incidents/data-access/testing';
import { LeakIntakePage } from './leak-intake.page';
import { SCAN_CLOCK_MS } from './leak-intake.store';
import { LeakIntakePageHarness } from './testing/leak-intake-page.harness';

/** The session as far as the page asks: which permissions (TENANT-wide) the user holds. */
class SessionDouble {
  constructor(private readonly granted: Permission[]) {}
  can(permission: Permission): boolean {
    return this.granted.includes(permission);
  }
}

const RESPONDER: Permission[] = ['leaks.scan', 'incidents.read', 'incidents.respond', 'users.read'];
const SECRET = 'kwqx 7pcd m3ty hn2v 9rzs afwe k4ub gj8c';
/** Alice's mail and phone proven and active, an old one proven but revoked, bob's not proven. */
const FOUND = scanOf({
  candidates: 5,
  matches: [matchOf('k-old', 'Old laptop', true, 'REVOKED'), matchOf('k-bob', 'Scanner', false, 'ACTIVE', 'bob@contoso.example'), matchOf('k-mail', 'Thunderbird', true), matchOf('k-phone', 'Phone', true)],
  provenActiveIds: ['k-mail', 'k-phone'],
});

async function showPage({ leaks = new LeaksApiDouble(), incidents = new IncidentsApiDouble(), granted = RESPONDER } = {}) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: '**', children: [] }]),
      { provide: LeaksApi, useValue: leaks },
      { provide: IncidentsApi, useValue: incidents },
      { provide: SessionStore, useValue: new SessionDouble(granted) },
      { provide: CASE_POLL_MS, useValue: 1 },
      { provide: SCAN_CLOCK_MS, useValue: 5 },
    ],
  });
  const fixture = TestBed.createComponent(LeakIntakePage);
  fixture.detectChanges();
  const page = await TestbedHarnessEnvironment.harnessForFixture(fixture, LeakIntakePageHarness);
  return { leaks, incidents, fixture, page };
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not met');
}

describe('leak intake', () => {
  it('scans pasted text, then shows the counts and every match, proven and active first, and forgets the text', async () => {
    const leaks = new LeaksApiDouble();
    leaks.next = FOUND;
    const { fixture, page } = await showPage({ leaks });
    await page.paste(`the mail config:\npassword = ${SECRET}\n`);
    await page.scanText();
    await fixture.whenStable();

    expect(leaks.sent).toEqual([{ call: 'scanText', text: `the mail config:\npassword = ${SECRET}\n` }]);
    expect(await page.getFigures()).toEqual([5, 4, 2]);
    expect(await (await page.matches())!.getLines()).toEqual([
      { label: 'Phone', href: '/app-passwords/k-phone', owner: 'alice@contoso.example', status: 'ACTIVE', proven: 'Yes' },
      { label: 'Thunderbird', href: '/app-passwords/k-mail', owner: 'alice@contoso.example', status: 'ACTIVE', proven: 'Yes' },
      { label: 'Old laptop', href: '/app-passwords/k-old', owner: 'alice@contoso.example', status: 'REVOKED', proven: 'Yes' },
      { label: 'Scanner', href: '/app-passwords/k-bob', owner: 'bob@contoso.example', status: 'ACTIVE', proven: 'No' },
    ]);
    expect(await (await page.matches())!.countOwnerLinks()).toBe(4);
    expect(await page.getPastedText()).toBe('');
    expect(await page.getText()).not.toContain(SECRET);
  });

  it('shows what it scans and for how long while the scan runs', async () => {
    const leaks = new LeaksApiDouble();
    let release = () => undefined as void;
    leaks.hold = new Promise((resolve) => (release = resolve));
    const { page } = await showPage({ leaks });
    await page.paste(SECRET);
    await page.scanText();
    await until(async () => /[1-9]\d* s so far/.test((await page.getScanning()) ?? ''));
    expect(await page.getScanning()).toMatch(/^Scanning the pasted text…/);

    release();
    await until(async () => (await page.getScanning()) === null);
  });

  it('says so when no app password of this tenant is in the text', async () => {
    const leaks = new LeaksApiDouble();
    leaks.next = scanOf({ candidates: 1 });
    const { fixture, page } = await showPage({ leaks });
    await page.paste('nothing of ours here, only a fabrikam one');
    await page.scanText();
    await fixture.whenStable();

    expect(await page.getFigures()).toEqual([1, 0, 0]);
    expect(await page.getEmptyText()).toBe('No app password of this tenant in the text.');
    expect(await page.matches()).toBeNull();
    expect(await page.getRevokeButton()).toBeNull();
  });

  it('uploads a chosen file and names it while it is scanned', async () => {
    const leaks = new LeaksApiDouble();
    let release = () => undefined as void;
    leaks.hold = new Promise((resolve) => (release = resolve));
    leaks.next = scanOf({ candidates: 1, matches: [matchOf('k-mail', 'Thunderbird', true)], provenActiveIds: ['k-mail'] });
    const { page } = await showPage({ leaks });
    await page.chooseFile(new File([`a log with ${SECRET}`], 'mail.log'));
    await page.scanFile();
    await until(async () => (await page.getScanning()) !== null);
    expect(await page.getScanning()).toMatch(/^Scanning mail\.log \(50 bytes\)…/);

    release();
    await until(async () => (await page.getScanning()) === null);
    expect(leaks.sent).toEqual([{ call: 'scanFile', file: { name: 'mail.log', size: 50 } }]);
    expect(await page.getFigures()).toEqual([1, 1, 1]);
  });

  it.each([
    ['over 20 MB, before sending it', null, 'The file is 21.0 MB; at most 20 MB is scanned at once. Split it and upload the parts one by one.'],
    ['too large for the server (413)', new ApiError('PAYLOAD_TOO_LARGE', 'The upload is over 20 MB: split the file.', { status: 413 }), /^The file is too large: at most 20 MB/],
    ['not text (415)', new ApiError('UNSUPPORTED_MEDIA_TYPE', 'The upload is binary, not text: byte 4 is NUL. Upload…', { status: 415 }), /^The file is not UTF-8 text, so it was not scanned \(byte 4 is NUL\)\./],
    ['holding too many app passwords (400)', new ApiError('BAD_USER_INPUT', 'The text holds more than 1,000 app passwords: scan at most 1,000 at a time (split it).'), /^The text holds more than 1,000/],
  ])('refuses a file %s in plain words', async (_what, refusal, message) => {
    const leaks = new LeaksApiDouble();
    if (refusal) leaks.next = refusal;
    const { fixture, page } = await showPage({ leaks });
    await page.chooseFile(refusal ? new File(['text'], 'dump.bin') : new File([new Uint8Array(21 * 2 ** 20)], 'huge.log'));
    await page.scanFile();
    await fixture.whenStable();

    expect(await page.getErrors()).toEqual([expect.stringMatching(message)]);
    expect(leaks.sent).toHaveLength(refusal ? 1 : 0);
    expect(await page.getScanning()).toBeNull();
  });

  it('revokes the proven active matches as one case, by ids expecting their count, then opens the case', async () => {
    const leaks = new LeaksApiDouble();
    leaks.next = FOUND;
    const incidents = new IncidentsApiDouble();
    incidents.matched = 2;
    const { fixture, page } = await showPage({ leaks, incidents });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await page.paste(SECRET);
    await page.scanText();
    await fixture.whenStable();

    expect(await page.getRevokeButton()).toBe('Revoke these 2 as a case…');
    await page.revokeAsCase();
    const dialog = await page.dialog();
    expect(await dialog.isOpen()).toBe(true);
    expect(await dialog.getTitle()).toBe('Revoke 2 app passwords');
    expect(await dialog.getFields()).toEqual({ reason: 'Leaked: found by scan scan-1', incidentRef: '' });
    expect(await dialog.isConfirmDisabled()).toBe(true);
    await dialog.revokeWith(null, 'INC-12');
    await fixture.whenStable();

    expect(incidents.sent).toEqual([
      { call: 'start', request: { action: 'REVOKE', filter: { ids: ['k-mail', 'k-phone'] }, reason: 'Leaked: found by scan scan-1', incidentRef: 'INC-12' }, expectedMatched: 2 },
    ]);
    expect(navigate).toHaveBeenCalledWith(['/incidents/cases', 'case-1']);
  });

  it('says how many are still active when one was revoked since the scan, and opens no case', async () => {
    const leaks = new LeaksApiDouble();
    leaks.next = FOUND;
    const incidents = new IncidentsApiDouble();
    incidents.matched = 1;
    const { fixture, page } = await showPage({ leaks, incidents });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await page.paste(SECRET);
    await page.scanText();
    await fixture.whenStable();
    await page.revokeAsCase();
    await (await page.dialog()).revokeWith(null, 'INC-12');
    await fixture.whenStable();

    expect(await (await page.dialog()).getErrors()).toEqual(['Only 1 of the 2 proven app passwords are still active. Close, and scan again to see which are.']);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('offers no revocation to whoever scans but does not respond, nor when no proven match is active', async () => {
    const leaks = new LeaksApiDouble();
    leaks.next = FOUND;
    const { fixture, page } = await showPage({ leaks, granted: ['leaks.scan'] });
    await page.paste(SECRET);
    await page.scanText();
    await fixture.whenStable();
    expect(await page.getRevokeButton()).toBeNull();
    expect(await page.getNotes()).toContain('Revoking them as a case is for incident responders and global admins.');
    expect(await (await page.matches())!.countOwnerLinks()).toBe(0);

    leaks.next = scanOf({ candidates: 1, matches: [matchOf('k-old', 'Old laptop', true, 'REVOKED')] });
    TestBed.resetTestingModule();
    const responder = await showPage({ leaks });
    await responder.page.paste(SECRET);
    await responder.page.scanText();
    await responder.fixture.whenStable();
    expect(await responder.page.getRevokeButton()).toBeNull();
    expect(await responder.page.getNotes()).toContain('No proven match is still active: there is nothing to revoke.');
  });
});
