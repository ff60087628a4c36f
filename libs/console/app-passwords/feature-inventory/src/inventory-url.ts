import type { ParamMap, Params } from '@angular/router';
import type { AppPasswordFilter } from '@keyward/console/app-passwords/data-access';
import { APP_PASSWORD_STATUSES, SCOPES, SORT_FIELDS, type AppPasswordSort, type AppPasswordStatus } from '@keyward/console/app-passwords/util';
import { DEFAULT_SORT, PAGE_SIZES } from './inventory.store';

const TEXT_KEYS = ['search', 'userId', 'label', 'user', 'createdAfter', 'createdBefore', 'lastUsedAfter', 'lastUsedBefore'] as const;

export interface InventoryView {
  filter: AppPasswordFilter;
  sort: AppPasswordSort;
  pageSize: number;
  /** The moment the inventory is shown as it stood then (ISO 8601, UTC); absent: now. */
  asOf?: string;
}

/**
 * The view a URL names; anything it cannot read falls back to the default. With `asOf`, every
 * filter and sort holds as without it, applied to the inventory as it stood then.
 */
export function viewFromUrl(params: ParamMap): InventoryView {
  const filter: AppPasswordFilter = {};
  for (const key of TEXT_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  const status = params.get('status');
  if ((APP_PASSWORD_STATUSES as readonly string[]).includes(status ?? '')) filter.status = status as AppPasswordStatus;
  const protocol = params.get('protocol');
  if ((SCOPES as readonly string[]).includes(protocol ?? '')) filter.protocol = protocol as AppPasswordFilter['protocol'];
  const neverUsed = params.get('isNeverUsed');
  if (neverUsed === 'true' || neverUsed === 'false') filter.isNeverUsed = neverUsed === 'true';
  for (const key of ['expiresWithinDays', 'unusedForDays'] as const) {
    const value = Number(params.get(key));
    if (params.get(key) && Number.isInteger(value) && value >= 0) filter[key] = value;
  }
  const field = params.get('sort');
  const sort: AppPasswordSort = (SORT_FIELDS as readonly string[]).includes(field ?? '')
    ? { field: field as AppPasswordSort['field'], direction: params.get('direction') === 'ASC' ? 'ASC' : 'DESC' }
    : DEFAULT_SORT;
  const size = Number(params.get('pageSize'));
  const view: InventoryView = { filter, sort, pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : 50 };
  const asOf = asOfFrom(params.get('asOf'));
  return asOf ? { ...view, asOf } : view;
}

/** The query parameters that name a view (defaults left out, so links stay short). */
export function urlForView(view: InventoryView): Params {
  const { filter, sort, pageSize, asOf } = view;
  const params: Params = {};
  for (const [key, value] of Object.entries(filter)) if (value !== '' && value !== null && value !== undefined) params[key] = String(value);
  if (sort.field !== DEFAULT_SORT.field || sort.direction !== DEFAULT_SORT.direction) Object.assign(params, { sort: sort.field, direction: sort.direction });
  if (pageSize !== 50) params['pageSize'] = String(pageSize);
  if (asOf) params['asOf'] = asOf;
  return params;
}

/** An instant the URL gives, as ISO 8601 in UTC; null when there is none or it is not one. */
function asOfFrom(value: string | null): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
