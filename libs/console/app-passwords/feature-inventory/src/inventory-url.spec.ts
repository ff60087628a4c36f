import { convertToParamMap } from '@angular/router';
import { urlForView, viewFromUrl } from './inventory-url';
import { toApiFilter } from '@keyward/console/app-passwords/data-access';

describe('the inventory view in the URL', () => {
  it('round-trips every filter, the sort and the page size', () => {
    const view = {
      filter: { search: 'thunder', status: 'ACTIVE' as const, protocol: 'imap' as const, isNeverUsed: false, expiresWithinDays: 14, unusedForDays: 30, createdAfter: '2026-11-01' },
      sort: { field: 'LABEL' as const, direction: 'ASC' as const },
      pageSize: 100,
    };
    expect(viewFromUrl(convertToParamMap(urlForView(view)))).toEqual(view);
  });

  it('reads a suspended status, which incident cases leave behind', () => {
    expect(viewFromUrl(convertToParamMap({ status: 'SUSPENDED' })).filter).toEqual({ status: 'SUSPENDED' });
  });

  it('falls back to the defaults for what it cannot read', () => {
    const view = viewFromUrl(convertToParamMap({ status: 'SOMETIMES', sort: 'PASSWORD', pageSize: '7', expiresWithinDays: '-3' }));
    expect(view).toEqual({ filter: {}, sort: { field: 'CREATED_AT', direction: 'DESC' }, pageSize: 50 });
  });

  it('sends whole UTC days to the API, "until" including the day itself', () => {
    expect(toApiFilter({ createdAfter: '2026-11-01', createdBefore: '2026-11-03', status: '' })).toEqual({
      createdAfter: '2026-11-01T00:00:00.000Z',
      createdBefore: '2026-11-04T00:00:00.000Z',
    });
  });

  describe('as of a moment', () => {
    it('round-trips the moment with the filters on what the app passwords were', () => {
      const view = {
        filter: { user: 'alice', status: 'REVOKED' as const, createdAfter: '2026-09-01', expiresWithinDays: 14 },
        sort: { field: 'USER' as const, direction: 'ASC' as const },
        pageSize: 25,
        asOf: '2026-09-30T23:59:59.000Z',
      };
      const params = urlForView(view);
      expect(params['asOf']).toBe('2026-09-30T23:59:59.000Z');
      expect(viewFromUrl(convertToParamMap(params))).toEqual(view);
    });

    it('leaves the moment out of the URL when the view is of now', () => {
      expect(urlForView({ filter: {}, sort: { field: 'CREATED_AT', direction: 'DESC' }, pageSize: 50 })).toEqual({});
      expect(viewFromUrl(convertToParamMap({})).asOf).toBeUndefined();
    });

    it('reads the moment in UTC, whatever way it was written', () => {
      expect(viewFromUrl(convertToParamMap({ asOf: '2026-09-30T23:59:59Z' })).asOf).toBe('2026-09-30T23:59:59.000Z');
      expect(viewFromUrl(convertToParamMap({ asOf: '2026-10-01T01:59:59+02:00' })).asOf).toBe('2026-09-30T23:59:59.000Z');
    });

    it('ignores a moment it cannot read', () => {
      expect(viewFromUrl(convertToParamMap({ asOf: 'last tuesday' })).asOf).toBeUndefined();
      expect(viewFromUrl(convertToParamMap({ asOf: '2026-13-45T99:00:00Z' })).asOf).toBeUndefined();
    });

    it('keeps the sign-in filters and the sorts by use, which apply to the sign-ins as they stood', () => {
      const params = { asOf: '2026-09-30T00:00:00.000Z', protocol: 'imap', isNeverUsed: 'true', unusedForDays: '30', lastUsedAfter: '2026-09-01', lastUsedBefore: '2026-09-20', label: 'Mail', sort: 'LAST_USED_AT', direction: 'ASC' };
      const view = {
        filter: { protocol: 'imap' as const, isNeverUsed: true, unusedForDays: 30, lastUsedAfter: '2026-09-01', lastUsedBefore: '2026-09-20', label: 'Mail' },
        sort: { field: 'LAST_USED_AT' as const, direction: 'ASC' as const },
        pageSize: 50,
        asOf: '2026-09-30T00:00:00.000Z',
      };
      expect(viewFromUrl(convertToParamMap(params))).toEqual(view);
      expect(urlForView(view)).toEqual(params);
      const byUses = { filter: { protocol: 'smtp' as const, label: 'Mail' }, sort: { field: 'USE_COUNT' as const, direction: 'DESC' as const }, pageSize: 50, asOf: '2026-09-30T00:00:00.000Z' };
      expect(urlForView(byUses)).toEqual({ protocol: 'smtp', label: 'Mail', sort: 'USE_COUNT', direction: 'DESC', asOf: '2026-09-30T00:00:00.000Z' });
    });
  });
});
