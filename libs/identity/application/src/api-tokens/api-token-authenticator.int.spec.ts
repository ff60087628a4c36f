import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@keyward/shared/event-store';
import { Aggregates } from '@keyward/shared/event-sourcing';
import type { Clock } from '@keyward/shared/server';
import { apiTokenStreamId, composeApiToken, newApiToken, userIdFor, userStreamId, type Role } from '@keyward/identity/domain';
import { Directory } from '../directory/directory.repository';
import { ApiTokenAuthenticator } from './api-token-authenticator';

// The bearer check on a real SQLite store; the clock is ours, to move past an expiry.
describe('authenticating an API token', () => {
  let dir: string;
  let store: SqliteEventStore;
  let tokens: ApiTokenAuthenticator;
  let now = new Date('2026-03-01T12:00:00.000Z');
  const clock: Clock = { now: () => now };
  const upn = 'ivy@contoso.example';
  const userId = userIdFor(upn);
  const meta = () => ({ tenantId: 't-1', actor: 'system:test' as const, occurredAt: now.toISOString(), correlationId: 'c', causationId: 'c' });

  /** A token of ivy's, written as CreateApiToken would. */
  async function tokenWith(role: Role, expiresAt = '2026-06-01T12:00:00.000Z'): Promise<{ apiTokenId: string; token: string }> {
    const { apiTokenId, token, tokenHash } = newApiToken(randomBytes);
    await store.appendToStream(apiTokenStreamId(apiTokenId), [
      { id: randomUUID(), type: 'ApiTokenCreated', data: { apiTokenId, tenantId: 't-1', userId, name: 'script', role, expiresAt, tokenHash }, metadata: meta() },
    ]);
    return { apiTokenId, token };
  }
  const uses = async (apiTokenId: string) => (await store.readStream(apiTokenStreamId(apiTokenId))).filter((event) => event.type === 'ApiTokenUsed').map((event) => (event.data as { usedAt: string }).usedAt);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-api-tokens-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    await store.appendToStream(userStreamId(userId), [
      { id: randomUUID(), type: 'UserCreated', data: { userId, tenantId: 't-1', userPrincipalName: upn, displayName: 'Ivy', roles: ['AUDITOR'], mfaRegistered: true, passwordHash: null }, metadata: meta() },
    ]);
    const aggregates = new Aggregates(store, randomUUID);
    tokens = new ApiTokenAuthenticator(aggregates, new Directory(aggregates), clock, { newId: randomUUID });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a token, when it is presented, then it stands for its creator with its one role and names itself', async () => {
    const { apiTokenId, token } = await tokenWith('AUDITOR');
    expect(await tokens.authenticate(token, '192.0.2.1')).toEqual({
      outcome: 'accepted',
      principal: { kind: 'user', userId, tenantId: 't-1', userPrincipalName: upn, roles: ['AUDITOR'], apiTokenId },
    });
  });

  it('given a token, when it is used again and again, then its last use is written at the first use and then at most once an hour', async () => {
    const { apiTokenId, token } = await tokenWith('AUDITOR');
    now = new Date('2026-03-01T12:00:00.000Z');
    await tokens.authenticate(token, null);
    await settle();
    now = new Date('2026-03-01T12:30:00.000Z');
    await tokens.authenticate(token, null);
    await settle();
    now = new Date('2026-03-01T13:00:00.000Z');
    await tokens.authenticate(token, null);
    await settle();
    expect(await uses(apiTokenId)).toEqual(['2026-03-01T12:00:00.000Z', '2026-03-01T13:00:00.000Z']);
  });

  it('given a token past its expiry, when it is presented, then it is refused', async () => {
    now = new Date('2026-03-01T12:00:00.000Z');
    const { token } = await tokenWith('AUDITOR', '2026-03-01T12:00:01.000Z');
    expect((await tokens.authenticate(token, null)).outcome).toBe('accepted');
    now = new Date('2026-03-01T12:00:01.000Z');
    expect((await tokens.authenticate(token, null)).outcome).toBe('refused');
  });

  it('given a token with a role its creator does not hold (any more), when it is presented, then it is refused', async () => {
    now = new Date('2026-03-01T12:00:00.000Z');
    const { token } = await tokenWith('GLOBAL_ADMIN');
    expect((await tokens.authenticate(token, null)).outcome).toBe('refused');
  });

  it('given a well-formed token that was never issued, or one with its stored hash not matching, when presented, then it is refused', async () => {
    expect((await tokens.authenticate(newApiToken(randomBytes).token, null)).outcome).toBe('refused');
    const { apiTokenId, token } = await tokenWith('AUDITOR');
    const forged = composeApiToken(apiTokenId, 'S'.repeat(32)).token;
    expect(forged).not.toBe(token);
    expect((await tokens.authenticate(forged, null)).outcome).toBe('refused');
  });
});
