import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './keyward-process';

export interface OidcProviderSettings {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** The `roles` claim of a login name; a name not listed gets none. */
  roles?: Record<string, string[]>;
  names?: Record<string, string>;
  /** The `amr` claim of a login name (RFC 8176): ["pwd", "mfa"] for one who used MFA. */
  amr?: Record<string, string[]>;
}

/**
 * A real OpenID Connect provider (`oidc-provider`) on a loopback port, in a process of its own
 * (e2e/support/oidc/provider.mjs): what Keyward's single sign-on is tested against. Its
 * development sign-in page takes any login name and password.
 */
export class OidcProviderProcess {
  private child: ChildProcess | null = null;
  port = 0;

  constructor(private readonly settings: OidcProviderSettings) {}

  get issuer(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.port = await freePort();
    const child = spawn(process.execPath, [join(__dirname, 'oidc/provider.mjs')], {
      env: { ...process.env, OIDC_PROVIDER_SETTINGS: JSON.stringify({ ...this.settings, port: this.port }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`oidc-provider did not start:\n${output}`)), 15_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('listening ')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`oidc-provider exited (${code}):\n${output}`));
      });
    });
    return this;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
