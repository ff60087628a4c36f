import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RecordedEvent } from '@keyward/shared/event-store';
import type { FailurePolicy, Reaction } from '@keyward/shared/event-sourcing';
import { CLOCK, KEYWARD_CONFIG, Reactor, type Clock, type KeywardConfig } from '@keyward/shared/server';
import type { AlertRaised } from '@keyward/incidents/domain';
import { WebhookClient } from './webhook-client';
import { alertDelivery } from './webhook-delivery';

/** The longest wait between two attempts at a delivery. */
const MAX_RETRY_DELAY_MS = 5 * 60_000;
/**
 * Alerts older than this are history, not news: a node whose read-model file is new (a new node,
 * a restore) does not deliver a week-old backlog again. A node that was merely down keeps its
 * checkpoint and delivers what it owes, unless it was down longer than this.
 */
export const STALE_ALERT_MS = 7 * 24 * 3_600_000;

/**
 * Delivers each raised alert to KEYWARD_WEBHOOK_URL, at least once, in order, signed as GitHub
 * signs its webhooks. A failed delivery (no 2xx within the timeout) is tried again after
 * KEYWARD_WEBHOOK_RETRY_SECONDS, then twice as long each time up to five minutes; the
 * attempts survive a restart (the subscriber counts them in the read-model database), and after
 * KEYWARD_WEBHOOK_MAX_ATTEMPTS the delivery is parked as a dead letter, which the console's
 * banner shows and can retry. Later alerts wait meanwhile. Runs only when the URL is set.
 */
@Injectable()
@Reactor()
export class AlertWebhook implements Reaction {
  readonly name = 'alert-webhook';
  readonly filter = { streamPrefixes: ['alert-'], eventTypes: ['AlertRaised'] };
  readonly failures?: FailurePolicy;
  private readonly client: WebhookClient | null;
  private readonly logger = new Logger('AlertWebhook');

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYWARD_CONFIG) config: KeywardConfig,
  ) {
    const webhook = config.webhook;
    this.client = webhook ? new WebhookClient(webhook.url, webhook.secret, webhook.timeoutMs) : null;
    this.failures = webhook ? { maxAttempts: webhook.maxAttempts, baseDelayMs: webhook.retryMs, maxDelayMs: Math.max(webhook.retryMs, MAX_RETRY_DELAY_MS) } : undefined;
  }

  isEnabled(): boolean {
    return this.client !== null;
  }

  async react(event: RecordedEvent): Promise<void> {
    if (!this.client) return;
    const raised = event as RecordedEvent & AlertRaised;
    const age = this.clock.now().getTime() - Date.parse(event.metadata.occurredAt);
    if (age > STALE_ALERT_MS) {
      this.logger.warn({ msg: 'alert too old to deliver to the webhook', alertId: raised.data.alertId, raisedAt: event.metadata.occurredAt });
      return;
    }
    const status = await this.client.deliver(alertDelivery(raised));
    this.logger.log({ msg: 'alert delivered to the webhook', alertId: raised.data.alertId, delivery: event.id, status });
  }
}
