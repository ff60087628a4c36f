import { startDraftFor, startInputOf } from './start-review-draft';

describe('the "Start a review" form', () => {
  const now = new Date('2026-12-02T12:00:00.000Z');

  it('starts due in two weeks, keeping what is left undecided, over every owner', () => {
    expect(startDraftFor(now)).toEqual({ name: '', dueDay: '2026-12-16', revokeUndecided: false, user: '', repeatDays: '' });
  });

  it('is due at the end of the day chosen, UTC, and filters owners by part of their name', () => {
    expect(startInputOf({ name: ' Q4 review ', dueDay: '2026-12-16', revokeUndecided: true, user: ' alice ', repeatDays: '' }, now)).toEqual({
      input: { name: 'Q4 review', dueAt: '2026-12-17T00:00:00.000Z', revokeUndecided: true, user: 'alice', recurEveryDays: null },
      problem: null,
    });
    expect(startInputOf({ name: 'Q4', dueDay: '2026-12-02', revokeUndecided: false, user: '', repeatDays: '' }, now).input).toEqual({
      name: 'Q4',
      dueAt: '2026-12-03T00:00:00.000Z',
      revokeUndecided: false,
      user: null,
      recurEveryDays: null,
    });
  });

  it('needs a name and a day that is not over', () => {
    expect(startInputOf({ name: ' ', dueDay: '2026-12-16', revokeUndecided: false, user: '', repeatDays: '' }, now).problem?.field).toBe('name');
    expect(startInputOf({ name: 'Q4', dueDay: '', revokeUndecided: false, user: '', repeatDays: '' }, now).problem).toEqual({ field: 'dueDay', message: 'Choose the day the review is due.' });
    expect(startInputOf({ name: 'Q4', dueDay: '2026-12-01', revokeUndecided: false, user: '', repeatDays: '' }, now).problem).toEqual({ field: 'dueDay', message: 'The due day must be today or later.' });
  });

  it('repeats every so many whole days from 7 to 366, or runs once when blank', () => {
    const draft = { name: 'Q4', dueDay: '2026-12-16', revokeUndecided: false, user: '', repeatDays: ' 90 ' };
    expect(startInputOf(draft, now).input?.recurEveryDays).toBe(90);
    for (const repeatDays of ['6', '367', '7.5', 'monthly']) {
      expect(startInputOf({ ...draft, repeatDays }, now).problem).toEqual({ field: 'repeatDays', message: 'Repeat every 7 to 366 days (whole days), or leave it blank for a review that runs once.' });
    }
  });
});
