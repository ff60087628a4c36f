import { reportUrl } from './report-request';

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
