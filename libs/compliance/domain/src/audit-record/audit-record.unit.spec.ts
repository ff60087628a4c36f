import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { composeAppPassword, groupForDisplay } from '@keyward/app-passwords/domain';
import { auditRecordBytes, auditRecordOf, REDACTED_APP_PASSWORD, REDACTED_ARGON2_HASH, secretIn, type AuditableEvent } from './audit-record';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const { password: PASSWORD } = composeAppPassword('k7m3p9x2qa', 'abcdefghijkmnpqrst');
/** The same password with its checksum broken: not an app password, just a string shaped like one. */
const BAD_CHECKSUM = PASSWORD.slice(0, -2) + (PASSWORD.endsWith('aa') ? 'bb' : 'aa');

const metadata = {
  tenantId: 't-1',
  actor: 'user:u-1',
  occurredAt: '2026-03-01T12:00:00.000Z',
  correlationId: 'corr-1',
  causationId: 'cause-1',
};
const eventWith = (data: unknown, type = 'AppPasswordGenerated'): AuditableEvent => ({ id: 'e-1', type, streamId: 'appPassword-k7m3p9x2qa', data, metadata });

describe('the audit record of an event', () => {
  it('is the event with its metadata lifted beside it', () => {
    // given
    const event = eventWith({ appPasswordId: 'k7m3p9x2qa', label: 'Phone' }, 'AppPasswordRenamed');
    // when
    const record = auditRecordOf(event);
    // then
    expect(record).toEqual({
      id: 'e-1', type: 'AppPasswordRenamed', streamId: 'appPassword-k7m3p9x2qa', occurredAt: '2026-03-01T12:00:00.000Z',
      actor: 'user:u-1', tenantId: 't-1', correlationId: 'corr-1', causationId: 'cause-1',
      data: { appPasswordId: 'k7m3p9x2qa', label: 'Phone' },
    });
  });

  it('commits to a hash field with its SHA-256 instead of holding it, at any depth', () => {
    // given
    const event = eventWith({ secretHash: HASH, nested: [{ passwordHash: 'other-hash', keep: 1 }] });
    // when
    const { data } = auditRecordOf(event);
    // then
    expect(data).toEqual({ secretHashSha256: sha256(HASH), nested: [{ passwordHashSha256: sha256('other-hash'), keep: 1 }] });
  });

  it('keeps a member named __proto__ (JSON may hold one) as a member beside a commitment', () => {
    // given
    const event = eventWith(JSON.parse('{"__proto__":{"a":1},"secretHash":"h"}'));
    // when
    const record = auditRecordOf(event);
    // then
    expect(auditRecordBytes(record).toString('utf8')).toContain(`"data":{"__proto__":{"a":1},"secretHashSha256":"${sha256('h')}"}`);
  });

  it('leaves out a hash field that holds no hash (a user created without a password)', () => {
    // given
    const event = eventWith({ userId: 'u-1', passwordHash: null }, 'UserCreated');
    // when
    const { data } = auditRecordOf(event);
    // then
    expect(data).toEqual({ userId: 'u-1' });
  });

  it.each([
    ['as it is typed', PASSWORD],
    ['in capitals', PASSWORD.toUpperCase()],
    ['in groups of four, as the console shows it', groupForDisplay(PASSWORD)],
    ['in groups of four joined by dashes', groupForDisplay(PASSWORD).replace(/ /g, '-')],
  ])('redacts an app password with a valid checksum %s, in any string at any depth', (_, written) => {
    // given
    const event = eventWith({ userPrincipalName: `alice@contoso.example ${written}`, notes: [{ text: `leaked: ${written}!` }] }, 'SignInFailed');
    // when
    const { data } = auditRecordOf(event);
    // then
    expect(data).toEqual({
      userPrincipalName: `alice@contoso.example ${REDACTED_APP_PASSWORD}`,
      notes: [{ text: `leaked: ${REDACTED_APP_PASSWORD}!` }],
    });
  });

  it('keeps a string shaped like an app password whose checksum is wrong', () => {
    // given
    const event = eventWith({ userPrincipalName: BAD_CHECKSUM }, 'SignInFailed');
    // when
    const { data } = auditRecordOf(event);
    // then
    expect(data).toEqual({ userPrincipalName: BAD_CHECKSUM });
  });

  it('replaces an argon2 hash typed into free text, or the verifier would reject the log for ever', () => {
    // given
    const event = eventWith({ appPasswordId: 'k7m3p9x2qa', label: `copy of ${HASH}, really` }, 'AppPasswordRenamed');
    // when
    const record = auditRecordOf(event);
    // then
    expect(record.data).toEqual({ appPasswordId: 'k7m3p9x2qa', label: `copy of ${REDACTED_ARGON2_HASH}, really` });
    expect(secretIn(record)).toBeNull();
  });

  it('never holds a secret, whatever the event held', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(PASSWORD, groupForDisplay(PASSWORD).toUpperCase(), HASH), (value, secret) => {
        // given
        const event = eventWith({ value, secretHash: HASH, note: `x ${secret} y`, deep: [{ passwordHash: HASH }] });
        const eventBefore = JSON.stringify(event);
        // when
        const record = auditRecordOf(event);
        // then
        expect(JSON.stringify(event)).toBe(eventBefore);
        expect(secretIn(record)).toBeNull();
        expect(secretIn(auditRecordBytes(record).toString('utf8'))).toBeNull();
      }),
    );
  });
});

