import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ADMIN_PASSWORD,
  ConsoleClient,
  createUser,
  Dovecot,
  freePort,
  generate,
  KeywardProcess,
  makeTestCertificates,
  newGatewayToken,
  Nginx,
  Postfix,
  run,
  SmarthostSink,
  type CommandResult,
  type TlsFiles,
} from '@keyward/e2e/support';

const MAIL_CLIENT = join(__dirname, 'clients/mail_client.py');

/** The mail domain hosted by the test's Dovecot (its users' mailboxes); any other goes to the smarthost. */
export const MAIL_DOMAIN = 'contoso.example';

export type MailKind = 'imap' | 'pop' | 'smtp';

/** How a client secures its connection: implicit TLS (993, 995, 465), STARTTLS (143, 110, 587), or none (to show that it is refused). */
export type Tls = 'implicit' | 'starttls' | 'none';

/**
 * Keyward with the gateways in front of it as docs/gateways sets them up, all on loopback high
 * ports and over TLS with a throwaway CA: nginx (HTTPS), Dovecot (IMAP, POP3, LMTP, and the SASL
 * check) and Postfix (submission for mail apps and devices), relaying to a smarthost sink; and one admin.
 */
export class GatewayFixture {
  keyward!: KeywardProcess;
  nginx!: Nginx;
  dovecot!: Dovecot;
  postfix!: Postfix;
  smarthost!: SmarthostSink;
  admin!: ConsoleClient;
  tls!: TlsFiles;
  private readonly certificates = mkdtempSync(join(tmpdir(), 'keyward-tls-'));
  /** Each gateway's token: Keyward records a sign-in as gateway:nginx or gateway:dovecot only with it. */
  readonly gatewayTokens = { nginx: newGatewayToken(), dovecot: newGatewayToken() };
  private sources = 0;
  private messages = 0;

  /** `withNotices`: Keyward mails its notices through Postfix (a loopback relay port), as to a site's relay. */
  constructor(private readonly options: { withNotices?: boolean } = {}) {}

  /**
   * A loopback address no other call has used. Dovecot delays every login from an address that
   * recently failed (its own per-address penalty, up to 15 s); tests that are not about that
   * play each client at its own address.
   */
  nextSource(): string {
    this.sources++;
    return `127.1.${this.sources >> 8}.${this.sources & 255}`;
  }

  async start(): Promise<this> {
    const [keywardPort, http, https, backendPort, imap, imaps, pop3, pop3s, submission, submissions, lmtp, doveadm, smarthostPort, relayPort] = await Promise.all(
      Array.from({ length: 14 }, () => freePort()),
    );
    const withNotices = this.options.withNotices === true;
    this.tls = makeTestCertificates(this.certificates);
    // Each part is kept before it starts, so that stop() cleans up after a part that failed to.
    this.smarthost = await new SmarthostSink(smarthostPort).start();
    // Postfix first: Dovecot puts its SASL socket in Postfix's queue directory.
    this.postfix = new Postfix(
      { submission, submissions },
      {
        tls: this.tls,
        lmtpPort: lmtp,
        smarthostPort,
        domains: MAIL_DOMAIN,
        keywardUrl: `http://127.0.0.1:${keywardPort}`,
        gatewayToken: this.gatewayTokens.dovecot,
        relayPort: withNotices ? relayPort : undefined,
      },
    );
    await this.postfix.start();
    this.dovecot = new Dovecot({ imap, imaps, pop3, pop3s, lmtp, doveadm }, `http://127.0.0.1:${keywardPort}`, {
      tls: this.tls,
      gatewayToken: this.gatewayTokens.dovecot,
      postfixQueueDir: this.postfix.queueDir,
    });
    await this.dovecot.start();
    this.keyward = await new KeywardProcess({
      port: keywardPort,
      env: {
        KEYWARD_DOVEADM_URL: this.dovecot.doveadmUrl,
        KEYWARD_DOVEADM_API_KEY: this.dovecot.doveadmApiKey,
        KEYWARD_VERIFY_FAILURES_BEFORE_DELAY: '5',
        KEYWARD_GATEWAY_TOKENS: `nginx:${this.gatewayTokens.nginx},dovecot:${this.gatewayTokens.dovecot}`,
        ...(withNotices ? { KEYWARD_SMTP_URL: `smtp://127.0.0.1:${relayPort}`, KEYWARD_MAIL_FROM: `Keyward <keyward@${MAIL_DOMAIN}>`, KEYWARD_PUBLIC_URL: `http://127.0.0.1:${keywardPort}` } : {}),
      },
    }).start();
    this.nginx = new Nginx({ http, https }, backendPort, keywardPort, this.tls, this.gatewayTokens.nginx);
    await this.nginx.start();
    this.admin = new ConsoleClient(this.keyward.baseUrl);
    await this.admin.signIn(`admin@${MAIL_DOMAIN}`, ADMIN_PASSWORD);
    return this;
  }

