import { Agent, request as httpRequest } from 'node:http';

/**
 * As many sockets as requests: for tests and benchmarks whose requests must be at the server all
 * at once (fetch's pool to one origin sends few slow requests at a time). Destroy it when done.
 */
export function unboundedAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: Infinity });
}

export interface HttpAnswer {
  readonly status: number;
  readonly retryAfter: string | undefined;
  readonly text: string;
  readonly ms: number;
}

/** One request with node:http through `agent`: status, Retry-After, body text and how long it took. */
export function sendOver(agent: Agent, url: string, options: { method?: string; headers?: Record<string, string | number>; body?: string } = {}): Promise<HttpAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers = { ...(options.body === undefined ? {} : { 'content-length': Buffer.byteLength(options.body) }), ...options.headers };
    const outgoing = httpRequest(url, { method: options.method ?? 'GET', agent, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] as string | undefined, text, ms: performance.now() - started }));
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}