describe("a record's bytes (a leaf of the log)", () => {
  it('are RFC 8785 canonical JSON: keys sorted at every depth, no spaces, UTF-8', () => {
    // given
    const record = auditRecordOf(eventWith({ label: 'Café', appPasswordId: 'k', nested: { zebra: 1, apple: [true, null] } }));
    // when
    const bytes = auditRecordBytes(record);
    // then
    expect(bytes.toString('utf8')).toBe(
      '{"actor":"user:u-1","causationId":"cause-1","correlationId":"corr-1",' +
        '"data":{"appPasswordId":"k","label":"Café","nested":{"apple":[true,null],"zebra":1}},' +
        '"id":"e-1","occurredAt":"2026-03-01T12:00:00.000Z","streamId":"appPassword-k7m3p9x2qa","tenantId":"t-1","type":"AppPasswordGenerated"}',
    );
    expect(bytes.includes(Buffer.from('Café', 'utf8'))).toBe(true);
  });

  it('do not depend on the order the event listed its fields in', () => {
    // given
    const one = auditRecordOf(eventWith({ a: 1, b: { c: 2, d: 3 } }));
    const other = auditRecordOf(eventWith({ b: { d: 3, c: 2 }, a: 1 }));
    // when / then
    expect(auditRecordBytes(other).equals(auditRecordBytes(one))).toBe(true);
  });
});

describe('finding a secret in a record', () => {
  it.each([
    ['an argon2 hash', { note: `hash ${HASH}` }, 'an argon2 hash'],
    ['a secretHash field', { secretHash: 'anything' }, 'a secretHash field'],
    ['a passwordHash field', { nested: { passwordHash: 'anything' } }, 'a passwordHash field'],
    ['an app password', { userPrincipalName: PASSWORD }, 'an app password'],
    ['an app password in capitals', { userPrincipalName: PASSWORD.toUpperCase() }, 'an app password'],
    ['an app password in groups of four', { reason: `leaked ${groupForDisplay(PASSWORD)}` }, 'an app password'],
  ])('finds %s', (_, data, why) => {
    // given
    const record = { id: 'e-1', data };
    // when / then
    expect(secretIn(record)).toBe(why);
    expect(secretIn(JSON.stringify(record))).toBe(why);
  });

  it('finds nothing in a clean record, a commitment or a string with a wrong checksum', () => {
    // given
    const record = auditRecordOf(eventWith({ secretHash: HASH, label: BAD_CHECKSUM }));
    // when / then
    expect(secretIn(record)).toBeNull();
  });
});
