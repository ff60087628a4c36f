import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ADMIN_PASSWORD, ConsoleClient, createUser, eventually, generate, KeywardProcess, REVOKE, verify } from '@keyward/e2e/support';

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

// The data directory on an ext4 file system of its own (a loop device, mounted as root, as CI
// runs), which turns read-only the way a failing disk makes it: an error with errors=remount-ro.
// Verification must fail closed with a clear log line; after the disk is repaired and Keyward
// restarted, every acknowledged write is there and verification works again.
describe('verification on a data directory that turns read-only', () => {
  const work = mkdtempSync(join(tmpdir(), 'keyward-ro-fs-'));
  const image = join(work, 'disk.img');
  const mountPoint = join(work, 'mnt');
  let device = '';
  let keyward: KeywardProcess;
  let secret: string;
  let revoked: string;

  const mount = () => {
    execFileSync('mount', ['-o', 'loop,errors=remount-ro', image, mountPoint]);
    device = execFileSync('findmnt', ['-n', '-o', 'SOURCE', mountPoint]).toString().trim();
  };

  beforeAll(async () => {
    execFileSync('truncate', ['-s', '96M', image]);
    execFileSync('mkfs.ext4', ['-q', image]);
    execFileSync('mkdir', [mountPoint]);
    mount();
    keyward = new KeywardProcess({ dataDir: join(mountPoint, 'data') });
    await keyward.start();
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const user = await createUser(admin, 'ria@contoso.example');
    secret = (await generate(admin, user.id, 'Phone')).secret;
    const other = await generate(admin, user.id, 'Old tablet');
    await admin.data(REVOKE, { input: { id: other.appPassword.id, reason: 'Tablet sold' } });
    revoked = other.secret;
  });
  afterAll(async () => {
    await keyward?.stop();
    if (device) execFileSync('umount', [mountPoint]);
    rmSync(work, { recursive: true, force: true });
  });

  it('given a disk error that remounts it read-only, when a gateway verifies, then 503 and a log line; repaired and restarted, it works with nothing lost', async () => {
    // given
    expect((await verify(keyward.baseUrl, 'ria@contoso.example', secret)).status).toBe(204);
    writeFileSync(`/sys/fs/ext4/${basename(device)}/trigger_fs_error`, '1');
    // when
    const refused = await verify(keyward.baseUrl, 'ria@contoso.example', secret);
    // then
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect((await verify(keyward.baseUrl, 'ria@contoso.example', revoked)).status).not.toBe(204);
    await eventually(async () => (/verification cannot be recorded: the data directory (is read-only|cannot be written)/.test(keyward.output) ? true : undefined), 5_000);
    expect(keyward.output).not.toMatch(/\n\s+at .+:\d+:\d+\)/);
    // and once the disk is repaired (fsck) and Keyward restarted
    await keyward.stop();
    execFileSync('umount', [mountPoint]);
    device = '';
    // (e2fsck exits 1 when it corrected the error the trigger recorded)
    expect([0, 1]).toContain(spawnSync('e2fsck', ['-f', '-y', image], { stdio: 'ignore' }).status);
    mount();
    await keyward.start();
    expect((await verify(keyward.baseUrl, 'ria@contoso.example', secret)).status).toBe(204);
    expect((await verify(keyward.baseUrl, 'ria@contoso.example', revoked)).status).toBe(401);
  });
});
