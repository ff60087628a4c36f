import { reportParams, reportUrl } from './report-request';

describe('the address of a report', () => {
  it('names the report and the format, with only the parameters given', () => {
    expect(reportUrl({ name: 'dormant', days: 0 }, 'csv')).toBe('/reports/dormant?format=csv&days=0');
    expect(reportUrl({ name: 'dormant', days: null }, 'pdf')).toBe('/reports/dormant?format=pdf');
    expect(reportUrl({ name: 'survived-reset' }, 'pdf')).toBe('/reports/survived-reset?format=pdf');
    expect(reportUrl({ name: 'credential-changes', from: '2026-07-01T00:00:00.000Z', to: null }, 'csv')).toBe('/reports/credential-changes?format=csv&from=2026-07-01T00%3A00%3A00.000Z');
  });

  it('encodes what it is given', () => {
    expect(reportUrl({ name: 'access-review', id: 'r 1&x' }, 'csv')).toBe('/reports/access-review?format=csv&id=r+1%26x');
    expect(reportUrl({ name: 'inventory', asOf: '2026-09-30T00:00:00.000Z' }, 'csv')).toBe('/reports/inventory?format=csv&asOf=2026-09-30T00%3A00%3A00.000Z');
  });
});

describe('the parameters of a scheduled report', () => {
  it('are the ones the address carries, by the same names, only those given', () => {
    expect(reportParams({ name: 'dormant', days: 45 })).toEqual({ days: 45 });
    expect(reportParams({ name: 'dormant', days: null })).toEqual({});
    expect(reportParams({ name: 'sign-ins-by-protocol', from: '2026-07-01T00:00:00.000Z', to: null })).toEqual({ from: '2026-07-01T00:00:00.000Z' });
    expect(reportParams({ name: 'access-review', id: 'rev-1' })).toEqual({ id: 'rev-1' });
    expect(reportParams({ name: 'policy-exceptions' })).toEqual({});
  });
});
