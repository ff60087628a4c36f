import { Injectable } from '@nestjs/common';
import { notFound, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { actorOf, authorize, authorizeFound, type Principal } from '@keyward/identity/domain';
import { alertDecider, alertStreamId, type Alert, type AlertCommand } from '@keyward/incidents/domain';

const NO_SUCH_ALERT = 'No such alert.';

/** What responders do with alerts. Another tenant's alert is NOT_FOUND, like one that does not exist. */
@Injectable()
export class Alerts {
  constructor(private readonly aggregates: Aggregates) {}

  /** Marks the alert as seen to by the principal; acknowledging it again changes nothing. */
  async acknowledge(principal: Principal, alertId: string, context: CommandContext): Promise<void> {
    authorize(principal, 'alerts.acknowledge');
    // Alert ids are UUIDs: anything else names no alert, and is not worth a read of the store.
    if (!/^[0-9a-f-]{36}$/i.test(alertId)) throw notFound(NO_SUCH_ALERT);
    const authorized = (state: Alert): AlertCommand => {
      authorizeFound(principal, 'alerts.acknowledge', state.status === 'none' ? null : { tenantId: state.tenantId }, NO_SUCH_ALERT);
      return { type: 'AcknowledgeAlert', data: { acknowledgedBy: actorOf(principal), now: context.now } };
    };
    await this.aggregates.handle(alertStreamId(alertId), alertDecider, authorized, context);
  }
}
