import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../..');
export const MAIN = join(ROOT, 'dist/apps/api/main.js');
export const ADMIN_PASSWORD = 'correct horse battery staple';
/**
 * The Node flags `npm start` runs Keyward with (package.json): a larger young generation, so
 * that a batch of events read while catching up dies young instead of being promoted.
 */
export const NODE_FLAGS = ['--max-semi-space-size=64'];

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface KeywardOptions {
  dataDir?: string;
  domains?: string;
  env?: Record<string, string>;
  /** `serve` (the default) or `demo`. */
  command?: 'serve' | 'demo';
  /** A fixed port (kept across restarts); by default a free one at every start. */
  port?: number;
  /** How long the start may take (read models catching up on a large store); 30 s by default. */
  startTimeoutMs?: number;
}

/**
 * A real Keyward process (the built dist/apps/api/main.js) on a loopback port with its own data
 * directory. Tests start it, talk HTTP to it, restart or kill it, and remove its data at the end.
 */
export class KeywardProcess {
  readonly dataDir: string;
  baseUrl = '';
  output = '';
  private child: ChildProcess | null = null;

  constructor(private readonly options: KeywardOptions = {}) {
    this.dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'keyward-e2e-'));
  }

  async start(): Promise<this> {
    const port = this.options.port ?? (await freePort());
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.child = spawn(process.execPath, [...NODE_FLAGS, ...profiling(), MAIN, this.options.command ?? 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        KEYWARD_PORT: String(port),
        KEYWARD_DATA_DIR: this.dataDir,
        KEYWARD_BOOTSTRAP_DOMAIN: this.options.domains ?? 'contoso.example',
        KEYWARD_BOOTSTRAP_PASSWORD: ADMIN_PASSWORD,
        KEYWARD_LOG_LEVEL: 'info',
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    await this.waitUntilHealthy();
    return this;
  }

  /** SIGTERM and wait: a clean shutdown. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** SIGKILL: the process dies with no chance to flush anything. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async restart(): Promise<this> {
    await this.stop();
    return this.start();
  }

  /** Freezes the process (SIGSTOP): it holds its connections but answers nothing. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  removeData(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.child = null;
  }

  private async waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + (this.options.startTimeoutMs ?? 30_000);
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null) throw new Error(`Keyward exited:\n${this.output}`);
      try {
        const response = await fetch(`${this.baseUrl}/health`);
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Keyward did not become healthy:\n${this.output}`);
  }
}

/** With KEYWARD_PROFILE_DIR set (benchmarks), each process writes a V8 CPU profile there when it stops. */
function profiling(): string[] {
  const dir = process.env['KEYWARD_PROFILE_DIR'];
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}
