import { SMTPServer } from 'smtp-server';

/** A message as the smarthost received it. */
export interface ReceivedMessage {
  readonly from: string;
  readonly to: readonly string[];
  readonly data: string;
}

/**
 * A test double of the site's smarthost (Exchange Online's connector, an ISP's relay), which
 * cannot run here: an SMTP server (`smtp-server`, nodemailer's) on loopback that takes every
 * message Postfix relays to it and keeps it for the test to read. No authentication and no TLS:
 * what is tested is that Postfix relays a device's mail, not the smarthost.
 */
export class SmarthostSink {
  readonly messages: ReceivedMessage[] = [];
  /** While set, every message is refused with this temporary failure (a server that says "try later"). */
  refusal: string | null = null;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (this.refusal) {
          callback(Object.assign(new Error(this.refusal), { responseCode: 451 }));
          return;
        }
        const envelope = session.envelope;
        this.messages.push({
          from: envelope.mailFrom ? envelope.mailFrom.address : '',
          to: envelope.rcptTo.map((recipient) => recipient.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });

  constructor(readonly port: number) {}

  start(): Promise<this> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => resolve(this));
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
