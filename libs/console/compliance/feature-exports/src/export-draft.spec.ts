import { draftFor, requestOf } from './export-draft';

const draft = (fields = {}) => ({ ...draftFor(120), ...fields });

describe('the export form', () => {
  it('asks for the whole log up to the latest checkpoint by default, and for any range within it', () => {
    expect(requestOf(draftFor(120), 120)).toEqual({ request: { kind: 'audit-log', from: 0, to: 120, sinceSize: null }, problem: null });
    expect(requestOf(draft({ from: ' 10 ', to: '20', sinceSize: '5' }), 120).request).toEqual({ kind: 'audit-log', from: 10, to: 20, sinceSize: 5 });
  });

  it('leaves the end to the server when To is blank, and checks From against the latest size', () => {
    expect(requestOf(draftFor(null), null).request).toEqual({ kind: 'audit-log', from: 0, to: null, sinceSize: null });
    expect(requestOf(draft({ from: '121', to: '' }), 120).problem).toEqual({ field: 'from', message: 'From must not be after To: the bundle holds the records From to To − 1 (120 is the latest checkpoint’s size).' });
  });

  it.each([
    [{ from: '' }, 'from', 'From must be a whole number: 0 is the first record.'],
    [{ from: '-1' }, 'from', 'From must be a whole number: 0 is the first record.'],
    [{ to: '1.5' }, 'to', 'To must be a whole number, or blank for the latest checkpoint’s size.'],
    [{ from: '6', to: '5' }, 'to', 'From must not be after To: the bundle holds the records From to To − 1 (5 is To).'],
    [{ to: '121' }, 'to', 'The latest checkpoint holds 120 records: To can be at most 120.'],
    [{ sinceSize: '0' }, 'sinceSize', 'The size of a checkpoint you hold is a whole number, 1 or more (the second line of its checkpoint.txt).'],
    [{ kind: 'usage', user: 'alice' }, 'user', 'Type the user’s principal name, such as alice@contoso.example.'],
    [{ kind: 'usage', user: 'alice@contoso.example', since: 'yesterday' }, 'since', 'Since must be a date and time.'],
    [{ kind: 'usage', user: 'alice@contoso.example', since: '2026-12-01T00:00', until: '2026-11-01T00:00' }, 'until', 'Until must be after Since.'],
  ])('refuses %j in the field it is wrong in', (fields, field, message) => {
    expect(requestOf(draft(fields), 120)).toEqual({ request: null, problem: { field, message } });
  });

  it('takes an empty range: a bundle of proofs only, that the log extends a checkpoint held', () => {
    expect(requestOf(draft({ from: '120', to: '120', sinceSize: '100' }), 120).request).toEqual({ kind: 'audit-log', from: 120, to: 120, sinceSize: 100 });
  });

  it('reads the usage span as UTC, to the minute or the second', () => {
    expect(requestOf(draft({ kind: 'usage', user: 'alice@contoso.example', since: '2026-11-01T08:30', until: '2026-11-02T08:30:15' }), 120).request).toEqual({
      kind: 'usage',
      user: 'alice@contoso.example',
      since: '2026-11-01T08:30:00.000Z',
      until: '2026-11-02T08:30:15.000Z',
      sinceSize: null,
    });
  });

  it('asks for the inventory whatever the range says', () => {
    expect(requestOf(draft({ kind: 'inventory', from: 'x' }), 120).request).toEqual({ kind: 'inventory', sinceSize: null });
  });
});
