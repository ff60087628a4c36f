import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { KEYWARD_CONFIG, type KeywardConfig } from '@keyward/shared/server';

/** One mail: to one person, as text and HTML. */
export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Mail headers of our own (the notice's id, for the recipient's mail rules and for support). */
  readonly headers?: Record<string, string>;
  readonly attachments?: readonly { filename: string; content: Buffer; contentType: string }[];
}

/**
 * Sends mail through the organisation's SMTP server (KEYWARD_SMTP_URL: smtp:// with STARTTLS when
 * offered, or smtps://; user and password in the URL when it asks for them), with nodemailer, the
 * well-kept SMTP client for Node. A server's certificate is checked against the system's CAs and
 * NODE_EXTRA_CA_CERTS. Timeouts are short: a send that hangs is a failure, retried later.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter | null;

  constructor(@Inject(KEYWARD_CONFIG) config: KeywardConfig) {
    if (!config.mail) {
      this.transport = null;
      return;
    }
    const url = new URL(config.mail.smtpUrl);
    const secure = url.protocol === 'smtps:';
    this.transport = createTransport(
      {
        host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port ? Number(url.port) : secure ? 465 : 587,
        secure,
        auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      },
      { from: config.mail.from },
    );
  }

  get isEnabled(): boolean {
    return this.transport !== null;
  }

  /** Sends one mail; resolves with the server's message id and answer, rejects with its refusal. */
  async send(mail: Mail): Promise<{ messageId: string; response: string }> {
    if (!this.transport) throw new Error('No mail server is configured (KEYWARD_SMTP_URL).');
    const info = await this.transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers, attachments: mail.attachments ? [...mail.attachments] : undefined });
    return { messageId: String(info.messageId ?? ''), response: String(info.response ?? '') };
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
