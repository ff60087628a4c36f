import { hostname } from 'node:os';
import { Inject, Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@keyward/shared/event-store';
import type { FailurePolicy, Reaction } from '@keyward/shared/event-sourcing';
import { KEYWARD_CONFIG, Reactor, type KeywardConfig } from '@keyward/shared/server';
import { siemFailurePolicy } from '../siem-failures';
import { siemPayloadOf, type SiemFormat } from '../siem-payload';
import { HecClient } from './hec-client';
import { hecBody, hecEndpoint, hecEventJson, sourcetypeOf } from './hec-request';

/** How long the collector may take to answer one batch. */
export const HEC_TIMEOUT_MS = 30_000;

/**
 * Streams every event's audit record to the HTTP Event Collector at KEYWARD_HEC_URL (Splunk's
 * format), one HEC event per Keyward event, a batch in one request. The checkpoint moves only
 * after a 2xx with code 0; a failed batch is sent again (at least once), then event by event,
 * retried for ever (siemFailurePolicy). Runs only when the URL is set.
 */
@Injectable()
@Reactor()
export class HecForwarder implements Reaction {
  readonly name = 'siem-hec';
  /** Every event: the SIEM gets the whole audit trail. */
  readonly filter = {};
  readonly failures: FailurePolicy;
  private readonly client: HecClient | null;
  private readonly format: SiemFormat;
  private readonly hostname = hostname();

  constructor(@Inject(KEYWARD_CONFIG) config: KeywardConfig) {
    const hec = config.siem.hec;
    this.client = hec ? new HecClient(hecEndpoint(hec.url), hec.token, HEC_TIMEOUT_MS) : null;
    this.format = hec?.format ?? 'record';
    this.failures = siemFailurePolicy(config.siem.retryMs);
  }

  isEnabled(): boolean {
    return this.client !== null;
  }

  react(event: RecordedEvent): Promise<void> {
    return this.reactToBatch([event]);
  }

  async reactToBatch(events: readonly RecordedEvent[]): Promise<void> {
    if (!this.client) return;
    await this.client.send(hecBody(events.map((event) => this.hecEventOf(event))));
  }

  private hecEventOf(event: RecordedEvent): string {
    const { record, json } = siemPayloadOf(event, this.format);
    return hecEventJson({ occurredAt: record.occurredAt, host: this.hostname, sourcetype: sourcetypeOf(this.format, json), json });
  }
}
