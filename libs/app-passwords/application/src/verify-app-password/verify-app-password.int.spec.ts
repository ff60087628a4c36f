import * as argon2 from 'argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryBus } from '@nestjs/cqrs';
import { SqliteEventStore } from '@keyward/shared/event-store';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { hashSecret } from '@keyward/shared/security';
import { loadConfig, type Clock } from '@keyward/shared/server';
import { userIdFor, userStreamId } from '@keyward/identity/domain';
import { Directory } from '@keyward/identity/application';
import { appPasswordStreamId, composeAppPassword, newAppPasswordSecret, parseAppPassword, SECRET_ALPHABET } from '@keyward/app-passwords/domain';
import { Credentials } from '../credentials/credentials.repository';
import { VerifyAppPassword, type VerificationAttempt } from './verify-app-password.use-case';

// Real argon2, counted: every module that imports it gets this wrapper.
jest.mock('argon2', () => {
  const actual = jest.requireActual('argon2');
  return { ...actual, verify: jest.fn(actual.verify) };
});

// The verification use case on a real SQLite store; the clock is ours, to move past expiry.
describe('verifying an app password', () => {
  const upn = 'lee@contoso.example';
  const userId = userIdFor(upn);
  let dir: string;
  let store: SqliteEventStore;
  let verification: VerifyAppPassword;
  let now = new Date('2026-03-01T12:00:00.000Z');
  const clock: Clock = { now: () => now };
  const passwords: string[] = [];
  const meta = () => ({ tenantId: 't-1', actor: 'system:test' as const, occurredAt: now.toISOString(), correlationId: 'c', causationId: 'c' });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-verify-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    await store.appendToStream(userStreamId(userId), [
      { id: randomUUID(), type: 'UserCreated', data: { userId, tenantId: 't-1', userPrincipalName: upn, displayName: 'Lee', roles: ['USER'], mfaRegistered: true, passwordHash: null }, metadata: meta() },
    ]);
    const malloryId = userIdFor('mallory@contoso.example');
    await store.appendToStream(userStreamId(malloryId), [
      { id: randomUUID(), type: 'UserCreated', data: { userId: malloryId, tenantId: 't-1', userPrincipalName: 'mallory@contoso.example', displayName: 'Mallory', roles: ['USER'], mfaRegistered: true, passwordHash: null }, metadata: meta() },
    ]);
    for (let i = 0; i < 5; i++) {
      const generated = newAppPasswordSecret(randomBytes);
      passwords.push(generated.password);
      await store.appendToStream(appPasswordStreamId(generated.keyId), [
        {
          id: randomUUID(),
          type: 'AppPasswordGenerated',
          data: { appPasswordId: generated.keyId, userId, tenantId: 't-1', label: `device ${i}`, scopes: ['imap'], expiresAt: '2026-04-01T12:00:00.000Z', secretHash: await hashSecret(generated.secret) },
          metadata: meta(),
        },
      ]);
    }
    const aggregates = new Aggregates(store, randomUUID);
    const noQueries = { execute: async () => null } as unknown as QueryBus;
    verification = new VerifyAppPassword(aggregates, clock, loadConfig({}), new Directory(aggregates), new Credentials(aggregates), noQueries, { newId: randomUUID });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const attempt = (password: string): VerificationAttempt => ({
    userPrincipalName: upn,
    password,
    protocol: 'imap',
    sourceIp: '192.0.2.7',
    client: null,
    gateway: { kind: 'gateway', name: 'test' },
    correlationId: randomUUID(),
  });

  it('costs one argon2 check, however many app passwords the user holds', async () => {
    const verify = argon2.verify as jest.Mock;
    verify.mockClear();
    expect(await verification.verify(attempt(passwords[3]))).toMatchObject({ result: 'accepted' });
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('records the use on the credential with protocol and address', async () => {
    const keyId = passwords[1].slice(2, 12);
    await verification.verify(attempt(passwords[1]));
    const [used] = await store.readStream(`appPasswordUsage-${keyId}`);
    expect(used).toMatchObject({ type: 'AppPasswordUsed', data: { protocol: 'imap', sourceIp: '192.0.2.7' }, metadata: { actor: 'gateway:test', sourceIp: '192.0.2.7' } });
  });

  /** The password with one character of its secret changed: the checksum no longer matches. */
  /** As e2e/support's `mistyped`: one symbol of the secret mistyped, one that fails the 10-bit checksum. */
  const typo = (password: string) => {
    const compact = password.replace(/ /g, '');
    for (const symbol of SECRET_ALPHABET) {
      const mistyped = compact.slice(0, 20) + symbol + compact.slice(21);
      const parsed = parseAppPassword(mistyped);
      if (symbol !== compact[20] && parsed.kind === 'parsed' && !parsed.isChecksumValid) return mistyped;
    }
    throw new Error('no typo fails the checksum');
  };

  describe('the same argon2 work on every path, so that timing tells no names apart', () => {
    it.each([
      ['a malformed user name', 'not a user name', () => passwords[0]],
      ['an unknown user', 'nobody@contoso.example', () => passwords[0]],
      ['a malformed password', upn, () => 'hunter2'],
      ['an unknown key id', upn, () => composeAppPassword('zzzzzzzzzz', 'z'.repeat(18)).password],
      ['a bad checksum', upn, () => typo(passwords[0])],
      ['a wrong secret', upn, () => composeAppPassword(passwords[0].slice(2, 12), newAppPasswordSecret(randomBytes).secret).password],
      ['the right secret', upn, () => passwords[0]],
    ])('given %s, when verified, then exactly one argon2 check is spent', async (_, userPrincipalName, password) => {
      const verify = argon2.verify as jest.Mock;
      const candidate = password();
      verify.mockClear();
      await verification.verify({ ...attempt(candidate), userPrincipalName, sourceIp: '192.0.2.70' });
      expect(verify).toHaveBeenCalledTimes(1);
    });
  });

  describe("a credential's history holds only attempts that named its owner or knew its secret", () => {
    const keyId = () => passwords[0].slice(2, 12);
    const usage = async () => (await store.readStream(`appPasswordUsage-${keyId()}`)).map((event) => [event.type, (event.data as { reason?: string }).reason]);

    it("given someone else's name and a bad checksum or a wrong secret for this credential, when verified, then its history is untouched and the miss is the name tried's", async () => {
      // given
      const before = await usage();
      const wrongSecret = composeAppPassword(keyId(), newAppPasswordSecret(randomBytes).secret).password;
      // when
      expect(await verification.verify({ ...attempt(typo(passwords[0])), userPrincipalName: 'mallory@contoso.example' })).toMatchObject({ result: 'rejected' });
      expect(await verification.verify({ ...attempt(wrongSecret), userPrincipalName: 'mallory@contoso.example' })).toMatchObject({ result: 'rejected' });
      // then
      expect(await usage()).toEqual(before);
      const failures = await store.readStream('signInFailures-t-1');
      expect(failures.slice(-2).map((event) => event.data)).toEqual([
        expect.objectContaining({ userPrincipalName: 'mallory@contoso.example', reason: 'UNKNOWN_CREDENTIAL' }),
        expect.objectContaining({ userPrincipalName: 'mallory@contoso.example', reason: 'UNKNOWN_CREDENTIAL' }),
      ]);
    });

    it("given someone else's name and this credential's real secret, when verified, then the credential records WRONG_USER: its secret is out", async () => {
      expect(await verification.verify({ ...attempt(passwords[0]), userPrincipalName: 'mallory@contoso.example' })).toMatchObject({ result: 'rejected' });
      expect((await usage()).at(-1)).toEqual(['AppPasswordRejected', 'WRONG_USER']);
    });

    it("given the owner's name and a bad checksum, when verified, then the credential records the TYPO", async () => {
      expect(await verification.verify(attempt(typo(passwords[0])))).toMatchObject({ result: 'rejected' });
      expect((await usage()).at(-1)).toEqual(['AppPasswordRejected', 'TYPO']);
    });
  });

  it('never accepts an expired credential, though no expiry event was written', async () => {
    now = new Date('2026-04-01T12:00:00.000Z');
    expect(await verification.verify(attempt(passwords[0]))).toMatchObject({ result: 'rejected' });
    const keyId = passwords[0].slice(2, 12);
    expect((await store.readStream(appPasswordStreamId(keyId))).map((e) => e.type)).toEqual(['AppPasswordGenerated']);
    const usage = await store.readStream(`appPasswordUsage-${keyId}`);
    expect(usage.at(-1)).toMatchObject({ type: 'AppPasswordRejected', data: { reason: 'EXPIRED' } });
  });

  describe('when the same secret comes again (the warm path)', () => {
    const argon2Calls = () => (argon2.verify as jest.Mock).mock.calls.length;
    const keyIdOf = (password: string) => password.slice(2, 12);
    const usageOf = async (password: string) => (await store.readStream(`appPasswordUsage-${keyIdOf(password)}`)).map((event) => event.type);

    beforeAll(() => (now = new Date('2026-03-02T12:00:00.000Z')));

    it('skips argon2, and still records every use', async () => {
      expect(await verification.verify(attempt(passwords[2]))).toMatchObject({ result: 'accepted' });
      const before = argon2Calls();
      expect(await verification.verify(attempt(passwords[2]))).toMatchObject({ result: 'accepted' });
      expect(await verification.verify(attempt(passwords[2].toUpperCase()))).toMatchObject({ result: 'accepted' });
      expect(argon2Calls()).toBe(before);
      expect(await usageOf(passwords[2])).toEqual(['AppPasswordUsed', 'AppPasswordUsed', 'AppPasswordUsed']);
    });

    it('never lets a wrong secret hit: it costs argon2 and is rejected', async () => {
      await verification.verify(attempt(passwords[4]));
      // The right key id with another secret and a valid checksum: only argon2 can tell.
      const forged = composeAppPassword(keyIdOf(passwords[4]), newAppPasswordSecret(randomBytes).secret).password;
      const before = argon2Calls();
      expect(await verification.verify(attempt(forged))).toMatchObject({ result: 'rejected' });
      expect(argon2Calls()).toBe(before + 1);
      expect((await usageOf(passwords[4])).at(-1)).toBe('AppPasswordRejected');
    });

    it('refuses a remembered secret once its credential is revoked, with no argon2 and the reason recorded', async () => {
      await verification.verify(attempt(passwords[3]));
      await store.appendToStream(appPasswordStreamId(keyIdOf(passwords[3])), [
        { id: randomUUID(), type: 'AppPasswordRevoked', data: { appPasswordId: keyIdOf(passwords[3]), reason: 'leaked', incidentRef: null }, metadata: meta() },
      ]);
      const before = argon2Calls();
      expect(await verification.verify(attempt(passwords[3]))).toMatchObject({ result: 'rejected' });
      expect(argon2Calls()).toBe(before);
      const usage = await store.readStream(`appPasswordUsage-${keyIdOf(passwords[3])}`);
      expect(usage.at(-1)).toMatchObject({ type: 'AppPasswordRejected', data: { reason: 'REVOKED' } });
    });

    it('refuses a remembered secret once its owner is disabled', async () => {
      await verification.verify(attempt(passwords[1]));
      await store.appendToStream(userStreamId(userId), [{ id: randomUUID(), type: 'UserDisabled', data: { userId, revokesAppPasswords: false }, metadata: meta() }]);
      expect(await verification.verify(attempt(passwords[1]))).toMatchObject({ result: 'rejected' });
      const usage = await store.readStream(`appPasswordUsage-${keyIdOf(passwords[1])}`);
      expect(usage.at(-1)).toMatchObject({ type: 'AppPasswordRejected', data: { reason: 'USER_DISABLED' } });
    });
  });

  describe('failures of made-up user names: the first of a minute one by one, the rest summarized', () => {
    let summarizing: VerifyAppPassword;
    const failures = async () => (await store.readStream('signInFailures-t-1')).filter((event) => event.type !== 'SignInFailed' || (event.data as { reason: string }).reason === 'UNKNOWN_USER');
    const guess = (name: string, sourceIp: string) =>
      summarizing.verify({ ...attempt(composeAppPassword('zzzzzzzzzz', 'z'.repeat(18)).password), userPrincipalName: name, sourceIp, gateway: { kind: 'gateway', name: 'dovecot' } });

    beforeAll(() => {
      const aggregates = new Aggregates(store, randomUUID);
      const tenantOfDomain = { execute: async () => 't-1' } as unknown as QueryBus;
      const config = loadConfig({ KEYWARD_UNKNOWN_USER_EVENTS_PER_MINUTE: '3' });
      summarizing = new VerifyAppPassword(aggregates, clock, config, new Directory(aggregates), new Credentials(aggregates), tenantOfDomain, { newId: randomUUID });
    });

    it('given a burst of guesses at made-up names, when a minute has passed, then three were recorded one by one and the rest in one summary', async () => {
      // given
      const before = (await failures()).length;
      for (let i = 0; i < 10; i++) expect(await guess(`ghost${i % 4}@contoso.example`, i < 8 ? '198.51.100.9' : '198.51.100.10')).toMatchObject({ result: 'rejected' });
      // when: the minute has not ended, nothing more is written
      await summarizing.writeSummaries();
      const individually = (await failures()).slice(before);
      expect(individually.map((event) => [event.type, (event.data as { userPrincipalName: string }).userPrincipalName])).toEqual([
        ['SignInFailed', 'ghost0@contoso.example'],
        ['SignInFailed', 'ghost1@contoso.example'],
        ['SignInFailed', 'ghost2@contoso.example'],
      ]);
      // when the minute has ended
      now = new Date(now.getTime() + 61_000);
      await summarizing.writeSummaries();
      // then
      const [summary, ...more] = (await failures()).slice(before + 3);
      expect(more).toEqual([]);
      expect(summary).toMatchObject({ type: 'SignInFailuresSummarized', metadata: { actor: 'gateway:dovecot', tenantId: 't-1' } });
      const data = summary.data as { attempts: number; omitted: number; reason: string; failures: { userPrincipalName: string; sourceIp: string; count: number }[] };
      expect(data).toMatchObject({ reason: 'UNKNOWN_USER', attempts: 7, omitted: 0 });
      expect(data.failures.map(({ userPrincipalName, sourceIp, count }) => [userPrincipalName, sourceIp, count])).toEqual([
        ['ghost3@contoso.example', '198.51.100.9', 2],
        ['ghost0@contoso.example', '198.51.100.9', 1],
        ['ghost1@contoso.example', '198.51.100.9', 1],
        ['ghost2@contoso.example', '198.51.100.9', 1],
        ['ghost0@contoso.example', '198.51.100.10', 1],
        ['ghost1@contoso.example', '198.51.100.10', 1],
      ]);
    });

    it('given guesses in a minute still open, when Keyward shuts down, then their summary is written first', async () => {
      // given
      const before = (await failures()).length;
      for (let i = 0; i < 5; i++) await guess(`wraith${i}@contoso.example`, '198.51.100.9');
      // when
      await summarizing.beforeApplicationShutdown();
      // then
      const written = (await failures()).slice(before).map((event) => [event.type, (event.data as { attempts?: number }).attempts ?? null]);
      expect(written).toEqual([['SignInFailed', null], ['SignInFailed', null], ['SignInFailed', null], ['SignInFailuresSummarized', 2]]);
    });
  });
});
