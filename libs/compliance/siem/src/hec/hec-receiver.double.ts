import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the receiver double saw it, its body read as Splunk reads it: JSON objects one after another. */
export interface HecRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly body: string;
  readonly events: Record<string, unknown>[];
}

export type HecAnswer = (request: HecRequest, response: ServerResponse) => void;

/** Splunk's answer to a batch it took. */
export const accepted: HecAnswer = (_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"text":"Success","code":0}');

/**
 * A stand-in for Splunk's HTTP Event Collector on a loopback port: a real node:http server that
 * records every request and answers as the test tells it (`answer`), Splunk's success by default.
 */
export class HecReceiverDouble {
  readonly requests: HecRequest[] = [];
  answer: HecAnswer = accepted;
  private readonly server: Server;

  private constructor() {
    this.server = createServer((request, response) => this.receive(request, response));
  }

  static async start(): Promise<HecReceiverDouble> {
    const double = new HecReceiverDouble();
    await new Promise<void>((resolve) => double.server.listen(0, '127.0.0.1', resolve));
    return double;
  }

  /** `http://127.0.0.1:<port>`: an origin, as KEYWARD_HEC_URL usually is. */
  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Every event of every request, in the order received. */
  get events(): Record<string, unknown>[] {
    return this.requests.flatMap((request) => request.events);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private receive(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const received = { path: request.url ?? '', authorization: request.headers.authorization, contentType: request.headers['content-type'], body, events: concatenatedObjects(body) };
      this.requests.push(received);
      this.answer(received, response);
    });
  }
}

/** `{…}{…}` or `{…}\n{…}`: the objects, as HEC splits a body. */
export function concatenatedObjects(text: string): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const character = text[i];
    if (inString) {
      if (character === '\\') i++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === '{' && depth++ === 0) start = i;
    else if (character === '}' && --depth === 0) objects.push(JSON.parse(text.slice(start, i + 1)) as Record<string, unknown>);
  }
  return objects;
}
