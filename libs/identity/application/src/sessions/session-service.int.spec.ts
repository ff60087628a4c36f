import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@keyward/shared/event-store';
import { openReadModelDatabase, type ReadModelDatabase } from '@keyward/shared/read-models';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { hashSecret } from '@keyward/shared/security';
import { loadConfig, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { DEFAULT_TENANT_POLICY, tenantStreamId, userIdFor, userStreamId } from '@keyward/identity/domain';
import { generate as totpCode } from 'otplib';
import { Directory } from '../directory/directory.repository';
import { SecondFactorService } from '../second-factors/second-factor.service';
import { SessionService } from './session-service';

// A real SQLite store and read-model file; only the clock is ours, to move time.
describe('console sessions', () => {
  let dir: string;
  let store: SqliteEventStore;
  let db: ReadModelDatabase;
  let now: Date;
  let sessions: SessionService;
  const clock: Clock = { now: () => now };
  const upn = 'kim@contoso.example';
  /** A node's sessions: its own database, the shared store. */
  const sessionsOn = (database: ReadModelDatabase, config: KeywardConfig) => {
    const aggregates = new Aggregates(store, randomUUID);
    const directory = new Directory(aggregates);
    return new SessionService(database, config, clock, directory, new SecondFactorService(database, clock, aggregates, directory));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-sessions-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    db = openReadModelDatabase(dir);
    const userId = userIdFor(upn);
    const metadata = { tenantId: 't-1', actor: 'system:test' as const, occurredAt: '2026-01-01T00:00:00.000Z', correlationId: 'c', causationId: 'c' };
    await store.appendToStream(tenantStreamId('t-1'), [
      { id: 't-1', type: 'TenantCreated', data: { tenantId: 't-1', name: 'Contoso', domains: ['contoso.example'], policy: DEFAULT_TENANT_POLICY }, metadata },
    ]);
    // A tenant that signs in with single sign-on only, and its user.
    await store.appendToStream(tenantStreamId('t-2'), [
      { id: 't-2', type: 'TenantCreated', data: { tenantId: 't-2', name: 'Fabrikam', domains: ['fabrikam.example'], policy: { ...DEFAULT_TENANT_POLICY, isPasswordSignInAllowed: false } }, metadata: { ...metadata, tenantId: 't-2' } },
    ]);
    await store.appendToStream(userStreamId(userIdFor('sso@fabrikam.example')), [
      {
        id: 'e-2',
        type: 'UserCreated',
        data: { userId: userIdFor('sso@fabrikam.example'), tenantId: 't-2', userPrincipalName: 'sso@fabrikam.example', displayName: 'Sso', roles: ['USER'], mfaRegistered: true, passwordHash: await hashSecret('sso-console-password') },
        metadata: { ...metadata, tenantId: 't-2' },
      },
    ]);
    await store.appendToStream(userStreamId(userId), [
      {
        id: 'e-1',
        type: 'UserCreated',
        data: { userId, tenantId: 't-1', userPrincipalName: upn, displayName: 'Kim', roles: ['AUDITOR'], mfaRegistered: true, passwordHash: await hashSecret('kim-console-password') },
        metadata: { tenantId: 't-1', actor: 'system:test', occurredAt: '2026-01-01T00:00:00.000Z', correlationId: 'c', causationId: 'c' },
      },
    ]);
    const config = loadConfig({ KEYWARD_SESSION_IDLE_MINUTES: '30', KEYWARD_SESSION_MAX_HOURS: '12' });
    sessions = sessionsOn(db, config);
  });
  beforeEach(() => (now = new Date('2026-03-01T08:00:00.000Z')));
  afterAll(async () => {
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn(sourceIp: string | null = null): Promise<string> {
    const result = await sessions.signIn(upn, 'kim-console-password', sourceIp);
    if (result.outcome !== 'signed-in') throw new Error(`not signed in: ${result.outcome}`);
    return result.token;
  }

  it('opens a session with a 256-bit token that stands for the user and their roles', async () => {
    const result = await sessions.signIn('Kim@Contoso.Example', 'kim-console-password');
    const token = result.outcome === 'signed-in' ? result.token : null;
    expect(Buffer.from(token ?? '', 'base64url')).toHaveLength(32);
    expect(await sessions.principalFor(token ?? '')).toEqual({
      kind: 'user',
      userId: userIdFor(upn),
      tenantId: 't-1',
      userPrincipalName: upn,
      roles: ['AUDITOR'],
      signInMethod: 'password',
      isRecentlyAuthenticated: true,
      // An auditor created two months ago without a second factor: past the 14 days of grace.
      mustEnrol: true,
    });
  });

  it('given a tenant that signs in with single sign-on only, when its user gives the right password, then sso-required; a wrong one is refused as ever', async () => {
    expect(await sessions.signIn('sso@fabrikam.example', 'sso-console-password')).toEqual({ outcome: 'sso-required' });
    expect(await sessions.signIn('sso@fabrikam.example', 'not-the-password')).toEqual({ outcome: 'refused' });
  });

  it('opens a single sign-on session that says so', async () => {
    const user = await new Directory(new Aggregates(store, randomUUID)).user(userIdFor('sso@fabrikam.example'));
    if (user.status === 'none') throw new Error('no user');
    const token = sessions.openSsoSession(user);
    expect(await sessions.principalFor(token)).toMatchObject({ userPrincipalName: 'sso@fabrikam.example', signInMethod: 'sso' });
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    expect(await sessions.signIn(upn, 'wrong-password')).toEqual({ outcome: 'refused' });
    expect(await sessions.signIn('nobody@contoso.example', 'kim-console-password')).toEqual({ outcome: 'refused' });
    expect(await sessions.signIn('not a name', 'x')).toEqual({ outcome: 'refused' });
  });

  it('gives a new token at every sign-in', async () => {
    const first = await signedIn();
    const second = await signedIn();
    expect(first).not.toEqual(second);
  });

  it('ends a session idle for longer than the idle timeout', async () => {
    const token = await signedIn();
    now = new Date(now.getTime() + 29 * 60_000);
    expect(await sessions.principalFor(token)).not.toBeNull();
    now = new Date(now.getTime() + 31 * 60_000);
    expect(await sessions.principalFor(token)).toBeNull();
  });

  it('given an idle timeout of one minute, when the session is used every 40 seconds, then it stays open: its use is written often enough', async () => {
    // given
    const short = sessionsOn(db, loadConfig({ KEYWARD_SESSION_IDLE_MINUTES: '1', KEYWARD_SESSION_MAX_HOURS: '12' }));
    const result = await short.signIn(upn, 'kim-console-password', '192.0.2.1');
    const token = result.outcome === 'signed-in' ? result.token : '';
    // when / then
    for (let i = 0; i < 8; i++) {
      now = new Date(now.getTime() + 40_000);
      expect(await short.principalFor(token)).not.toBeNull();
    }
    now = new Date(now.getTime() + 61_000);
    expect(await short.principalFor(token)).toBeNull();
  });

  it('ends an active session at the absolute timeout', async () => {
    const token = await signedIn();
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      now = new Date(now.getTime() + 20 * 60_000);
      expect(await sessions.principalFor(token)).not.toBeNull();
    }
    now = new Date(now.getTime() + 40 * 60_000);
    expect(await sessions.principalFor(token)).toBeNull();
  });

  it('ends a session at sign-out', async () => {
    const token = await signedIn();
    sessions.signOut(token);
    expect(await sessions.principalFor(token)).toBeNull();
  });

  it('slows down guessing after ten failures, but not the owner from an address they used', async () => {
    await signedIn('192.0.2.1');
    for (let i = 0; i < 11; i++) await sessions.signIn(upn, `guess-${i}`, '203.0.113.5');
    expect(await sessions.signIn(upn, 'kim-console-password', '203.0.113.5')).toMatchObject({ outcome: 'throttled' });
    expect((await sessions.signIn(upn, 'kim-console-password', '192.0.2.1')).outcome).toBe('signed-in');
  });

  describe('on two nodes, each with its own sessions', () => {
    const lou = 'lou@contoso.example';
    const louId = userIdFor(lou);
    const meta = () => ({ tenantId: 't-1', actor: 'system:test' as const, occurredAt: now.toISOString(), correlationId: 'c', causationId: 'c' });
    let otherNode: SessionService;
    let otherDir: string;

    beforeAll(async () => {
      await store.appendToStream(userStreamId(louId), [
        {
          id: 'lou-1',
          type: 'UserCreated',
          data: { userId: louId, tenantId: 't-1', userPrincipalName: lou, displayName: 'Lou', roles: ['USER'], mfaRegistered: true, passwordHash: await hashSecret('lou-console-password') },
          metadata: meta(),
        },
      ]);
      otherDir = mkdtempSync(join(tmpdir(), 'keyward-sessions-other-'));
      const config = loadConfig({ KEYWARD_SESSION_IDLE_MINUTES: '30', KEYWARD_SESSION_MAX_HOURS: '12' });
      otherNode = sessionsOn(openReadModelDatabase(otherDir), config);
    });
    afterAll(() => rmSync(otherDir, { recursive: true, force: true }));

    const signInOnOtherNode = async () => {
      const result = await otherNode.signIn(lou, 'lou-console-password');
      if (result.outcome !== 'signed-in') throw new Error(`not signed in: ${result.outcome}`);
      return result.token;
    };

    it('given a session on the other node left unused, when the user is disabled and enabled again on this one, then that session is over there too', async () => {
      // given
      const token = await signInOnOtherNode();
      expect(await otherNode.principalFor(token)).toMatchObject({ userId: louId });
      // when: this node disables and enables (and ends only its own sessions)
      await store.appendToStream(userStreamId(louId), [{ id: 'lou-2', type: 'UserDisabled', data: { userId: louId, revokesAppPasswords: false }, metadata: meta() }]);
      await store.appendToStream(userStreamId(louId), [{ id: 'lou-3', type: 'UserEnabled', data: { userId: louId }, metadata: meta() }]);
      // then
      expect(await otherNode.principalFor(token)).toBeNull();
      const fresh = await signInOnOtherNode();
      expect(await otherNode.principalFor(fresh)).toMatchObject({ userId: louId });
    });

    it('given a session on the other node, when the password is reset on this one, then that session is over', async () => {
      // given
      const token = await signInOnOtherNode();
      // when
      await store.appendToStream(userStreamId(louId), [
        { id: 'lou-4', type: 'UserPasswordReset', data: { userId: louId, passwordHash: await hashSecret('lou-new-password'), revokesAppPasswords: false }, metadata: meta() },
      ]);
      // then
      expect(await otherNode.principalFor(token)).toBeNull();
    });
  });

  describe('with a second factor', () => {
    const ana = 'ana@contoso.example';
    const anaId = userIdFor(ana);
    let factors: SecondFactorService;
    let recoveryCodes: readonly string[];
    let secret: string;
    const principal = { kind: 'user' as const, userId: anaId, tenantId: 't-1', userPrincipalName: ana, roles: ['GLOBAL_ADMIN' as const] };
    const context = () => ({ actor: `user:${anaId}` as const, tenantId: 't-1', now, correlationId: randomUUID() });
    const codeAt = (at: Date) => totpCode({ secret, epoch: Math.floor(at.getTime() / 1000) });

    beforeAll(async () => {
      now = new Date('2026-03-01T08:00:00.000Z');
      await store.appendToStream(userStreamId(anaId), [
        {
          id: 'ana-1',
          type: 'UserCreated',
          data: { userId: anaId, tenantId: 't-1', userPrincipalName: ana, displayName: 'Ana', roles: ['GLOBAL_ADMIN'], mfaRegistered: false, passwordHash: await hashSecret('ana-console-password') },
          metadata: { tenantId: 't-1', actor: 'system:test', occurredAt: '2026-02-27T08:00:00.000Z', correlationId: 'c', causationId: 'c' },
        },
      ]);
      const aggregates = new Aggregates(store, randomUUID);
      factors = new SecondFactorService(db, clock, aggregates, new Directory(aggregates));
    });

    it('given a global admin created two days ago without a factor, when they sign in with the password alone, then they are in, within the grace period', async () => {
      const result = await sessions.signIn(ana, 'ana-console-password');
      expect(result).toMatchObject({ outcome: 'signed-in', mfa: { status: 'grace', deadline: new Date('2026-03-13T08:00:00.000Z') } });
      expect(await sessions.principalFor(result.outcome === 'signed-in' ? result.token : '')).toMatchObject({ mustEnrol: false });
    });

    it('given an enrolment begun, when it is confirmed with a wrong code, then nothing is enrolled; with the right one, the admin has a TOTP factor', async () => {
      // given
      const enrolment = await factors.beginTotpEnrolment(principal);
      secret = enrolment.secret;
      recoveryCodes = enrolment.recoveryCodes;
      expect(enrolment.otpauthUri).toBe(`otpauth://totp/Keyward:ana%40contoso.example?secret=${secret}&issuer=Keyward`);
      expect(enrolment.qrCodeSvg).toMatch(/^<svg /);
      expect(new Set(enrolment.recoveryCodes).size).toBe(10);
      // when / then
      const wrong = String((Number(await codeAt(now)) + 1) % 1_000_000).padStart(6, '0');
      await expect(factors.confirmTotpEnrolment(principal, wrong, context())).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      const user = await factors.confirmTotpEnrolment(principal, await codeAt(now), context());
      expect(user.mfaRegistered).toBe(true);
      expect(user.secondFactors.totp).not.toBeNull();
    });

    it('when the admin signs in without a code, or with a wrong one, then the answer is the same: a second factor is required', async () => {
      now = new Date(now.getTime() + 60_000);
      expect(await sessions.signIn(ana, 'ana-console-password')).toEqual({ outcome: 'second-factor-required', factors: { totp: true, passkey: false } });
      expect(await sessions.signIn(ana, 'ana-console-password', null, { otp: '000000' })).toEqual({ outcome: 'second-factor-required', factors: { totp: true, passkey: false } });
      expect(await sessions.signIn(ana, 'wrong-password', null, { otp: await codeAt(now) })).toEqual({ outcome: 'refused' });
    });

    it('when the admin signs in with the code, then they are in; the same code a second time is refused', async () => {
      now = new Date(now.getTime() + 60_000);
      const code = await codeAt(now);
      expect(await sessions.signIn(ana, 'ana-console-password', null, { otp: code })).toMatchObject({ outcome: 'signed-in', mfa: { status: 'satisfied' } });
      expect(await sessions.signIn(ana, 'ana-console-password', null, { otp: code })).toMatchObject({ outcome: 'second-factor-required' });
    });

    it('accepts each recovery code once, however it is spaced or cased', async () => {
      const code = recoveryCodes[0];
      expect(await sessions.signIn(ana, 'ana-console-password', null, { otp: ` ${code.toUpperCase()} ` })).toMatchObject({ outcome: 'signed-in' });
      expect(await sessions.signIn(ana, 'ana-console-password', null, { otp: code })).toMatchObject({ outcome: 'second-factor-required' });
    });

    it('given a session signed in six minutes ago, then it needs a step-up; a wrong password or no code does not give it, the password and a fresh code do', async () => {
      // given (the clock starts at 08:00 in every test: a minute later than the codes used before)
      now = new Date(now.getTime() + 2 * 60_000);
      const signedInResult = await sessions.signIn(ana, 'ana-console-password', null, { otp: await codeAt(now) });
      expect(signedInResult.outcome).toBe('signed-in');
      const token = signedInResult.outcome === 'signed-in' ? signedInResult.token : '';
      now = new Date(now.getTime() + 6 * 60_000);
      expect(await sessions.principalFor(token)).toMatchObject({ isRecentlyAuthenticated: false });
      // when / then
      expect(await sessions.stepUp(token, 'wrong-password', null, { otp: await codeAt(now) })).toEqual({ outcome: 'refused' });
      expect(await sessions.stepUp(token, 'ana-console-password', null, {})).toMatchObject({ outcome: 'second-factor-required' });
      expect(await sessions.principalFor(token)).toMatchObject({ isRecentlyAuthenticated: false });
      expect(await sessions.stepUp(token, 'ana-console-password', null, { otp: await codeAt(now) })).toEqual({ outcome: 'stepped-up' });
      expect(await sessions.principalFor(token)).toMatchObject({ isRecentlyAuthenticated: true });
    });

    it("given an admin's reset of the factors, then the sessions opened with them are over and the password alone signs in again", async () => {
      // given
      now = new Date(now.getTime() + 10 * 60_000);
      const before = await sessions.signIn(ana, 'ana-console-password', null, { otp: await codeAt(now) });
      const token = before.outcome === 'signed-in' ? before.token : '';
      // when
      const admin = { ...principal, userId: 'someone-else' };
      await factors.reset(admin, anaId, 'Lost phone, ticket 4711', context());
      // then
      expect(await sessions.principalFor(token)).toBeNull();
      expect(await sessions.signIn(ana, 'ana-console-password')).toMatchObject({ outcome: 'signed-in', mfa: { status: 'grace' } });
    });
  });
});