  async stop(): Promise<void> {
    await this.nginx?.stop();
    await this.postfix?.stop();
    await this.dovecot?.stop();
    await this.smarthost?.stop();
    await this.keyward?.stop();
    this.keyward?.removeData();
    rmSync(this.certificates, { recursive: true, force: true });
  }

  /** A new user with one app password for every protocol. */
  async userWithPassword(userPrincipalName: string): Promise<{ userId: string; secret: string; appPasswordId: string }> {
    const user = await createUser(this.admin, userPrincipalName);
    const generated = await generate(this.admin, user.id, 'Legacy client');
    return { userId: user.id, secret: generated.secret, appPasswordId: generated.appPassword.id };
  }

  /** The port for a protocol (Dovecot's for IMAP and POP3, Postfix's for submission): the implicit-TLS one, or the one that offers STARTTLS. */
  mailPort(kind: MailKind, tls: Tls): number {
    const { imap, imaps, pop3, pop3s } = this.dovecot.ports;
    const { submission, submissions } = this.postfix.ports;
    const implicit = tls === 'implicit';
    return { imap: implicit ? imaps : imap, pop: implicit ? pop3s : pop3, smtp: implicit ? submissions : submission }[kind];
  }

  /** Python's imaplib / poplib / smtplib signing in through Dovecot, the certificate verified: "ok" or "refused: …". */
  async mailLogin(kind: MailKind, user: string, password: string, source = this.nextSource(), options: { tls?: Tls; id?: string } = {}): Promise<string> {
    const tls = options.tls ?? 'implicit';
    const result = await run('python3', [MAIL_CLIENT, kind, '127.0.0.1', String(this.mailPort(kind, tls)), user, password, ...this.clientOptions(source, tls), ...(options.id ? ['--id', options.id] : [])]);
    return result.stdout.trim() || result.stderr.trim();
  }

  /** The user's inbox over IMAPS, each message parsed by Python's email package: headers, content type, text and HTML. */
  async readInboxParsed(user: string, password: string): Promise<{ from: string; to: string; subject: string; contentType: string; notice: string | null; text: string | null; html: string | null }[]> {
    const result = await run('python3', [MAIL_CLIENT, 'imap-json', '127.0.0.1', String(this.mailPort('imap', 'implicit')), user, password, ...this.clientOptions(this.nextSource(), 'implicit')]);
    if (result.code !== 0 || !result.stdout.trim().startsWith('[')) throw new Error(`reading the inbox failed: ${result.stdout} ${result.stderr}`);
    return JSON.parse(result.stdout);
  }

  /** Every message of the user's inbox, read with Python's imaplib (IMAPS) or poplib (STARTTLS). */
  async readInbox(kind: 'imap' | 'pop', user: string, password: string, tls: Tls = 'implicit'): Promise<CommandResult> {
    return run('python3', [MAIL_CLIENT, `${kind}-fetch`, '127.0.0.1', String(this.mailPort(kind, tls)), user, password, ...this.clientOptions(this.nextSource(), tls)]);
  }

