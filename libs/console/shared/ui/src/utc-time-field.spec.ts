import { instantOfUtcField, utcFieldOf } from './utc-time-field';

describe('a datetime-local field read as UTC', () => {
  it('reads minutes or seconds as that moment in UTC', () => {
    expect(instantOfUtcField('2026-11-01T10:00')).toBe('2026-11-01T10:00:00.000Z');
    expect(instantOfUtcField(' 2026-11-01T10:00:05 ')).toBe('2026-11-01T10:00:05.000Z');
  });

  it('tells a blank field from one that holds no time', () => {
    expect(instantOfUtcField('')).toBeNull();
    expect(instantOfUtcField('yesterday')).toBeUndefined();
    expect(instantOfUtcField('2026-13-01T10:00')).toBeUndefined();
  });

  it('shows an instant back to the second, and nothing for what is no instant', () => {
    expect(utcFieldOf('2026-11-01T10:00:05.000Z')).toBe('2026-11-01T10:00:05');
    expect(instantOfUtcField(utcFieldOf('2026-11-01T10:00:05.000Z'))).toBe('2026-11-01T10:00:05.000Z');
    expect(utcFieldOf('soon')).toBe('');
  });
});
