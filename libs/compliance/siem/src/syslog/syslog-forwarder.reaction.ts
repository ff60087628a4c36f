import { hostname } from 'node:os';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { RecordedEvent } from '@keyward/shared/event-store';
import type { FailurePolicy, Reaction } from '@keyward/shared/event-sourcing';
import { KEYWARD_CONFIG, Reactor, type KeywardConfig } from '@keyward/shared/server';
import { siemFailurePolicy } from '../siem-failures';
import { siemPayloadOf, type SiemFormat } from '../siem-payload';
import { SyslogClient } from './syslog-client';
import { octetCountedFrame, syslogMessage } from './syslog-message';

/** How long connecting, or flushing one batch, may take before the attempt counts as failed. */
export const SYSLOG_TIMEOUT_MS = 30_000;

/**
 * Streams every event's audit record to KEYWARD_SYSLOG_URL as RFC 5424 messages framed by octet
 * counting (RFC 6587), one event a message, a batch in one TCP write. The checkpoint moves only
 * after the write is flushed; a failed batch is sent again (at least once), then event by event,
 * retried for ever (siemFailurePolicy). Runs only when the URL is set.
 */
@Injectable()
@Reactor()
export class SyslogForwarder implements Reaction, OnApplicationShutdown {
  readonly name = 'siem-syslog';
  /** Every event: the SIEM gets the whole audit trail. */
  readonly filter = {};
  readonly failures: FailurePolicy;
  private readonly client: SyslogClient | null;
  private readonly format: SiemFormat;
  private readonly hostname = hostname();

  constructor(@Inject(KEYWARD_CONFIG) config: KeywardConfig) {
    const syslog = config.siem.syslog;
    this.client = syslog ? SyslogClient.fromUrl(syslog.url, SYSLOG_TIMEOUT_MS) : null;
    this.format = syslog?.format ?? 'record';
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
    await this.client.send(Buffer.concat(events.map((event) => octetCountedFrame(this.messageOf(event)))));
  }

  onApplicationShutdown(): void {
    this.client?.close();
  }

  private messageOf(event: RecordedEvent): string {
    const { record, json } = siemPayloadOf(event, this.format);
    return syslogMessage({ timestamp: record.occurredAt, hostname: this.hostname, type: record.type, tenantId: record.tenantId, streamId: record.streamId, actor: record.actor, msg: json });
  }
}
