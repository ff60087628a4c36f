import { alertFilterVariables } from './alerts.api';

describe('the alert filter as the API takes it', () => {
  it('sends a day as its first instant in UTC and leaves out what is not set', () => {
    expect(alertFilterVariables({})).toEqual({});
    expect(alertFilterVariables({ kind: 'FAILURE_BURST', severity: 'MEDIUM', acknowledged: false, sourceIp: ' 192.0.2.0/24 ', since: '2026-12-01' })).toEqual({
      kind: 'FAILURE_BURST',
      severity: 'MEDIUM',
      acknowledged: false,
      sourceIp: '192.0.2.0/24',
      since: '2026-12-01T00:00:00.000Z',
    });
    expect(alertFilterVariables({ sourceIp: '  ', since: 'yesterday' })).toEqual({});
  });
});
