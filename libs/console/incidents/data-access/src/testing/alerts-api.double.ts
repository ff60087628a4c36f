import { ApiError, type ConnectionPage } from '@keyward/console/shared/data-access';
import type { AlertFilter, AlertRow } from '@keyward/console/incidents/util';

/** An alert with every field: a revoked app password of alice's presented from 203.0.113.7, unless given otherwise. */
export function alertOf(id: string, fields: Partial<AlertRow> = {}): AlertRow {
  return {
    id,
    kind: 'REVOKED_CREDENTIAL_USED',
    severity: 'HIGH',
    firstSeenAt: '2026-12-01T10:00:30.000Z',
    lastSeenAt: '2026-12-01T10:05:00.000Z',
    count: 2,
    appPassword: { id: 'k1', label: 'Thunderbird', status: 'REVOKED' },
    user: { id: 'u-alice', userPrincipalName: 'alice@contoso.example' },
    userPrincipalName: 'alice@contoso.example',
    sourceIp: '203.0.113.7',
    sourceNetwork: '203.0.113.0/24',
    accounts: null,
    credentialStatus: 'REVOKED',
    acknowledged: false,
    acknowledgedAt: null,
    acknowledgedBy: null,
    ...fields,
  };
}

/** A spray of ten accounts from 203.0.113.66. */
export const SPRAY = alertOf('spray-1', {
  kind: 'PASSWORD_SPRAY',
  count: 10,
  appPassword: null,
  user: null,
  userPrincipalName: null,
  sourceIp: '203.0.113.66',
  sourceNetwork: '203.0.113.66',
  accounts: 10,
  credentialStatus: null,
});

/**
 * A test double for the alerts API: no server runs in a component test. It filters `rows` by
 * kind, severity and acknowledgement, pages them with offsets as cursors, and records every
 * request; `listError` and `acknowledgeError` make those requests fail.
 */
export class AlertsApiDouble {
  rows: AlertRow[] = [alertOf('revoked-1'), SPRAY];
  listError: ApiError | null = null;
  acknowledgeError: ApiError | null = null;
  readonly listed: { filter: AlertFilter; first: number; after: string | null }[] = [];
  readonly acknowledged: string[] = [];

  async list(filter: AlertFilter, first: number, after: string | null): Promise<ConnectionPage<AlertRow>> {
    this.listed.push({ filter, first, after });
    if (this.listError) throw this.listError;
    const matching = this.rows.filter(
      (row) => (!filter.kind || row.kind === filter.kind) && (!filter.severity || row.severity === filter.severity) && (filter.acknowledged === undefined || row.acknowledged === filter.acknowledged),
    );
    const start = after ? Number(after) : 0;
    const page = matching.slice(start, start + first);
    return { totalCount: matching.length, pageInfo: { hasNextPage: start + first < matching.length, endCursor: String(start + page.length) }, edges: page.map((node) => ({ node })) };
  }

  async acknowledge(id: string): Promise<AlertRow> {
    this.acknowledged.push(id);
    if (this.acknowledgeError) throw this.acknowledgeError;
    const found = this.rows.find((row) => row.id === id);
    if (!found) throw new ApiError('NOT_FOUND', 'No such alert.');
    const acknowledged = found.acknowledged ? found : { ...found, acknowledged: true, acknowledgedAt: '2026-12-01T11:00:00.000Z', acknowledgedBy: 'user:rita' };
    this.rows = this.rows.map((row) => (row.id === id ? acknowledged : row));
    return acknowledged;
  }
}