  /** curl through Dovecot (imaps://, pop3s://, the certificate verified) with the given credentials. */
  curlMail(scheme: 'imap' | 'pop3', user: string, password: string, source = this.nextSource(), path = '/'): Promise<CommandResult> {
    const port = scheme === 'imap' ? this.dovecot.ports.imaps : this.dovecot.ports.pop3s;
    return run('curl', ['-s', '--max-time', '15', '--interface', source, ...this.curlTls(port), `${scheme}s://${this.tls.serverName}:${port}${path}`, '--user', `${user}:${password}`]);
  }

  /** curl's smtps:// to Postfix's submission service (implicit TLS): AUTH, then the message. */
  curlSubmission(user: string, password: string, to: string, message = this.message(user, to, 'Hello from curl'), source = this.nextSource()): Promise<CommandResult> {
    const port = this.postfix.ports.submissions;
    return run('curl', [
      '-s', '-S', '--max-time', '20', '--interface', source, ...this.curlTls(port), `smtps://${this.tls.serverName}:${port}`,
      '--user', `${user}:${password}`, '--mail-from', user, '--mail-rcpt', to, '-T', message,
    ]);
  }

  /** swaks (Debian's) submitting as a device would: to `port`, TLS (implicit on the submissions port, else STARTTLS) with the certificate verified, AUTH, one message. */
  swaks(port: number, user: string, password: string, to: string, subject: string, ehlo = 'scanner-3f.contoso.example'): Promise<CommandResult> {
    return run('swaks', [
      '--server', '127.0.0.1', '--port', String(port), '--ehlo', ehlo,
      port === this.postfix.ports.submissions ? '--tls-on-connect' : '--tls', '--tls-verify', '--tls-ca-path', this.tls.caFile,
      '--auth', 'PLAIN', '--auth-user', user, '--auth-password', password,
      '--from', user, '--to', to, '--header', `Subject: ${subject}`, '--body', `${subject}\n`,
      '--timeout', '20',
    ]);
  }

  /** A message file: From, To, Subject and a line of body. */
  message(from: string, to: string, subject: string): string {
    const file = join(this.certificates, `message-${++this.messages}.eml`);
    writeFileSync(file, `From: ${from}\r\nTo: ${to}\r\nSubject: ${subject}\r\nDate: ${new Date().toUTCString()}\r\n\r\n${subject}\r\n`);
    return file;
  }

  /** curl through nginx (HTTPS) to the legacy service; returns the HTTP status and the headers. */
  async curlHttp(user: string, password: string, sourceAddress = '127.0.0.1', extra: string[] = []): Promise<{ status: number; headers: string; body: string }> {
    const result = await run('curl', [
      '-s', '-i', '--max-time', '15', '--interface', sourceAddress, ...this.curlTls(this.nginx.ports.https),
      '--user', `${user}:${password}`, `${this.nginx.baseUrl}/reports`, ...extra,
    ]);
    const [headers, body = ''] = result.stdout.split('\r\n\r\n');
    return { status: Number(/^HTTP\/[\d.]+ (\d{3})/.exec(headers)?.[1] ?? 0), headers, body };
  }

  imapSessionCommand(user: string, password: string): [string, string[]] {
    return ['python3', [MAIL_CLIENT, 'imap-session', '127.0.0.1', String(this.dovecot.ports.imaps), user, password, ...this.clientOptions(this.nextSource(), 'implicit')]];
  }

  private clientOptions(source: string, tls: Tls): string[] {
    return ['--source', source, '--tls', tls, '--ca', this.tls.caFile, '--server-name', this.tls.serverName];
  }

  /** curl trusting only the test CA, reaching the certificate's name at 127.0.0.1. */
  private curlTls(port: number): string[] {
    return ['--cacert', this.tls.caFile, '--resolve', `${this.tls.serverName}:${port}:127.0.0.1`];
  }
}
