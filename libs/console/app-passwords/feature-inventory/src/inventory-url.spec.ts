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
});
