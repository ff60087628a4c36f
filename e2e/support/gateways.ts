import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './keyward-process';

export const GATEWAY_DOCS = join(ROOT, 'docs/gateways');

/** The documented configuration with its {{PLACEHOLDERS}} filled in; a placeholder left over is an error. */
export function renderTemplate(file: string, values: Record<string, string | number>): string {
  const text = readFileSync(file, 'utf8').replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    if (!(name in values)) throw new Error(`${file}: no value for ${whole}`);
    return String(values[name]);
  });
  return text;
}

/** Resolves once something accepts TCP connections on the port. */
export async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const isOpen = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => socket.end(() => resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (isOpen) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A gateway process run in the foreground from a temporary directory, stopped with SIGTERM. */
abstract class GatewayProcess {
  readonly dir = mkdtempSync(join(tmpdir(), `keyward-${this.name}-`));
  protected child: ChildProcess | null = null;
  output = '';

  constructor(private readonly name: string) {}

  protected launch(command: string, args: string[]): void {
    this.child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    this.child = null;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** nginx from docs/gateways/nginx/keyward.conf, with the legacy service behind it. */
export class Nginx extends GatewayProcess {
  constructor(
    readonly port: number,
    private readonly backendPort: number,
    private readonly keywardPort: number,
  ) {
    super('nginx');
  }

  async start(): Promise<this> {
    for (const sub of ['run', 'log']) mkdirSync(join(this.dir, sub));
    const config = join(this.dir, 'nginx.conf');
    writeFileSync(
      config,
      renderTemplate(join(GATEWAY_DOCS, 'nginx/keyward.conf'), {
        RUN_DIR: join(this.dir, 'run'),
        LOG_DIR: join(this.dir, 'log'),
        KEYWARD_HOST_PORT: `127.0.0.1:${this.keywardPort}`,
        GATEWAY_PORT: this.port,
        BACKEND_PORT: this.backendPort,
      }),
    );
    this.launch('/usr/sbin/nginx', ['-c', config, '-e', join(this.dir, 'log/error.log')]);
    await waitForPort(this.port);
    return this;
  }

  errorLog(): string {
    return readFileSync(join(this.dir, 'log/error.log'), 'utf8');
  }
}

export interface DovecotPorts {
  imap: number;
  pop3: number;
  submission: number;
  doveadm: number;
}

/** Dovecot 2.3 from docs/gateways/dovecot/, asking Keyward through the Lua passdb. */
export class Dovecot extends GatewayProcess {
  readonly doveadmApiKey = 'keyward-test-doveadm-key';

  constructor(
    readonly ports: DovecotPorts,
    private readonly keywardUrl: string,
    private readonly timeoutMs = 2000,
  ) {
    super('dovecot');
  }

  get doveadmUrl(): string {
    return `http://127.0.0.1:${this.ports.doveadm}/doveadm/v1`;
  }

  async start(): Promise<this> {
    const mail = join(this.dir, 'mail');
    // Mail processes run as nobody: they must be able to reach their homes.
    chmodSync(this.dir, 0o755);
    mkdirSync(join(this.dir, 'run'));
    mkdirSync(mail);
    chownSync(mail, 65534, 65534);
    const config = join(this.dir, 'dovecot.conf');
    writeFileSync(
      config,
      renderTemplate(join(GATEWAY_DOCS, 'dovecot/dovecot.conf'), {
        RUN_DIR: join(this.dir, 'run'),
        LOG_FILE: join(this.dir, 'dovecot.log'),
        KEYWARD_URL: this.keywardUrl,
        KEYWARD_TIMEOUT_MS: this.timeoutMs,
        LUA_FILE: join(GATEWAY_DOCS, 'dovecot/keyward-passdb.lua'),
        MAIL_UID: 'nobody',
        MAIL_GID: 'nogroup',
        MAIL_DIR: mail,
        IMAP_PORT: this.ports.imap,
        POP3_PORT: this.ports.pop3,
        SUBMISSION_PORT: this.ports.submission,
        DOVEADM_API_KEY: this.doveadmApiKey,
        DOVEADM_PORT: this.ports.doveadm,
      }),
    );
    this.launch('/usr/sbin/dovecot', ['-F', '-c', config]);
    await Promise.all(Object.values(this.ports).map((port) => waitForPort(port)));
    return this;
  }

  log(): string {
    try {
      return readFileSync(join(this.dir, 'dovecot.log'), 'utf8');
    } catch {
      return '';
    }
  }
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a real client (curl, python3) with an argument list — no shell, so no quoting. */
export function run(command: string, args: string[], timeoutMs = 30_000): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(command, args, { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}
