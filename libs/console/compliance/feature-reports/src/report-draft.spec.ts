import { emptyDraft, requestOf } from './report-draft';

describe('a report’s inputs as a request', () => {
  it('leaves blank moments and periods to the server’s defaults, and asks for dormancy of 45 days', () => {
    expect(requestOf('inventory', emptyDraft())).toEqual({ request: { name: 'inventory', asOf: null }, problem: null });
    expect(requestOf('dormant', emptyDraft())).toEqual({ request: { name: 'dormant', days: 45 }, problem: null });
    expect(requestOf('credential-changes', emptyDraft())).toEqual({ request: { name: 'credential-changes', from: null, to: null }, problem: null });
    expect(requestOf('policy-exceptions', emptyDraft())).toEqual({ request: { name: 'policy-exceptions' }, problem: null });
  });

  it('reads the times typed as UTC', () => {
    const draft = { ...emptyDraft(), asOf: '2026-09-30T23:59', from: '2026-07-01T00:00', to: '2026-10-01T00:00:00' };
    expect(requestOf('inventory', draft).request).toEqual({ name: 'inventory', asOf: '2026-09-30T23:59:00.000Z' });
    expect(requestOf('sign-ins-by-protocol', draft).request).toEqual({ name: 'sign-ins-by-protocol', from: '2026-07-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' });
  });

  it('takes 0 days, which lists every active app password', () => {
    expect(requestOf('dormant', { ...emptyDraft(), days: ' 0 ' }).request).toEqual({ name: 'dormant', days: 0 });
  });

  it.each([
    ['dormant', { days: '-1' }, 'days', 'Days must be a whole number from 0 to 3650.'],
    ['dormant', { days: '3651' }, 'days', 'Days must be a whole number from 0 to 3650.'],
    ['dormant', { days: '4.5' }, 'days', 'Days must be a whole number from 0 to 3650.'],
    ['inventory', { asOf: 'yesterday' }, 'asOf', 'As of must be a date and time (UTC), or blank for now.'],
    ['credential-changes', { from: '2026-10-01T00:00', to: '2026-07-01T00:00' }, 'to', 'To must be after From.'],
    ['access-review', {}, 'reviewId', 'Choose a review.'],
  ] as const)('refuses %s with %j before asking the server', (name, fields, field, message) => {
    expect(requestOf(name, { ...emptyDraft(), ...fields })).toEqual({ request: null, problem: { field, message } });
  });

  it('names the review chosen', () => {
    expect(requestOf('access-review', { ...emptyDraft(), reviewId: 'rev-1' }).request).toEqual({ name: 'access-review', id: 'rev-1' });
  });
});
