import { connect, type Socket } from 'node:net';

/** Why sending failed, in words fit for a log line. */
export class SyslogFailed extends Error {
  override readonly name = 'SyslogFailed';
}

/**
 * One TCP connection to a syslog receiver (`tcp://host:port`), opened when first needed and
 * opened again after it drops. `send` resolves once the bytes are flushed to the socket: plain
 * TCP syslog has no acknowledgement of its own, so that is as far as the sender can know.
 */
export class SyslogClient {
  private socket: Socket | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs: number,
  ) {}

  /** `tcp://host:port`, as KEYWARD_SYSLOG_URL gives it. */
  static fromUrl(url: string, timeoutMs: number): SyslogClient {
    const parsed = new URL(url);
    if (parsed.protocol !== 'tcp:' || !parsed.port) throw new Error('A syslog URL is tcp://host:port');
    return new SyslogClient(parsed.hostname.replace(/^\[(.*)\]$/, '$1'), Number(parsed.port), timeoutMs);
  }

  /** Writes the bytes in one write; resolves once they are flushed to the socket, throws SyslogFailed otherwise. */
  async send(bytes: Buffer): Promise<void> {
    const socket = this.socket ?? (await this.open());
    await new Promise<void>((resolve, reject) => {
      // A receiver that stops reading fills the window and the write never completes.
      const timer = setTimeout(() => fail(new SyslogFailed(`The syslog receiver did not take the messages within ${this.timeoutMs / 1000} s`)), this.timeoutMs);
      const fail = (error: SyslogFailed) => {
        clearTimeout(timer);
        this.drop(socket);
        reject(error);
      };
      socket.write(bytes, (error) => {
        if (error) return fail(new SyslogFailed(`The connection to the syslog receiver failed${codeOf(error)}`));
        clearTimeout(timer);
        resolve();
      });
    });
  }

  close(): void {
    if (this.socket) this.drop(this.socket);
  }

  private open(): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port, timeout: this.timeoutMs });
      const refuse = (reason: string) => {
        socket.destroy();
        reject(new SyslogFailed(`The syslog receiver could not be reached${reason}`));
      };
      socket.once('timeout', () => refuse(` within ${this.timeoutMs / 1000} s`));
      socket.once('error', (error) => refuse(codeOf(error)));
      socket.once('connect', () => {
        socket.removeAllListeners('timeout').removeAllListeners('error');
        socket.setTimeout(0);
        socket.setNoDelay(true);
        socket.setKeepAlive(true, 60_000);
        // A receiver that goes away closes its end: the next batch must go to a new connection,
        // not into a socket nobody reads. Reading (and dropping) what it sends is how 'end' is seen.
        socket.on('end', () => this.drop(socket));
        socket.on('error', () => this.drop(socket));
        socket.on('close', () => this.drop(socket));
        socket.resume();
        this.socket = socket;
        resolve(socket);
      });
    });
  }

  private drop(socket: Socket): void {
    if (this.socket === socket) this.socket = null;
    socket.destroy();
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: string })?.code;
  return code ? ` (${code})` : '';
}
