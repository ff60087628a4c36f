import { join } from 'node:path';
import {
  ADMIN_PASSWORD,
  ConsoleClient,
  createUser,
  Dovecot,
  freePort,
  generate,
  KeywardProcess,
  Nginx,
  run,
  type CommandResult,
} from '@keyward/e2e/support';

const MAIL_CLIENT = join(__dirname, 'clients/mail_client.py');

/** Keyward with nginx and Dovecot in front of it, all on loopback high ports, and one user. */
export class GatewayFixture {
  keyward!: KeywardProcess;
  nginx!: Nginx;
  dovecot!: Dovecot;
  admin!: ConsoleClient;
  private sources = 0;

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
    const [keywardPort, nginxPort, backendPort, imap, pop3, submission, doveadm] = await Promise.all(
      Array.from({ length: 7 }, () => freePort()),
    );
    this.dovecot = await new Dovecot({ imap, pop3, submission, doveadm }, `http://127.0.0.1:${keywardPort}`).start();
    this.keyward = await new KeywardProcess({
      port: keywardPort,
      env: {
        KEYWARD_DOVEADM_URL: this.dovecot.doveadmUrl,
        KEYWARD_DOVEADM_API_KEY: this.dovecot.doveadmApiKey,
        KEYWARD_VERIFY_FAILURES_BEFORE_DELAY: '5',
      },
    }).start();
    this.nginx = await new Nginx(nginxPort, backendPort, keywardPort).start();
    this.admin = new ConsoleClient(this.keyward.baseUrl);
    await this.admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    return this;
  }

  async stop(): Promise<void> {
    await this.nginx?.stop();
    await this.dovecot?.stop();
    await this.keyward?.stop();
    this.keyward?.removeData();
  }

  /** A new user with one app password for every protocol. */
  async userWithPassword(userPrincipalName: string): Promise<{ userId: string; secret: string; appPasswordId: string }> {
    const user = await createUser(this.admin, userPrincipalName);
    const generated = await generate(this.admin, user.id, 'Legacy client');
    return { userId: user.id, secret: generated.secret, appPasswordId: generated.appPassword.id };
  }

  /** Python's imaplib / poplib / smtplib signing in through Dovecot: "ok" or "refused: …". */
  async mailLogin(kind: 'imap' | 'pop' | 'smtp', user: string, password: string, source = this.nextSource()): Promise<string> {
    const port = { imap: this.dovecot.ports.imap, pop: this.dovecot.ports.pop3, smtp: this.dovecot.ports.submission }[kind];
    const result = await run('python3', [MAIL_CLIENT, kind, '127.0.0.1', String(port), user, password, source]);
    return result.stdout.trim() || result.stderr.trim();
  }

  /** curl through Dovecot (imap://, pop3://) with the given credentials. */
  curlMail(scheme: 'imap' | 'pop3', user: string, password: string, source = this.nextSource()): Promise<CommandResult> {
    const port = scheme === 'imap' ? this.dovecot.ports.imap : this.dovecot.ports.pop3;
    return run('curl', ['-s', '--max-time', '15', '--interface', source, `${scheme}://127.0.0.1:${port}/`, '--user', `${user}:${password}`]);
  }

  /** curl's smtp:// through Dovecot's submission service: AUTH, then a message Dovecot cannot relay. */
  curlSubmission(user: string, password: string, source = this.nextSource()): Promise<CommandResult> {
    return run('curl', [
      '-s', '--max-time', '15', '--interface', source, `smtp://127.0.0.1:${this.dovecot.ports.submission}/`,
      '--user', `${user}:${password}`, '--mail-from', user, '--mail-rcpt', 'someone@fabrikam.example', '-T', '/dev/null',
    ]);
  }

  /** curl through nginx to the legacy service; returns the HTTP status and the headers. */
  async curlHttp(user: string, password: string, sourceAddress = '127.0.0.1'): Promise<{ status: number; headers: string; body: string }> {
    const result = await run('curl', [
      '-s', '-i', '--max-time', '15', '--interface', sourceAddress,
      '--user', `${user}:${password}`, `http://127.0.0.1:${this.nginx.port}/reports`,
    ]);
    const [headers, body = ''] = result.stdout.split('\r\n\r\n');
    return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0), headers, body };
  }

  imapSessionCommand(user: string, password: string): [string, string[]] {
    return ['python3', [MAIL_CLIENT, 'imap-session', '127.0.0.1', String(this.dovecot.ports.imap), user, password, this.nextSource()]];
  }
}
