import { scheduleOf } from '@keyward/console/compliance/data-access/testing';
import { emptyScheduleDraft, paramsWords, recipientsOf, scheduledWords, scheduleInputOf } from './schedule-draft';

describe('a report’s schedule as typed', () => {
  it('reads recipients separated by commas or new lines, each once', () => {
    expect(recipientsOf(' audit@contoso.example,\nciso@contoso.example ;\n\nAudit@Contoso.example, ')).toEqual(['audit@contoso.example', 'ciso@contoso.example']);
    expect(recipientsOf('  ')).toEqual([]);
  });

  it('schedules the report as its inputs ask for it, weekly as PDF unless chosen otherwise', () => {
    const draft = { ...emptyScheduleDraft(), recipients: 'audit@contoso.example' };
    expect(scheduleInputOf({ name: 'dormant', days: 45 }, draft)).toEqual({
      input: { request: { name: 'dormant', days: 45 }, cadence: 'WEEKLY', format: 'PDF', recipients: ['audit@contoso.example'] },
      problem: null,
    });
    expect(scheduleInputOf({ name: 'policy-exceptions' }, { cadence: 'MONTHLY', format: 'CSV', recipients: 'a@contoso.example' }).input).toMatchObject({ cadence: 'MONTHLY', format: 'CSV' });
  });

  it('refuses no recipient, more than 20, and a report whose inputs are wrong; the domains are the server’s to check', () => {
    expect(scheduleInputOf({ name: 'dormant', days: 45 }, emptyScheduleDraft()).problem).toBe('Name at least one recipient: a mail address in your organisation’s domains.');
    const many = Array.from({ length: 21 }, (_, index) => `u${index}@contoso.example`).join('\n');
    expect(scheduleInputOf({ name: 'dormant', days: 45 }, { ...emptyScheduleDraft(), recipients: many }).problem).toBe('Name at most 20 recipients (21 given).');
    expect(scheduleInputOf(null, { ...emptyScheduleDraft(), recipients: 'a@contoso.example' }).problem).toMatch(/^Correct the report’s inputs above first/);
    expect(scheduleInputOf({ name: 'dormant', days: 45 }, { ...emptyScheduleDraft(), recipients: 'someone@fabrikam.example' }).input?.recipients).toEqual(['someone@fabrikam.example']);
  });
});

describe('a schedule in words', () => {
  it('confirms who gets what, how often, and when next', () => {
    expect(scheduledWords(scheduleOf())).toBe('Scheduled weekly as PDF to audit@contoso.example: the first is being mailed now. The next follows on 2026-12-08 10:00 UTC.');
  });

  it('says its parameters, a review by its name', () => {
    expect(paramsWords({ days: '45' })).toBe('unused for 45 days');
    expect(paramsWords({ from: '2026-07-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' })).toBe('from 2026-07-01 00:00 UTC, to 2026-10-01 00:00 UTC');
    expect(paramsWords({ id: 'rev-1' }, new Map([['rev-1', 'Q4']]))).toBe('review Q4');
    expect(paramsWords({})).toBe('');
    expect(paramsWords(null)).toBe('');
  });
});
