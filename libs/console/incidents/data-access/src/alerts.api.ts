import { inject, Injectable } from '@angular/core';
import { GraphQLClient, type ConnectionPage } from '@keyward/console/shared/data-access';
import type { AlertFilter, AlertRow } from '@keyward/console/incidents/util';
import { ACKNOWLEDGE_ALERT, ALERTS } from './alerts.operations';

/** The filter as the API takes it: the day becomes its first instant (UTC), empty values are left out. */
export function alertFilterVariables({ kind, severity, acknowledged, sourceIp, since }: AlertFilter): Record<string, unknown> {
  const variables: Record<string, unknown> = { kind, severity, acknowledged, sourceIp: sourceIp?.trim() || undefined };
  if (since && !Number.isNaN(Date.parse(`${since}T00:00:00.000Z`))) variables['since'] = `${since}T00:00:00.000Z`;
  return Object.fromEntries(Object.entries(variables).filter(([, value]) => value !== undefined));
}

/** The alert operations of the API, typed: the one place the console's alert GraphQL is sent from. */
@Injectable({ providedIn: 'root' })
export class AlertsApi {
  private readonly graphql = inject(GraphQLClient);

  /** The tenant's alerts that match, the most recently seen first. */
  async list(filter: AlertFilter, first: number, after: string | null): Promise<ConnectionPage<AlertRow>> {
    return (await this.graphql.request(ALERTS, { filter: alertFilterVariables(filter), first, after })).alerts;
  }

  /** Marks the alert as seen to, once: acknowledging it again changes nothing. The alert as it is now. */
  async acknowledge(id: string): Promise<AlertRow> {
    return (await this.graphql.request(ACKNOWLEDGE_ALERT, { id })).acknowledgeAlert;
  }
}
