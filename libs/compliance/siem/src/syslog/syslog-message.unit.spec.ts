import { octetCountedFrame, sdParamValue, severityOf, Severity, syslogMessage, type SyslogFields } from './syslog-message';

const fields: SyslogFields = {
  timestamp: '2026-12-01T09:00:01.250Z',
  hostname: 'keyward-1.example.net',
  type: 'AppPasswordRevoked',
  tenantId: 't-1',
  streamId: 'appPassword-k1',
  actor: 'user:u-1',
  msg: '{"id":"e-1","type":"AppPasswordRevoked"}',
};

describe('an RFC 5424 message of an audit record', () => {
  it('given a revocation, when it is formatted, then it is facility 13 (log audit) at informational, with the record as MSG', () => {
    expect(syslogMessage(fields)).toBe(
      '<110>1 2026-12-01T09:00:01.250Z keyward-1.example.net keyward - AppPasswordRevoked ' +
        '[keyward@32473 tenant="t-1" stream="appPassword-k1" actor="user:u-1"] {"id":"e-1","type":"AppPasswordRevoked"}',
    );
  });

  it('given sign-ins turned away and alerts, when their severity is chosen, then rejections and failures are notices and alerts warnings', () => {
    expect(severityOf('AppPasswordRejected')).toBe(Severity.notice);
    expect(severityOf('SignInFailed')).toBe(Severity.notice);
    expect(severityOf('SignInFailuresSummarized')).toBe(Severity.notice);
    expect(severityOf('AlertRaised')).toBe(Severity.warning);
    expect(severityOf('AlertRepeated')).toBe(Severity.warning);
    expect(severityOf('AlertAcknowledged')).toBe(Severity.informational);
    expect(severityOf('AppPasswordUsed')).toBe(Severity.informational);
    expect(syslogMessage({ ...fields, type: 'AppPasswordRejected' })).toMatch(/^<109>1 /);
    expect(syslogMessage({ ...fields, type: 'AlertRaised' })).toMatch(/^<108>1 /);
  });

  it('given values with a quote, a backslash and a closing bracket, when they are SD-PARAM values, then each is escaped with a backslash (RFC 5424 §6.3.3)', () => {
    expect(sdParamValue('a"b\\c]d')).toBe('a\\"b\\\\c\\]d');
    expect(sdParamValue('[ok=yes]')).toBe('[ok=yes\\]');
    const message = syslogMessage({ ...fields, tenantId: 'evil"] [x', actor: 'system:a\\b' });
    expect(message).toContain('[keyward@32473 tenant="evil\\"\\] [x" stream="appPassword-k1" actor="system:a\\\\b"]');
  });

  it('given a header value with spaces, non-ASCII or too many characters, when it is formatted, then the header stays one field of printable US-ASCII', () => {
    const message = syslogMessage({ ...fields, hostname: 'host with spaces', type: 'AVeryLongEventTypeNameThatGoesOnAndOn' });
    expect(message.split(' ').slice(0, 6)).toEqual(['<110>1', fields.timestamp, 'host_with_spaces', 'keyward', '-', 'AVeryLongEventTypeNameThatGoesOn']);
    expect(syslogMessage({ ...fields, hostname: '' }).split(' ')[2]).toBe('-');
  });

  it('given a message with multi-byte characters, when it is framed, then the count is of bytes, not characters (RFC 6587 octet counting)', () => {
    const message = syslogMessage({ ...fields, msg: '{"displayName":"Zoë Ångström 👩‍💻"}' });
    const frame = octetCountedFrame(message);
    const space = frame.indexOf(0x20);
    const length = Number(frame.subarray(0, space).toString('ascii'));
    expect(length).toBe(Buffer.byteLength(message, 'utf8'));
    expect(length).toBeGreaterThan(message.length);
    expect(frame.subarray(space + 1).toString('utf8')).toBe(message);
    expect(frame.length).toBe(space + 1 + length);
  });

  it('given several frames written back to back, when a receiver reads them by their counts, then it gets each message whole, in order', () => {
    const messages = ['first', 'second with "json" ]', '{"n":3}'].map((msg) => syslogMessage({ ...fields, msg }));
    let stream = Buffer.concat(messages.map(octetCountedFrame));
    const read: string[] = [];
    while (stream.length > 0) {
      const space = stream.indexOf(0x20);
      const length = Number(stream.subarray(0, space).toString('ascii'));
      read.push(stream.subarray(space + 1, space + 1 + length).toString('utf8'));
      stream = stream.subarray(space + 1 + length);
    }
    expect(read).toEqual(messages);
  });
});
