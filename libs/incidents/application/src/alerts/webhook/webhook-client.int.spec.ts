import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSignatureValid } from './webhook-delivery';
import { WebhookClient, WebhookFailed } from './webhook-client';

const SECRET = 'the receiver and keyward share this';
const delivery = { id: 'd-1', event: 'alert' as const, body: JSON.stringify({ action: 'raised', alert: { id: 'a1' } }) };

// A real receiver on a loopback port, answering as each test tells it.
describe('the webhook client', () => {
  let server: Server;
  let url: string;
  let answer: (request: IncomingMessage, body: string, response: ServerResponse) => void;
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({ headers: request.headers, body });
        answer(request, body, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/keyward?token=do-not-log-me`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => (received.length = 0));

  it('posts the body with the event, the delivery id and a signature the receiver verifies', async () => {
    answer = (_request, _body, response) => response.writeHead(202).end('thanks');
    expect(await new WebhookClient(url, SECRET, 2000).deliver(delivery)).toBe(202);
    const [{ headers, body }] = received;
    expect(body).toBe(delivery.body);
    expect(headers).toMatchObject({ 'content-type': 'application/json', 'x-keyward-event': 'alert', 'x-keyward-delivery': 'd-1', 'user-agent': 'Keyward-Webhook/1' });
    expect(isSignatureValid(Buffer.from(body), headers['x-keyward-signature-256'] as string, SECRET)).toBe(true);
    expect(JSON.stringify(headers)).not.toContain(SECRET);
  });

  it('fails on an answer outside 2xx, a redirect included, without naming the URL', async () => {
    for (const status of [500, 404, 302]) {
      answer = (_request, _body, response) => response.writeHead(status, status === 302 ? { location: 'http://127.0.0.1:1/' } : {}).end();
      const failure = new WebhookClient(url, SECRET, 2000).deliver(delivery);
      await expect(failure).rejects.toThrow(new WebhookFailed(`The webhook receiver answered ${status}`));
    }
    expect(received).toHaveLength(3);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    answer = () => undefined;
    const started = Date.now();
    await expect(new WebhookClient(url, SECRET, 300).deliver(delivery)).rejects.toThrow('did not answer within 0.3 s');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('fails on a receiver that is not there, and says so without the URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await new WebhookClient(`http://127.0.0.1:${port}/?token=do-not-log-me`, SECRET, 2000).deliver(delivery).catch((e: Error) => e);
    expect(error).toBeInstanceOf(WebhookFailed);
    expect((error as Error).message).toMatch(/could not be reached/);
    expect((error as Error).message).not.toContain('do-not-log-me');
  });
});
