/** Why a request failed, in words that name neither the token nor the URL. */
export class HecFailed extends Error {
  override readonly name = 'HecFailed';
}

/**
 * POSTs batches of events to a Splunk HTTP Event Collector (or anything that speaks its
 * protocol) with `Authorization: Splunk <token>`, within a timeout. Taken means a 2xx whose
 * body, when it is JSON with a `code`, says `0`; a redirect is not followed.
 */
export class HecClient {
  constructor(
    private readonly endpoint: string,
    private readonly token: string,
    private readonly timeoutMs: number,
  ) {}

  /** Resolves once the collector took the body; throws HecFailed otherwise. */
  async send(body: string): Promise<void> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: { authorization: `Splunk ${this.token}`, 'content-type': 'application/json', 'user-agent': 'Keyward-SIEM/1' },
        body,
      });
      text = await response.text();
    } catch (error) {
      throw new HecFailed(describe(error, this.timeoutMs));
    }
    const answer = parsed(text);
    const said = (answer.code === undefined ? '' : `: code ${answer.code}${answer.text ? ` (${answer.text})` : ''}`).replaceAll(this.token, '[token]');
    if (response.status < 200 || response.status > 299) throw new HecFailed(`The HTTP event collector answered ${response.status}${said}`);
    if (answer.code !== undefined && answer.code !== 0) throw new HecFailed(`The HTTP event collector refused the events${said}`);
  }
}

/** Splunk answers `{"text":"Success","code":0}`, or a code and a reason. */
function parsed(text: string): { code?: number; text?: string } {
  try {
    const value = JSON.parse(text) as { code?: unknown; text?: unknown };
    return {
      code: typeof value?.code === 'number' ? value.code : undefined,
      // The collector's words, never an echo of what was sent: short, and without the token.
      text: typeof value?.text === 'string' ? value.text.slice(0, 200) : undefined,
    };
  } catch {
    return {};
  }
}

function describe(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `The HTTP event collector did not answer within ${timeoutMs / 1000} s`;
  const code = (error as { cause?: { code?: string } })?.cause?.code;
  return `The HTTP event collector could not be reached${code ? ` (${code})` : ''}`;
}
