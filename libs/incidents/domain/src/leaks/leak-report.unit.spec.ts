import { DomainError } from '@keyward/shared/domain';
import { MAX_REPORTED, parseLeakReport } from './leak-report';

const refusal = (body: unknown) => {
  try {
    parseLeakReport(body);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    return (error as DomainError).message;
  }
  throw new Error('accepted');
};

describe('a leak report (POST /leaks)', () => {
  it('given an array of strings, when parsed, then every entry is taken as it is, valid or not', () => {
    expect(parseLeakReport({ appPasswords: ['kwab cdef', 'garbage', ''] })).toEqual(['kwab cdef', 'garbage', '']);
    expect(parseLeakReport({ appPasswords: Array.from({ length: MAX_REPORTED }, () => 'x') })).toHaveLength(MAX_REPORTED);
  });

  it.each([
    ['an array', ['kw'], /not a JSON object/],
    ['null', null, /not a JSON object/],
    ['a string', 'kwab', /not a JSON object/],
    ['no appPasswords', { passwords: [] }, /has no "appPasswords"/],
    ['appPasswords a string', { appPasswords: 'kwab' }, /"appPasswords" is a string, not an array/],
    ['appPasswords an object', { appPasswords: { a: 'kwab' } }, /"appPasswords" is an object, not an array/],
    ['an empty list', { appPasswords: [] }, /is empty/],
    ['1,001 entries', { appPasswords: Array.from({ length: 1001 }, () => 'x') }, /has 1,001 entries; a report takes at most 1,000/],
    ['a nested array', { appPasswords: ['ok', ['kwab']] }, /"appPasswords\[1\]" is an array, not a string/],
    ['a nested object', { appPasswords: [{ password: 'kwab' }] }, /"appPasswords\[0\]" is an object, not a string/],
    ['a number', { appPasswords: ['ok', 'ok', 42] }, /"appPasswords\[2\]" is a number/],
    ['null inside', { appPasswords: [null] }, /"appPasswords\[0\]" is null/],
    ['an entry of 257 characters', { appPasswords: ['k'.repeat(257)] }, /257 characters long; an entry has at most 256/],
  ])('given %s, when parsed, then it is BAD_USER_INPUT saying what is wrong', (_what, body, message) => {
    expect(refusal(body)).toMatch(message);
  });
});
