import { parseCsv } from './parse-csv';

describe('reading CSV as RFC 4180 writes it', () => {
  it('splits records on CRLF and fields on commas, with the header as the first record', () => {
    expect(parseCsv('app_password_id,user,label\r\nk1,alice@contoso.example,Thunderbird\r\nk2,bob@contoso.example,Phone\r\n')).toEqual([
      ['app_password_id', 'user', 'label'],
      ['k1', 'alice@contoso.example', 'Thunderbird'],
      ['k2', 'bob@contoso.example', 'Phone'],
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside a quoted field', () => {
    expect(parseCsv('label,reason\r\n"Mail, home","Left the company\r\nsee ""INC-7"""\r\n')).toEqual([
      ['label', 'reason'],
      ['Mail, home', 'Left the company\r\nsee "INC-7"'],
    ]);
  });

  it('keeps empty fields, at the start, in the middle and at the end', () => {
    expect(parseCsv(',a,,b,\r\n""," ",\r\n')).toEqual([
      ['', 'a', '', 'b', ''],
      ['', ' ', ''],
    ]);
  });

  it('reads a last record without a line break, and lone LF or CR line breaks', () => {
    expect(parseCsv('a,b\nc,d\re,f')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('reads no record from empty text, and one empty record from a blank line', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a\r\n\r\nb\r\n')).toEqual([['a'], [''], ['b']]);
  });

  it('keeps a quote inside an unquoted field as it is, and runs an unclosed quoted field to the end', () => {
    expect(parseCsv('5" screen,x\r\n"open,field\r\nstill')).toEqual([
      ['5" screen', 'x'],
      ['open,field\r\nstill'],
    ]);
  });

  it('keeps the apostrophe that makes a cell spreadsheet-safe', () => {
    expect(parseCsv("label\r\n'=HYPERLINK()\r\n")).toEqual([['label'], ["'=HYPERLINK()"]]);
  });
});
