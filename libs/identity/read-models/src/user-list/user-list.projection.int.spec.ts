import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@keyward/shared/event-store';
import { openReadModelDatabase, type ReadModelDatabase } from '@keyward/shared/read-models';
import type { UserEvent } from '@keyward/identity/domain';
import { userListProjection } from './user-list.projection';

// A real SQLite read-model file: the user list's mfaRegistered follows each of its sources.
describe("the user list's MFA", () => {
  let dir: string;
  let db: ReadModelDatabase;
  let revision = 0;
  const userId = 'u-1';
  const profile = { externalId: null, givenName: null, familyName: null, email: null };

  const apply = (event: UserEvent) =>
    userListProjection.apply(db, {
      ...event,
      id: `e-${revision}`,
      streamId: `user-${userId}`,
      revision: BigInt(revision++),
      position: String(revision),
      metadata: { tenantId: 't-1', actor: 'system:test', occurredAt: '2026-03-01T00:00:00.000Z', correlationId: 'c', causationId: 'c' },
    } as unknown as RecordedEvent);
  const mfaRegistered = () => (db.prepare('SELECT mfa_registered FROM user_list WHERE user_id = ?').get(userId) as { mfa_registered: number }).mfa_registered === 1;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-user-list-'));
    db = openReadModelDatabase(dir);
    userListProjection.migrate(db);
    revision = 0;
    apply({ type: 'UserCreated', data: { userId, tenantId: 't-1', userPrincipalName: 'kim@contoso.example', displayName: 'Kim', roles: ['USER'], mfaRegistered: false, passwordHash: null, profile } });
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given no source, then no; given a console factor, then yes, until an admin resets it', () => {
    expect(mfaRegistered()).toBe(false);
    apply({ type: 'TotpEnrolled', data: { userId, totpSecret: 'JBSWY3DPEHPK3PXP', recoveryCodeHashes: [], timeStep: 1 } });
    expect(mfaRegistered()).toBe(true);
    apply({ type: 'SecondFactorsReset', data: { userId, reason: 'Lost phone' } });
    expect(mfaRegistered()).toBe(false);
  });

  it("given the directory's word, then it follows what the directory says, and a reset of console factors keeps it", () => {
    apply({ type: 'UserProfileChanged', data: { userId, displayName: 'Kim', profile: { ...profile, mfaRegistered: true } } });
    expect(mfaRegistered()).toBe(true);
    apply({ type: 'PasskeyRegistered', data: { userId, credentialId: 'c', publicKey: 'k', counter: 0, transports: [], name: 'Laptop' } });
    apply({ type: 'SecondFactorsReset', data: { userId, reason: 'Lost key' } });
    expect(mfaRegistered()).toBe(true);
    apply({ type: 'UserProfileChanged', data: { userId, displayName: 'Kim', profile: { ...profile, mfaRegistered: false } } });
    expect(mfaRegistered()).toBe(false);
  });

  it("given the identity provider's attestation, then yes, whatever the directory later stops saying", () => {
    apply({ type: 'MfaAttested', data: { userId, source: 'identity-provider' } });
    apply({ type: 'UserProfileChanged', data: { userId, displayName: 'Kim', profile } });
    expect(mfaRegistered()).toBe(true);
  });
});
