import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelDatabase, type ReadModelDatabase } from '@keyward/shared/read-models';
import { loadConfig, type Clock } from '@keyward/shared/server';
import { AppleProfileLinks } from './apple-profile';

// A real SQLite file; only the clock is ours.
describe('single-use links to an Apple mail profile', () => {
  let dir: string;
  let db: ReadModelDatabase;
  let now: Date;
  let links: AppleProfileLinks;
  const account = { userPrincipalName: 'ann@contoso.example', label: 'iPhone', secret: 'kwabcdefghjkmnpqrstuvwxyz2345678' };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-profiles-'));
    db = openReadModelDatabase(dir);
    const clock: Clock = { now: () => now };
    links = new AppleProfileLinks(db, clock, loadConfig({ KEYWARD_MAIL_IMAP: 'imap.contoso.example:993' }));
  });
  beforeEach(() => (now = new Date('2026-03-01T08:00:00Z')));
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a link, when it is opened, then it gives the account once; the second time nothing', () => {
    const token = links.issue(account);
    expect(links.take(token)).toEqual(account);
    expect(links.take(token)).toBeNull();
  });

  it('given a link, when it is opened after 10 minutes, then it gives nothing', () => {
    const token = links.issue(account);
    now = new Date(now.getTime() + 10 * 60_000 + 1);
    expect(links.take(token)).toBeNull();
  });

  it('keeps neither the token nor the secret readable in the database', () => {
    const token = links.issue(account);
    const rows = JSON.stringify(db.prepare('SELECT token_hash, hex(sealed) AS sealed FROM apple_profile_links').all());
    expect(rows).not.toContain(token);
    expect(rows).not.toContain(account.secret);
    expect(rows).not.toContain(Buffer.from(account.secret).toString('hex').toUpperCase());
  });

  it('refuses a token of the wrong shape and one it never gave', () => {
    expect(links.take('../../etc/passwd')).toBeNull();
    expect(links.take('A'.repeat(43))).toBeNull();
  });
});
