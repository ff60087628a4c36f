import { signatureOf, type WebhookDelivery } from './webhook-delivery';

/** Why a delivery failed, in words that name neither the URL (it may carry a token) nor the secret. */
export class WebhookFailed extends Error {
  override readonly name = 'WebhookFailed';
}

/**
 * POSTs deliveries to the configured URL, signed, within a timeout. Only a 2xx answer counts as
 * delivered; a redirect is not followed (it is a failure, as with GitHub).
 */
export class WebhookClient {
  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly timeoutMs: number,
  ) {}

  /** Resolves with the status once the receiver took the delivery; throws WebhookFailed otherwise. */
  async deliver(delivery: WebhookDelivery): Promise<number> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Keyward-Webhook/1',
          'x-keyward-event': delivery.event,
          'x-keyward-delivery': delivery.id,
          'x-keyward-signature-256': signatureOf(delivery.body, this.secret),
        },
        body: delivery.body,
      });
    } catch (error) {
      throw new WebhookFailed(describe(error, this.timeoutMs));
    }
    // The answer's body says nothing Keyward needs; read it off so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status < 200 || response.status > 299) throw new WebhookFailed(`The webhook receiver answered ${response.status}`);
    return response.status;
  }
}

function describe(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `The webhook receiver did not answer within ${timeoutMs / 1000} s`;
  const code = (error as { cause?: { code?: string } })?.cause?.code;
  return `The webhook receiver could not be reached${code ? ` (${code})` : ''}`;
}
