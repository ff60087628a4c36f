import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore, type NewEvent } from '@keyward/shared/event-store';
import { Aggregates, CheckpointedSubscriber, DeadLetters, reactionHandler, type FailurePolicy } from '@keyward/shared/event-sourcing';
import { openReadModelDatabase, type ReadModelDatabase } from '@keyward/shared/read-models';
import { userIdFor, userStreamId } from '@keyward/identity/domain';
import { appPasswordStreamId, keyringStreamId } from '@keyward/app-passwords/domain';
import { Credentials } from '../credentials/credentials.repository';
import { RevokeAppPasswords } from '../revoke-app-passwords/revoke-app-passwords.use-case';
import { RevokeAppPasswordsOnUserChange } from './revoke-on-user-change.reactor';

/**
 * The real SQLite store, with injected faults: the next `failures` appends to a credential's
 * stream throw, as a store that is briefly away would. Everything else goes through untouched.
 */
class StoreWithInjectedFaults {
  failures = 0;
  constructor(readonly inner: SqliteEventStore) {}
  asStore(): EventStore {
    return new Proxy(this.inner, {
      get: (target, property, receiver) => {
        if (property !== 'appendToStream') return Reflect.get(target, property, receiver);
        return (streamId: string, events: readonly NewEvent[], options?: object) => {
          if (streamId.startsWith('appPassword-') && this.failures > 0) {
            this.failures--;
            return Promise.reject(new Error('store unavailable (injected fault)'));
          }
          return target.appendToStream(streamId, events, options);
        };
      },
    });
  }
}

const FAST: FailurePolicy = { maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 40 };
const quiet = { error: () => undefined, warn: () => undefined };

// A disabled user's app passwords must end up revoked even when revoking fails at first.
describe('revoking a disabled user’s app passwords', () => {
  const upn = 'nina@contoso.example';
  const userId = userIdFor(upn);
  const keyIds = ['aaaaaaaaaa', 'bbbbbbbbbb'];
  let dir: string;
  let sqlite: SqliteEventStore;
  let faults: StoreWithInjectedFaults;
  let db: ReadModelDatabase;

  const meta = () => ({ tenantId: 't-1', actor: 'user:admin' as const, occurredAt: '2026-05-01T10:00:00.000Z', correlationId: 'c', causationId: 'c' });
  const event = (type: string, data: object): NewEvent => ({ id: randomUUID(), type, data, metadata: meta() });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-reactor-'));
    sqlite = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 20 });
    faults = new StoreWithInjectedFaults(sqlite);
    db = openReadModelDatabase(dir);
    await sqlite.appendToStream(userStreamId(userId), [
      event('UserCreated', { userId, tenantId: 't-1', userPrincipalName: upn, displayName: 'Nina', roles: ['USER'], mfaRegistered: true, passwordHash: null }),
    ]);
    for (const keyId of keyIds) {
      await sqlite.appendToStream(keyringStreamId(userId), [event('AppPasswordSlotReserved', { appPasswordId: keyId, userId, reservedAt: '2026-05-01T09:00:00.000Z' })]);
      await sqlite.appendToStream(appPasswordStreamId(keyId), [
        event('AppPasswordGenerated', { appPasswordId: keyId, userId, tenantId: 't-1', label: keyId, scopes: ['imap'], expiresAt: null, secretHash: 'h' }),
      ]);
    }
    await sqlite.appendToStream(userStreamId(userId), [event('UserDisabled', { userId, revokesAppPasswords: true })]);
  });
  afterEach(async () => {
    await sqlite.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const subscriber = (failures: FailurePolicy) => {
    const aggregates = new Aggregates(faults.asStore(), randomUUID);
    const reactor = new RevokeAppPasswordsOnUserChange(new RevokeAppPasswords(aggregates, new Credentials(aggregates)), { now: () => new Date('2026-05-01T10:00:01.000Z') });
    return new CheckpointedSubscriber(reactionHandler(reactor), faults.asStore(), db, new DeadLetters(db), quiet, { failures });
  };
  const revocations = async () =>
    (await Promise.all(keyIds.map((keyId) => sqlite.readStream(appPasswordStreamId(keyId)))))
      .flat()
      .filter((recorded) => recorded.type === 'AppPasswordRevoked')
      .map((recorded) => recorded.metadata.actor);

  it('given the first three attempts fail, when the reactor is retried, then every app password is revoked once', async () => {
    faults.failures = 3;
    const running = subscriber(FAST);
    await running.start();
    await running.stop();
    expect(await revocations()).toEqual(['system:revoke-on-disable', 'system:revoke-on-disable']);
    expect(new DeadLetters(db).count()).toBe(0);
  });

  it('given a restart between attempts, when the next node starts, then it revokes what the first could not', async () => {
    faults.failures = 1;
    const first = subscriber({ maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 });
    const started = first.start();
    while (faults.failures > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await first.stop(); // the first node goes down while waiting to retry
    await started.catch(() => undefined);
    // One credential's revocation failed and waits for the retry; the other went through.
    expect(await revocations()).toHaveLength(1);
    const second = subscriber(FAST);
    await second.start();
    await second.stop();
    expect(await revocations()).toEqual(['system:revoke-on-disable', 'system:revoke-on-disable']);
  });
});
