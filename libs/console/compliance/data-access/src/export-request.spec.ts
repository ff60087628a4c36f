import { bundleUrl, fallbackFileName, fileNameOf } from './export-request';

describe('asking for an export bundle', () => {
  it('asks for a range of the audit log, with a consistency proof when a checkpoint size is given', () => {
    expect(bundleUrl({ kind: 'audit-log', from: 0, to: 120, sinceSize: null })).toBe('/exports/bundle?kind=audit-log&from=0&to=120');
    expect(bundleUrl({ kind: 'audit-log', from: 10, to: null, sinceSize: 100 })).toBe('/exports/bundle?kind=audit-log&from=10&sinceSize=100');
  });

  it('asks for one user’s usage history, its time span only as far as given', () => {
    expect(bundleUrl({ kind: 'usage', user: 'alice@contoso.example', since: '2026-11-01T00:00:00.000Z', until: '2026-12-01T00:00:00.000Z', sinceSize: null })).toBe(
      '/exports/bundle?kind=usage&user=alice%40contoso.example&since=2026-11-01T00%3A00%3A00.000Z&until=2026-12-01T00%3A00%3A00.000Z',
    );
    expect(bundleUrl({ kind: 'usage', user: 'alice@contoso.example', since: null, until: null, sinceSize: 5 })).toBe('/exports/bundle?kind=usage&user=alice%40contoso.example&sinceSize=5');
  });

  it('asks for the inventory', () => {
    expect(bundleUrl({ kind: 'inventory', sinceSize: null })).toBe('/exports/bundle?kind=inventory');
  });

  it('takes the file name from Content-Disposition, the UTF-8 one first, never a folder', () => {
    expect(fileNameOf('attachment; filename="keyward-audit-log-0-120.zip"')).toBe('keyward-audit-log-0-120.zip');
    expect(fileNameOf('attachment; filename=plain.zip')).toBe('plain.zip');
    expect(fileNameOf(`attachment; filename="fallback.zip"; filename*=UTF-8''usage-%C3%A5sa.zip`)).toBe('usage-åsa.zip');
    expect(fileNameOf('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(fileNameOf('attachment')).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });

  it('names the file itself when the server does not', () => {
    expect(fallbackFileName({ kind: 'audit-log', from: 0, to: 120, sinceSize: null })).toBe('keyward-audit-log-0-120.zip');
    expect(fallbackFileName({ kind: 'usage', user: 'alice@contoso.example', since: null, until: null, sinceSize: null })).toBe('keyward-usage-alice@contoso.example.zip');
    expect(fallbackFileName({ kind: 'inventory', sinceSize: null })).toBe('keyward-inventory.zip');
  });
});
