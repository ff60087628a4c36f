import { spreadsheetSafe } from './spreadsheet-safe';

describe('CSV cells a spreadsheet opens', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+1', `'+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['\0=1+1', `'\0=1+1`],
    ['  =1+1', `'  =1+1`],
    ['\n\n@SUM(A1)', `'\n\n@SUM(A1)`],
    ['\u00a0-2+3', `'\u00a0-2+3`],
    ['\u0085=1+1', `'\u0085=1+1`],
    ['\u200b=1+1', `'\u200b=1+1`],
    ['\u0001@SUM(A1)', `'\u0001@SUM(A1)`],
    ['Re: -5 % off', 'Re: -5 % off'],
    ['Thunderbird on laptop', 'Thunderbird on laptop'],
  ])('quotes %j so it is shown, never run', (label, cell) => {
    expect(spreadsheetSafe(label)).toBe(cell);
  });

  it('writes lists with spaces and nothing for null', () => {
    expect(spreadsheetSafe(['imap', 'smtp'])).toBe('imap smtp');
    expect(spreadsheetSafe(null)).toBe('');
    expect(spreadsheetSafe(3)).toBe('3');
  });
});
