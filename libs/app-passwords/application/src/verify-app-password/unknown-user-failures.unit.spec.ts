import { UnknownUserFailures, type UnknownUserFailure } from './unknown-user-failures';

const start = Date.parse('2026-03-01T12:00:00.000Z');
const failure = (seconds: number, overrides: Partial<UnknownUserFailure> = {}): UnknownUserFailure => ({
  tenantId: 't-1',
  actor: 'gateway:dovecot',
  userPrincipalName: 'ghost@contoso.example',
  protocol: 'imap',
  sourceIp: '198.51.100.9',
  client: null,
  at: new Date(start + seconds * 1000),
  ...overrides,
});

describe('failures of unknown user names', () => {
  it('given a window with room, when failures come, then each is recorded on its own until the allowance is spent', () => {
    const failures = new UnknownUserFailures({ recordedPerWindow: 2, windowMs: 60_000, maxListed: 10 });
    expect([0, 1, 2, 3].map((s) => failures.admit(failure(s)))).toEqual([true, true, false, false]);
  });

  it('given a spent allowance, when the window ends, then a new one records on its own again and the old one is summarized', () => {
    // given
    const failures = new UnknownUserFailures({ recordedPerWindow: 1, windowMs: 60_000, maxListed: 10 });
    failures.admit(failure(0));
    failures.admit(failure(10));
    failures.admit(failure(20, { userPrincipalName: 'other@contoso.example' }));
    // when
    expect(failures.admit(failure(61))).toBe(true);
    // then
    const [summary, ...more] = failures.take(start + 61_000);
    expect(more).toEqual([]);
    expect(summary).toMatchObject({ tenantId: 't-1', actor: 'gateway:dovecot', data: { reason: 'UNKNOWN_USER', attempts: 2, omitted: 0, from: '2026-03-01T12:00:10.000Z', to: '2026-03-01T12:00:20.000Z' } });
    expect(summary.data.failures.map((f) => [f.userPrincipalName, f.count])).toEqual([['ghost@contoso.example', 1], ['other@contoso.example', 1]]);
  });

  it('keeps tenants and gateways apart: each has its own allowance and summary', () => {
    const failures = new UnknownUserFailures({ recordedPerWindow: 1, windowMs: 60_000, maxListed: 10 });
    expect(failures.admit(failure(0))).toBe(true);
    expect(failures.admit(failure(1, { tenantId: 't-2' }))).toBe(true);
    expect(failures.admit(failure(2, { actor: 'gateway:nginx' }))).toBe(true);
    failures.admit(failure(3));
    failures.admit(failure(4, { tenantId: 't-2' }));
    expect(failures.take(start + 120_000).map((s) => [s.tenantId, s.actor, s.data.attempts])).toEqual([
      ['t-1', 'gateway:dovecot', 1],
      ['t-2', 'gateway:dovecot', 1],
    ]);
  });

  it('lists at most maxListed combinations and counts the attempts past them as omitted', () => {
    const failures = new UnknownUserFailures({ recordedPerWindow: 0, windowMs: 60_000, maxListed: 2 });
    for (let i = 0; i < 5; i++) failures.admit(failure(i, { userPrincipalName: `ghost${i}@contoso.example` }));
    failures.admit(failure(5, { userPrincipalName: 'ghost0@contoso.example' }));
    const [summary] = failures.take(0, true);
    expect(summary.data).toMatchObject({ attempts: 6, omitted: 3 });
    expect(summary.data.failures.map((f) => [f.userPrincipalName, f.count, f.firstAt, f.lastAt])).toEqual([
      ['ghost0@contoso.example', 2, '2026-03-01T12:00:00.000Z', '2026-03-01T12:00:05.000Z'],
      ['ghost1@contoso.example', 1, '2026-03-01T12:00:01.000Z', '2026-03-01T12:00:01.000Z'],
    ]);
  });

  it('given an open window, when taken before it ends, then nothing; a window with nothing summarized gives nothing either', () => {
    const failures = new UnknownUserFailures({ recordedPerWindow: 1, windowMs: 60_000, maxListed: 10 });
    failures.admit(failure(0, { tenantId: 't-quiet' }));
    failures.admit(failure(0));
    failures.admit(failure(1));
    expect(failures.take(start + 30_000)).toEqual([]);
    expect(failures.take(start + 60_000).map((s) => s.tenantId)).toEqual(['t-1']);
  });

  it('given a summary that could not be written, when put back, then the next take returns it whole', () => {
    const failures = new UnknownUserFailures({ recordedPerWindow: 0, windowMs: 60_000, maxListed: 10 });
    failures.admit(failure(0));
    const [summary] = failures.take(0, true);
    failures.putBack(summary);
    expect(failures.take(0)).toEqual([summary]);
  });
});
