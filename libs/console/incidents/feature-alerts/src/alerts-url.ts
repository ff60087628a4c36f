import type { Params } from '@angular/router';
import { ALERT_KINDS, ALERT_SEVERITIES, type AlertFilter, type AlertKind, type AlertSeverity } from '@keyward/console/incidents/util';

/** The filter a URL names (`?kind=&severity=&acknowledged=&sourceIp=&since=`); what it cannot read is left out. */
export function alertFilterFromUrl(params: { get(name: string): string | null }): AlertFilter {
  const filter: AlertFilter = {};
  const kind = params.get('kind') ?? '';
  if ((ALERT_KINDS as readonly string[]).includes(kind)) filter.kind = kind as AlertKind;
  const severity = params.get('severity') ?? '';
  if ((ALERT_SEVERITIES as readonly string[]).includes(severity)) filter.severity = severity as AlertSeverity;
  const acknowledged = params.get('acknowledged');
  if (acknowledged === 'true' || acknowledged === 'false') filter.acknowledged = acknowledged === 'true';
  const sourceIp = params.get('sourceIp')?.trim();
  if (sourceIp) filter.sourceIp = sourceIp;
  const since = params.get('since') ?? '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(since)) filter.since = since;
  return filter;
}

/** The query parameters that name the filter (nothing for "any"), so a reload or a shared link shows the same alerts. */
export function alertFilterParams(filter: AlertFilter): Params {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== '').map(([key, value]) => [key, String(value)]));
}
