/**
 * Reads CSV as RFC 4180 writes it: fields separated by commas, records by CRLF (a lone LF or CR
 * too), a field in double quotes may hold commas, line breaks and doubled quotes (`""` is one).
 * One trailing line break ends the last record rather than starting an empty one. A quote inside
 * an unquoted field is kept as it is; a quoted field left open runs to the end of the text.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let isQuoted = false;
  // Whether anything (a character, a separator, a quote) was read since the last record ended.
  let hasRecord = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (isQuoted) {
      if (char !== '"') field += char;
      else if (text[at + 1] === '"') field += text[++at];
      else isQuoted = false;
      continue;
    }
    if (char === '"' && field === '') {
      isQuoted = true;
      hasRecord = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
      hasRecord = true;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[at + 1] === '\n') at++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      hasRecord = false;
    } else {
      field += char;
      hasRecord = true;
    }
  }
  if (hasRecord) {
    record.push(field);
    records.push(record);
  }
  return records;
}
