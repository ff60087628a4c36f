import { ageInWords, progressInWords } from './review-words';

describe('a review in words', () => {
  const now = new Date('2026-12-02T12:00:00.000Z');

  it('says how old an app password is in whole days', () => {
    expect(ageInWords('2026-12-02T08:00:00.000Z', now)).toBe('today');
    expect(ageInWords('2026-12-01T08:00:00.000Z', now)).toBe('1 day');
    expect(ageInWords('2026-11-01T08:00:00.000Z', now)).toBe('31 days');
    expect(ageInWords('2026-12-03T08:00:00.000Z', now)).toBe('today');
  });

  it('counts what is decided, kept, revoked and left', () => {
    expect(progressInWords({ total: 5, kept: 1, revoked: 1, undecided: 3 })).toBe('2 of 5 decided: 1 kept, 1 revoked, 3 undecided.');
  });
});
