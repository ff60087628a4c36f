import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

export const RSYSLOGD = '/usr/sbin/rsyslogd';

/**
 * Debian's rsyslogd, run by a test from a configuration in its own directory: imtcp on a loopback
 * port, each message's MSG written as one line to `messages.log`, and the header fields rsyslog
 * parsed to `headers.log`. tools/test/ensure-system-packages.sh installs it.
 */
export class Rsyslog {
  private process: ChildProcess | null = null;
  private stderr = '';

  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  /** Writes the configuration for a free loopback port; start() runs it. */
  static async configure(dir: string): Promise<Rsyslog> {
    const rsyslog = new Rsyslog(dir, await freeLoopbackPort());
    writeFileSync(join(dir, 'rsyslog.conf'), rsyslog.configuration());
    return rsyslog;
  }

  get messagesFile(): string {
    return join(this.dir, 'messages.log');
  }

  /** Starts rsyslogd in the foreground and resolves once it accepts connections. */
  async start(): Promise<void> {
    this.stderr = '';
    const child = spawn(RSYSLOGD, ['-n', '-f', join(this.dir, 'rsyslog.conf'), '-i', join(this.dir, 'rsyslogd.pid')], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.process = child;
    const why = () => `rsyslogd did not listen on ${this.port}: ${this.stderr}`;
    await waitFor(() => {
      if (child.exitCode !== null) throw new Error(why());
      return isListening(this.port);
    }, 10_000, why);
  }

  /** Stops the rsyslogd this fixture started (SIGTERM to its pid) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /** The lines of a file rsyslog writes (none while it has written nothing). */
  lines(file: 'messages.log' | 'headers.log' = 'messages.log'): string[] {
    const path = join(this.dir, file);
    if (!existsSync(path)) return [];
    return readFileSync(path, 'utf8').split('\n').filter((line) => line !== '');
  }

  /** Resolves once messages.log has at least `count` lines. */
  async received(count: number, timeoutMs = 20_000): Promise<string[]> {
    await waitFor(async () => this.lines().length >= count, timeoutMs, () => `rsyslog wrote ${this.lines().length} of ${count} lines`);
    return this.lines();
  }

  private configuration(): string {
    return [
      // Audit records can be long; rsyslog's default cuts messages at 8 KiB.
      `global(maxMessageSize="64k" workDirectory="${this.dir}")`,
      'module(load="imtcp")',
      'template(name="msgOnly" type="string" string="%msg%\\n")',
      'template(name="headers" type="string" string="%pri% %timereported:::date-rfc3339% %hostname% %app-name% %procid% %msgid% %structured-data%\\n")',
      'ruleset(name="siem") {',
      `  action(type="omfile" file="${join(this.dir, 'messages.log')}" template="msgOnly")`,
      `  action(type="omfile" file="${join(this.dir, 'headers.log')}" template="headers")`,
      '}',
      `input(type="imtcp" address="127.0.0.1" port="${this.port}" ruleset="siem")`,
      '',
    ].join('\n');
  }
}

async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, why: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(why());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
