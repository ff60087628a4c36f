import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './keyward-process';
import type { TlsFiles } from './test-certificates';

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

  constructor(
    private readonly name: string,
    /** The file (in `dir`) the process logs to, if any. */
    private readonly logFile: string | null = null,
  ) {}

  /** What the process has written to its log file so far ('' without one). */
  log(): string {
    if (!this.logFile) return '';
    try {
      return readFileSync(join(this.dir, this.logFile), 'utf8');
    } catch {
      return '';
    }
  }

  /** Starts the process; its output is collected, or written to `outputFile` (a program that opens /dev/stdout needs a file, not Node's socket). */
  protected launch(command: string, args: string[], outputFile?: string): void {
    if (outputFile) {
      const fd = openSync(outputFile, 'a');
      this.child = spawn(command, args, { stdio: ['ignore', fd, fd] });
      closeSync(fd);
      return;
    }
    this.child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  /** Resolves once every port accepts connections; fails with what the process said if one does not. */
  protected async listening(ports: number[]): Promise<void> {
    try {
      await Promise.all(ports.map((port) => waitForPort(port)));
    } catch (error) {
      throw new Error(`${this.name} did not start (${String(error)}):\n${this.output}${this.log()}`);
    }
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

/** nginx from docs/gateways/nginx/keyward.conf (HTTPS), with the legacy service behind it. */
export class Nginx extends GatewayProcess {
  constructor(
    readonly ports: { http: number; https: number },
    private readonly backendPort: number,
    private readonly keywardPort: number,
    readonly tls: TlsFiles,
    private readonly gatewayToken: string,
  ) {
    super('nginx', 'log/error.log');
  }

  /** The gateway's address, as clients reach it (the certificate's name). */
  get baseUrl(): string {
    return `https://${this.tls.serverName}:${this.ports.https}`;
  }

  async start(): Promise<this> {
    for (const sub of ['run', 'log', 'conf.d']) mkdirSync(join(this.dir, sub));
    // The documented file goes where Debian's stock nginx.conf includes it (conf.d/ inside http { }).
    writeFileSync(
      join(this.dir, 'conf.d/keyward.conf'),
      renderTemplate(join(GATEWAY_DOCS, 'nginx/keyward.conf'), {
        KEYWARD_HOST_PORT: `127.0.0.1:${this.keywardPort}`,
        HTTP_LISTEN: `127.0.0.1:${this.ports.http}`,
        HTTPS_LISTEN: `127.0.0.1:${this.ports.https}`,
        SERVER_NAME: this.tls.serverName,
        LOG_DIR: join(this.dir, 'log'),
        TLS_CERT_FILE: this.tls.certFile,
        TLS_KEY_FILE: this.tls.keyFile,
        BACKEND_URL: `http://127.0.0.1:${this.backendPort}`,
        GATEWAY_TOKEN: this.gatewayToken,
      }),
    );
    // What Debian's /etc/nginx/nginx.conf provides, in a temporary directory; and the legacy
    // service itself (yours runs elsewhere), which trusts X-Remote-User.
    const run = join(this.dir, 'run');
    const config = join(this.dir, 'nginx.conf');
    writeFileSync(
      config,
      `worker_processes 1;
pid ${run}/nginx.pid;
error_log ${this.dir}/log/error.log info;
events { worker_connections 256; }
http {
  client_body_temp_path ${run}/body;
  proxy_temp_path ${run}/proxy;
  fastcgi_temp_path ${run}/fastcgi;
  uwsgi_temp_path ${run}/uwsgi;
  scgi_temp_path ${run}/scgi;
  include ${this.dir}/conf.d/*.conf;
  server {
    listen 127.0.0.1:${this.backendPort};
    location / {
      default_type text/plain;
      return 200 "legacy service: hello $http_x_remote_user\n";
    }
  }
}
`,
    );
    // In the foreground, as systemd's unit runs it (docs/gateways/nginx.md).
    this.launch('/usr/sbin/nginx', ['-c', config, '-e', join(this.dir, 'log/error.log'), '-g', 'daemon off;']);
    await this.listening([this.ports.https, this.ports.http]);
    return this;
  }
}

export interface DovecotPorts {
  imap: number;
  imaps: number;
  pop3: number;
  pop3s: number;
  lmtp: number;
  doveadm: number;
}

/** What Dovecot is wired to besides Keyward: its certificate, and Postfix (the SASL socket in Postfix's queue). */
export interface DovecotWiring {
  readonly tls: TlsFiles;
  /** Its token for Keyward (KEYWARD_GATEWAY_TOKENS=dovecot:<token>). */
  readonly gatewayToken: string;
  readonly postfixQueueDir: string;
}

/** Dovecot 2.3 from docs/gateways/dovecot/, asking Keyward through the Lua passdb. */
export class Dovecot extends GatewayProcess {
  readonly doveadmApiKey = 'keyward-test-doveadm-key';
  readonly mailDir = join(this.dir, 'mail');

  constructor(
    readonly ports: DovecotPorts,
    private readonly keywardUrl: string,
    readonly wiring: DovecotWiring,
    private readonly timeoutMs = 2000,
  ) {
    super('dovecot', 'dovecot.log');
  }

  get doveadmUrl(): string {
    return `http://127.0.0.1:${this.ports.doveadm}/doveadm/v1`;
  }

  async start(): Promise<this> {
    // Mail processes run as nobody: they must be able to reach their homes.
    chmodSync(this.dir, 0o755);
    mkdirSync(join(this.dir, 'run'));
    mkdirSync(join(this.dir, 'state'));
    // The documented step, as documented.
    await runChecked('sh', [join(GATEWAY_DOCS, 'dovecot/prepare-mail-dir.sh'), this.mailDir, MAIL_USER, MAIL_GROUP]);
    mkdirSync(join(this.wiring.postfixQueueDir, 'private'), { recursive: true });
    const config = join(this.dir, 'dovecot.conf');
    writeFileSync(
      config,
      renderTemplate(join(GATEWAY_DOCS, 'dovecot/dovecot.conf'), {
        RUN_DIR: join(this.dir, 'run'),
        STATE_DIR: join(this.dir, 'state'),
        LOG_FILE: join(this.dir, 'dovecot.log'),
        LISTEN: '127.0.0.1',
        MAIL_HOSTNAME: this.wiring.tls.serverName,
        TLS_CERT_FILE: this.wiring.tls.certFile,
        TLS_KEY_FILE: this.wiring.tls.keyFile,
        KEYWARD_URL: this.keywardUrl,
        KEYWARD_TIMEOUT_MS: this.timeoutMs,
        GATEWAY_TOKEN: this.wiring.gatewayToken,
        LUA_FILE: join(GATEWAY_DOCS, 'dovecot/keyward-passdb.lua'),
        MAIL_USER,
        MAIL_GROUP,
        MAIL_DIR: this.mailDir,
        IMAP_PORT: this.ports.imap,
        IMAPS_PORT: this.ports.imaps,
        POP3_PORT: this.ports.pop3,
        POP3S_PORT: this.ports.pop3s,
        LMTP_ADDRESS: '127.0.0.1',
        LMTP_PORT: this.ports.lmtp,
        POSTFIX_AUTH_SOCKET: join(this.wiring.postfixQueueDir, 'private/auth'),
        POSTFIX_USER: 'postfix',
        POSTFIX_GROUP: 'postfix',
        DOVEADM_API_KEY: this.doveadmApiKey,
        DOVEADM_ADDRESS: '127.0.0.1',
        DOVEADM_PORT: this.ports.doveadm,
      }),
    );
    this.launch('/usr/sbin/dovecot', ['-F', '-c', config]);
    await this.listening(Object.values(this.ports));
    return this;
  }
}

/** The user Dovecot's mail processes run as in the tests (docs: a `vmail` user of your own). */
const MAIL_USER = 'nobody';
const MAIL_GROUP = 'nogroup';

export interface PostfixPorts {
  /** Submission with STARTTLS (587 in production), for mail apps and devices. */
  submission: number;
  /** Submission with implicit TLS (465 in production). */
  submissions: number;
}

/**
 * Postfix (Debian's package) from docs/gateways/postfix/: it delivers the hosted domain's mail
 * to Dovecot over LMTP and relays the rest to the smarthost. Its queue directory is made
 * before Dovecot starts, which puts its SASL socket there.
 */
/** Who runs the policy service here: Debian's `nobody` (docs/gateways/postfix.md makes a user of its own). */
const POLICY_USER = 'nobody';

/**
 * An smtpd for the site's own senders on loopback (mynetworks): no sign-in, no TLS, no Keyward
 * policy check (it records app-password sign-ins, and these are none), as an internal relay takes
 * mail from the servers it trusts.
 */
function relayService(port: number): string {
  return [
    `127.0.0.1:${port} inet n - n - - smtpd`,
    '  -o syslog_name=postfix/relay',
    '  -o smtpd_tls_security_level=none',
    '  -o smtpd_sasl_auth_enable=no',
    '  -o smtpd_client_restrictions=permit_mynetworks,reject',
    '  -o smtpd_relay_restrictions=permit_mynetworks,reject',
    '  -o smtpd_data_restrictions=',
    '',
  ].join('\n');
}

export class Postfix extends GatewayProcess {
  readonly queueDir = join(this.dir, 'queue');
  private readonly configDir = join(this.dir, 'config');

  constructor(
    readonly ports: PostfixPorts,
    private readonly wiring: {
      tls: TlsFiles;
      lmtpPort: number;
      smarthostPort: number;
      domains: string;
      keywardUrl: string;
      gatewayToken: string;
      /** A loopback port where a trusted sender (Keyward's notices) hands over mail without signing in, as to a site's internal relay. */
      relayPort?: number;
    },
  ) {
    super('postfix', 'postfix.log');
    mkdirSync(this.queueDir);
  }

  async start(): Promise<this> {
    chmodSync(this.dir, 0o755);
    mkdirSync(this.configDir);
    mkdirSync(join(this.dir, 'data'));
    // The package makes Debian's data directory its user's; this one is new.
    await runChecked('chown', ['postfix', join(this.dir, 'data')]);
    // The policy service runs as an unprivileged user (in production its own), who alone reads the token.
    const policyScript = join(this.dir, 'keyward-policy.py');
    copyFileSync(join(GATEWAY_DOCS, 'postfix/keyward-policy.py'), policyScript);
    const tokenFile = join(this.dir, 'keyward-gateway-token');
    writeFileSync(tokenFile, `${this.wiring.gatewayToken}\n`, { mode: 0o400 });
    await runChecked('chown', [POLICY_USER, tokenFile]);
    const values = {
      QUEUE_DIR: this.queueDir,
      DATA_DIR: join(this.dir, 'data'),
      POSTFIX_USER: 'postfix',
      POSTDROP_GROUP: 'postdrop',
      // Postfix writes only below maillog_file_prefixes (/var, /dev/stdout): here, to start-fg's output, a file.
      LOG_FILE: '/dev/stdout',
      MAIL_HOSTNAME: this.wiring.tls.serverName,
      LISTEN: '127.0.0.1',
      MAIL_DOMAINS: this.wiring.domains,
      LMTP_ADDRESS: '127.0.0.1',
      LMTP_PORT: this.wiring.lmtpPort,
      SMARTHOST: `[127.0.0.1]:${this.wiring.smarthostPort}`,
      // The sink offers no TLS; in production, `secure` with the smarthost's CA.
      SMARTHOST_TLS_LEVEL: 'may',
      SMARTHOST_CA_FILE: this.wiring.tls.caFile,
      TLS_CERT_FILE: this.wiring.tls.certFile,
      TLS_KEY_FILE: this.wiring.tls.keyFile,
      SUBMISSION_LISTEN: `127.0.0.1:${this.ports.submission}`,
      SUBMISSIONS_LISTEN: `127.0.0.1:${this.ports.submissions}`,
      POLICY_USER,
      POLICY_SCRIPT: policyScript,
      POLICY_TOKEN_FILE: tokenFile,
      KEYWARD_URL: this.wiring.keywardUrl,
    };
    for (const file of ['main.cf', 'master.cf']) writeFileSync(join(this.configDir, file), renderTemplate(join(GATEWAY_DOCS, `postfix/${file}`), values));
    if (this.wiring.relayPort) appendFileSync(join(this.configDir, 'master.cf'), relayService(this.wiring.relayPort));
    await runChecked('/usr/sbin/postfix', ['-c', this.configDir, 'check']);
    // start-fg: master stays in the foreground, and with maillog_file = /dev/stdout logs there.
    this.launch('/usr/sbin/postfix', ['-c', this.configDir, 'start-fg'], join(this.dir, 'postfix.log'));
    await this.listening([this.ports.submission, this.ports.submissions, ...(this.wiring.relayPort ? [this.wiring.relayPort] : [])]);
    return this;
  }

  override async stop(): Promise<void> {
    if (this.child) await run('/usr/sbin/postfix', ['-c', this.configDir, 'stop']);
    await super.stop();
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

/** Runs a command to its end; fails with its output when it does not exit 0. */
export async function runChecked(command: string, args: string[]): Promise<CommandResult> {
  const result = await run(command, args);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.code}): ${result.stderr || result.stdout}`);
  return result;
}

/** A new random gateway token (what an admin makes with `openssl rand -base64url 32`, or the like). */
export function newGatewayToken(): string {
  return randomBytes(32).toString('base64url');
}
