import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HecClient, HecFailed } from './hec-client';
import { HecReceiverDouble } from './hec-receiver.double';

const TOKEN = '6f1e4c0a-5b7d-4e8f-9a21-do-not-log-me';
const body = '{"time":1796115601.250,"event":{"n":1}}\n{"time":1796115602.250,"event":{"n":2}}';

// A receiver double on a loopback port, answering as each test tells it.
describe('the HEC client', () => {
  let receiver: HecReceiverDouble;
  let endpoint: string;

  beforeAll(async () => {
    receiver = await HecReceiverDouble.start();
    endpoint = `${receiver.origin}/services/collector/event`;
  });
  afterAll(() => receiver.stop());
  beforeEach(() => (receiver.requests.length = 0));

  const failureOf = (client: HecClient) => client.send(body).then(() => null, (error: Error) => error);

  it('given a collector that takes the batch, when it is sent, then it is one POST with the Splunk token and the events as they are', async () => {
    await new HecClient(endpoint, TOKEN, 2000).send(body);
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]).toMatchObject({ path: '/services/collector/event', authorization: `Splunk ${TOKEN}`, contentType: 'application/json', body });
    expect(receiver.requests[0].events).toEqual([{ time: 1796115601.25, event: { n: 1 } }, { time: 1796115602.25, event: { n: 2 } }]);
  });

  it('given answers outside 2xx, a redirect included, when a batch is sent, then it fails, saying what the collector said and never the token', async () => {
    for (const [status, answer] of [[503, '{"text":"Server is busy","code":9}'], [403, `{"text":"Invalid token ${TOKEN}","code":4}`], [302, '']] as const) {
      receiver.answer = (_request, response) => response.writeHead(status, status === 302 ? { location: 'http://127.0.0.1:1/' } : {}).end(answer);
      const error = await failureOf(new HecClient(endpoint, TOKEN, 2000));
      expect(error).toBeInstanceOf(HecFailed);
      expect(error?.message).toMatch(new RegExp(`^The HTTP event collector answered ${status}`));
      expect(error?.message).not.toContain(TOKEN);
    }
    expect(receiver.requests).toHaveLength(3);
  });

  it('given a 200 whose code is not 0, when a batch is sent, then it fails; a 2xx without a JSON code is taken', async () => {
    receiver.answer = (_request, response) => response.writeHead(200).end('{"text":"Invalid data format","code":6,"invalid-event-number":1}');
    expect((await failureOf(new HecClient(endpoint, TOKEN, 2000)))?.message).toBe('The HTTP event collector refused the events: code 6 (Invalid data format)');
    receiver.answer = (_request, response) => response.writeHead(204).end();
    expect(await failureOf(new HecClient(endpoint, TOKEN, 2000))).toBeNull();
  });

  it('given a collector that does not answer, when a batch is sent, then it gives up after the timeout', async () => {
    receiver.answer = () => undefined;
    const started = Date.now();
    expect((await failureOf(new HecClient(endpoint, TOKEN, 300)))?.message).toBe('The HTTP event collector did not answer within 0.3 s');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('given no collector at the address, when a batch is sent, then it fails saying so, without the URL or the token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failureOf(new HecClient(`http://127.0.0.1:${port}/services/collector/event`, TOKEN, 2000));
    expect(error?.message).toBe('The HTTP event collector could not be reached (ECONNREFUSED)');
  });
});
