import { byUrgency, leakReasonOf, MAX_UPLOAD_BYTES, sizeInWords, uploadProblem, type LeakMatch } from './leak-scan';

const match = (id: string, proven: boolean, status: LeakMatch['appPassword']['status'], owner = 'alice@contoso.example'): LeakMatch => ({
  proven,
  appPassword: { id, label: id, status, lastUsedAt: null, user: { id: `u-${owner}`, userPrincipalName: owner } },
});

describe('a leak scan in the console', () => {
  it('takes a file of 1 byte to 20 MB, and says why not otherwise before sending it', () => {
    expect(uploadProblem(1)).toBe('');
    expect(uploadProblem(MAX_UPLOAD_BYTES)).toBe('');
    expect(uploadProblem(0)).toBe('The file is empty: there is nothing to scan.');
    expect(uploadProblem(50 * 2 ** 20)).toBe('The file is 50.0 MB; at most 20 MB is scanned at once. Split it and upload the parts one by one.');
  });

  it('says a file’s size in bytes, KB or MB', () => {
    expect([512, 12_300, 3.2 * 2 ** 20].map(sizeInWords)).toEqual(['512 bytes', '12 KB', '3.2 MB']);
  });

  it('names the scan in the reason of the case that revokes its leaks', () => {
    expect(leakReasonOf('scan-1')).toBe('Leaked: found by scan scan-1');
  });

  it('lists proven active matches first, then proven ones no longer active, then the unproven; by owner and label within each', () => {
    const sorted = byUrgency([
      match('a', false, 'ACTIVE'),
      match('b', true, 'REVOKED'),
      match('c', true, 'ACTIVE', 'zoe@contoso.example'),
      match('e', true, 'ACTIVE', 'bob@contoso.example'),
      match('d', true, 'ACTIVE', 'bob@contoso.example'),
    ]);
    expect(sorted.map((found) => found.appPassword.id)).toEqual(['d', 'e', 'c', 'b', 'a']);
  });
});
