import { TestBed } from '@angular/core/testing';
import { ApiError } from '@keyward/console/shared/data-access';
import { LeaksApi } from '@keyward/console/incidents/data-access';
import { LeaksApiDouble, matchOf, scanOf } from '@keyward/console/incidents/data-access/testing';
import { LeakIntakeStore, SCAN_CLOCK_MS } from './leak-intake.store';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function storeWith(api: LeaksApiDouble): LeakIntakeStore {
  TestBed.configureTestingModule({ providers: [LeakIntakeStore, { provide: LeaksApi, useValue: api }, { provide: SCAN_CLOCK_MS, useValue: 2 }] });
  return TestBed.inject(LeakIntakeStore);
}

describe('scanning for leaked app passwords', () => {
  it('keeps what a paste scan found, its matches proven and active first', async () => {
    const api = new LeaksApiDouble();
    api.next = scanOf({ candidates: 2, matches: [matchOf('k1', 'Old', false), matchOf('k2', 'Mail', true)], provenActiveIds: ['k2'] });
    const store = storeWith(api);
    expect(await store.scanText('some text')).toBe(true);
    expect(store.scan()?.candidates).toBe(2);
    expect(store.matches().map((match) => match.appPassword.id)).toEqual(['k2', 'k1']);
    expect(store.running()).toBeNull();
  });

  it('counts the seconds of a running scan, one scan at a time, and stops counting when it ends', async () => {
    const api = new LeaksApiDouble();
    let release = () => undefined as void;
    api.hold = new Promise((resolve) => (release = resolve));
    const store = storeWith(api);
    const first = store.scanFile(new File(['a log'], 'mail.log'));
    expect(store.running()).toEqual({ kind: 'file', name: 'mail.log', size: 5 });
    expect(await store.scanText('another')).toBe(false);
    for (let waited = 0; store.seconds() < 3 && waited < 1000; waited += 5) await pause(5);
    expect(store.seconds()).toBeGreaterThan(2);

    release();
    expect(await first).toBe(true);
    const seconds = store.seconds();
    await pause(10);
    expect(store.seconds()).toBe(seconds);
    expect(api.sent.map((sent) => sent.call)).toEqual(['scanFile']);
  });

  it('says why a scan was refused, keeps no result, and starts the next one clean', async () => {
    const api = new LeaksApiDouble();
    api.next = scanOf({ candidates: 1 });
    const store = storeWith(api);
    await store.scanText('first');
    api.next = new ApiError('BAD_USER_INPUT', 'The text holds more than 1,000 app passwords: scan at most 1,000 at a time (split it).');
    expect(await store.scanText('too many')).toBe(false);
    expect(store.scan()).toBeNull();
    expect(store.error()).toBe('The text holds more than 1,000 app passwords: scan at most 1,000 at a time (split it).');

    api.next = scanOf();
    await store.scanText('third');
    expect(store.error()).toBe('');
    expect(store.scan()).toEqual(scanOf());
  });

  it('refuses an empty file or one over 20 MB without sending it', async () => {
    const api = new LeaksApiDouble();
    const store = storeWith(api);
    expect(await store.scanFile(new File([], 'empty.log'))).toBe(false);
    expect(store.error()).toBe('The file is empty: there is nothing to scan.');
    expect(await store.scanFile(new File([new Uint8Array(20 * 2 ** 20 + 1)], 'huge.log'))).toBe(false);
    expect(store.error()).toMatch(/^The file is 20\.0 MB; at most 20 MB/);
    expect(api.sent).toEqual([]);
  });
});
