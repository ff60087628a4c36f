import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD, ConsoleClient, createUser, eventually, generate, KeywardProcess, verify } from '@keyward/e2e/support';

/** Writes zeros into `file` until the file system has no room left. */
function fill(file: string): void {
  const chunk = Buffer.alloc(1024 * 1024);
  const fd = openSync(file, 'w');
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

// Keyward's data directory on a small file system of its own (tmpfs, mounted as root, as CI runs).
// Full, verification must fail closed, with 503 for the gateways to deny and retry, and a clear
// log line; once there is room again it must work again, with no restart.
describe('verification on a full data directory', () => {
  const mountPoint = mkdtempSync(join(tmpdir(), 'keyward-small-fs-'));
  let keyward: KeywardProcess;
  let secret: string;

  beforeAll(async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', mountPoint]);
    keyward = new KeywardProcess({ dataDir: join(mountPoint, 'data') });
    await keyward.start();
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const user = await createUser(admin, 'lou@contoso.example');
    secret = (await generate(admin, user.id, 'Phone')).secret;
  });
  afterAll(async () => {
    await keyward?.stop();
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('given a full disk, when a gateway verifies, then 503 with Retry-After and a log line that says why; once there is room, 204 again', async () => {
    // given
    expect((await verify(keyward.baseUrl, 'lou@contoso.example', secret)).status).toBe(204);
    fill(join(mountPoint, 'filler'));
    // when: the store's last free pages are used up within a few sign-ins
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 50 && !refused; i++) {
      const answer = await verify(keyward.baseUrl, 'lou@contoso.example', secret);
      statuses.push(answer.status);
      if (answer.status !== 204) refused = answer;
    }
    // then
    expect(refused?.status).toBe(503);
    expect(refused?.headers.get('retry-after')).toBe('5');
    expect(await refused?.json()).toEqual({ message: 'Verification is unavailable right now; retry later.' });
    expect(statuses.every((status) => status === 204 || status === 503)).toBe(true);
    // (the log is written asynchronously: the line may follow the answer by a moment)
    await eventually(async () => (keyward.output.includes('verification cannot be recorded: the data directory is full') ? true : undefined), 5_000);
    // and once there is room again
    rmSync(join(mountPoint, 'filler'));
    await eventually(async () => ((await verify(keyward.baseUrl, 'lou@contoso.example', secret)).status === 204 ? true : undefined), 10_000);
  });
});
