import { assertUnreachable, notFound } from '@keyward/shared/domain';
import type { AlertEvent, AlertFacts, AlertKind } from './alert.events';

export interface RaisedAlert {
  status: 'raised';
  alertId: string;
  tenantId: string;
  kind: AlertKind;
  count: number;
  lastSeenAt: string;
  isAcknowledged: boolean;
}
export type Alert = { status: 'none' } | RaisedAlert;

/** A detector found something: raise the alert, or, when it is raised already, bring its count up. */
export type RaiseAlert = { type: 'RaiseAlert'; data: AlertFacts };
/** The alert's key fired again; `count` is the total so far. */
export type RecordRepeat = { type: 'RecordRepeat'; data: { alertId: string; count: number; lastSeenAt: string } };
export type AcknowledgeAlert = { type: 'AcknowledgeAlert'; data: { acknowledgedBy: string; now: Date } };
export type AlertCommand = RaiseAlert | RecordRepeat | AcknowledgeAlert;

/**
 * One alert. Its id is derived from what raised it, so the detectors of two nodes, or a replay,
 * raise it once; counts are totals, so a repeat seen twice changes nothing the second time.
 * Acknowledging twice writes one event.
 */
export const alertDecider = {
  initialState: (): Alert => ({ status: 'none' }),

  decide(command: AlertCommand, state: Alert): AlertEvent[] {
    switch (command.type) {
      case 'RaiseAlert':
        if (state.status === 'none') return [{ type: 'AlertRaised', data: command.data }];
        return repeat(state, command.data.count, command.data.lastSeenAt);
      case 'RecordRepeat':
        // A repeat of an alert this store never raised (a store restored from an older backup): nothing to count it on.
        return state.status === 'none' ? [] : repeat(state, command.data.count, command.data.lastSeenAt);
      case 'AcknowledgeAlert':
        if (state.status === 'none') throw notFound('No such alert.');
        if (state.isAcknowledged) return [];
        return [{ type: 'AlertAcknowledged', data: { alertId: state.alertId, acknowledgedBy: command.data.acknowledgedBy, acknowledgedAt: command.data.now.toISOString() } }];
      default:
        return assertUnreachable(command);
    }
  },

  evolve(state: Alert, event: AlertEvent): Alert {
    switch (event.type) {
      case 'AlertRaised': {
        const { alertId, tenantId, kind, count, lastSeenAt } = event.data;
        return { status: 'raised', alertId, tenantId, kind, count, lastSeenAt, isAcknowledged: false };
      }
      case 'AlertRepeated':
        return state.status === 'none' ? state : { ...state, count: event.data.count, lastSeenAt: event.data.lastSeenAt };
      case 'AlertAcknowledged':
        return state.status === 'none' ? state : { ...state, isAcknowledged: true };
      default:
        return assertUnreachable(event);
    }
  },
};

function repeat(state: RaisedAlert, count: number, lastSeenAt: string): AlertEvent[] {
  if (count <= state.count) return [];
  const latest = lastSeenAt > state.lastSeenAt ? lastSeenAt : state.lastSeenAt;
  return [{ type: 'AlertRepeated', data: { alertId: state.alertId, count, lastSeenAt: latest } }];
}
