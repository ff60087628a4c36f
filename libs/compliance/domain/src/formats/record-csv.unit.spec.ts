import fc from 'fast-check';
import type { AuditRecord } from '../audit-record/audit-record';
import { RECORD_CSV_HEADER, recordCsvLine } from './record-csv';
import { RECORDS_OF_EVERY_TYPE, sampleRecord } from './testing/audit-records';

const COLUMN_COUNT = RECORD_CSV_HEADER.split(',').length;

describe('the CSV of audit records', () => {
  it('has a header row naming the columns, CRLF-terminated', () => {
    expect(RECORD_CSV_HEADER).toBe(
      'id,occurred_at,type,actor,stream_id,tenant_id,correlation_id,causation_id,user_id,user_principal_name,' +
        'app_password_id,case_id,protocol,source_ip,client,reason,incident_ref,data\r\n',
    );
  });

  it('writes a sign-in with its common fields in columns and all its data as canonical JSON', () => {
    // given
    const rejected = sampleRecord('AppPasswordRejected');
    // when
    const line = recordCsvLine(rejected);
    // then
    expect(line).toBe(
      [
        rejected.id, rejected.occurredAt, 'AppPasswordRejected', 'gateway:nginx', 'appPasswordUsage-k7m3p9x2qa',
        rejected.tenantId, rejected.correlationId, rejected.causationId, 'a11ce000-0000-5000-8000-000000000001', '',
        'k7m3p9x2qa', '', 'imap', '203.0.113.7', 'Thunderbird 128', 'WRONG_SECRET', '',
        '"{""appPasswordId"":""k7m3p9x2qa"",""client"":""Thunderbird 128"",""protocol"":""imap"",""reason"":""WRONG_SECRET"",' +
          '""sourceIp"":""203.0.113.7"",""userId"":""a11ce000-0000-5000-8000-000000000001""}"',
      ].join(',') + '\r\n',
    );
  });

  it('writes one row of every column for a record of every type, commitments instead of hashes', () => {
    // given
    const records = RECORDS_OF_EVERY_TYPE;
    // when
    const lines = records.map(recordCsvLine);
    // then
    for (const line of lines) {
      expect(line.endsWith('\r\n')).toBe(true);
      expect(line.slice(0, -2)).not.toMatch(/[\r\n]/);
      expect(cellsOf(line)).toHaveLength(COLUMN_COUNT);
      expect(line).not.toContain('$argon2');
    }
    expect(lines.join('')).toContain('secretHashSha256');
  });

  it('quotes a cell with a comma, a quote or a line break as RFC 4180 says', () => {
    // given
    const revoked = withData(sampleRecord('AppPasswordRevoked'), { caseId: 'a\nb', reason: 'Stolen, "really"', incidentRef: 'INC-7\r\nsee ticket' });
    // when
    const line = recordCsvLine(revoked);
    // then
    expect(line).toContain(',"a\nb",');
    expect(line).toContain(',"Stolen, ""really""","INC-7\r\nsee ticket",');
    expect(cellsOf(line).slice(15, 17)).toEqual(['Stolen, "really"', 'INC-7\r\nsee ticket']);
  });

  it('quotes a cell that a spreadsheet would run as a formula', () => {
    // given
    const failed = withData(sampleRecord('SignInFailed'), { userPrincipalName: '=HYPERLINK("http://evil.example")', reason: '@SUM(A1)', client: '-1+2' });
    // when
    const cells = cellsOf(recordCsvLine(failed));
    // then
    expect(cells[9]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(cells[14]).toBe(`'-1+2`);
    expect(cells[15]).toBe(`'@SUM(A1)`);
  });

  it('leaves a cell empty when the data has no such field or a field of another type', () => {
    // given
    const odd = withData(sampleRecord('AppPasswordUsed'), { appPasswordId: 42, protocol: ['imap'] });
    // when
    const cells = cellsOf(recordCsvLine(odd));
    // then
    expect(cells.slice(8, 17)).toEqual(['', '', '', '', '', '', '', '', '']);
    expect(cells[17]).toBe('{"appPasswordId":42,"protocol":["imap"]}');
  });

  it('writes the same bytes whatever order the data keys come in (the verifier parses them sorted)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (data) => {
        // given
        const record = withData(sampleRecord('AppPasswordUsed'), data);
        const reversed = withData(record, Object.fromEntries(Object.entries(data).reverse()));
        // when / then
        expect(recordCsvLine(reversed)).toBe(recordCsvLine(record));
      }),
    );
  });

  it('never starts a cell with a formula character, whatever the data', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (reason, client) => {
        // given
        const record = withData(sampleRecord('AppPasswordRejected'), { reason, client });
        // when
        const cells = cellsOf(recordCsvLine(record));
        // then
        expect(cells).toHaveLength(COLUMN_COUNT);
        for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r\0]/);
      }),
    );
  });
});

function withData(record: AuditRecord, data: unknown): AuditRecord {
  return { ...record, data };
}

/** The cells of one RFC 4180 row (a small reader for the tests: quoted cells may hold anything). */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  const pattern = /("((?:[^"]|"")*)"|[^,"\r\n]*)(,|\r\n$)/y;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(line)) !== null) {
    cells.push(match[2] !== undefined ? match[2].replace(/""/g, '"') : match[1]);
    if (match[3] === '\r\n') break;
  }
  if (pattern.lastIndex !== line.length) throw new Error(`Not one RFC 4180 row: ${JSON.stringify(line)}`);
  return cells;
}
