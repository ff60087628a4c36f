import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_DOCS, ROOT, run } from '@keyward/e2e/support';

const placeholdersOf = (file: string) => [...new Set([...readFileSync(join(GATEWAY_DOCS, file), 'utf8').matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]))];

// The files docs/gateways tells an admin to copy are the ones the gateway tests run (with test
// values); here, that every value to choose is explained, and the unit files parse.
describe('the documented gateway files', () => {
  it.each([
    ['dovecot.md', ['dovecot/dovecot.conf']],
    ['postfix.md', ['postfix/main.cf', 'postfix/master.cf']],
    ['nginx.md', ['nginx/keyward.conf']],
  ])('%s explains every placeholder of the files it ships', (doc, files) => {
    const text = readFileSync(join(GATEWAY_DOCS, doc), 'utf8');
    const placeholders = files.flatMap(placeholdersOf);
    expect(placeholders.length).toBeGreaterThan(3);
    expect(placeholders.filter((name) => !text.includes(`\`${name}\``))).toEqual([]);
  });

  it('ships a systemd unit for Keyward that systemd accepts', async () => {
    const checked = await run('systemd-analyze', ['verify', join(ROOT, 'docs/systemd/keyward.service')]);
    expect(checked.code).toBe(0);
    expect(checked.stderr.trim()).toBe('');
  });
});
