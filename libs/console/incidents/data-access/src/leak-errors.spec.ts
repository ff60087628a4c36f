import { ApiError } from '@keyward/console/shared/data-access';
import { leakScanErrorMessage } from './leak-errors';

describe('a failed leak scan in sentences', () => {
  it('says a file over 20 MB must be split', () => {
    expect(leakScanErrorMessage(new ApiError('PAYLOAD_TOO_LARGE', 'The upload is 50.0 MB; at most 20 MB is scanned at once: split the file.', { status: 413 }))).toBe(
      'The file is too large: at most 20 MB is scanned at once. Split it and upload the parts one by one.',
    );
  });

  it('says a file that is not UTF-8 text was not scanned, and where, without the server’s curl hint', () => {
    const binary = new ApiError('UNSUPPORTED_MEDIA_TYPE', "The upload is binary, not text: byte 11 is NUL. Upload the file as UTF-8 text: curl -H 'Content-Type: text/plain' --data-binary @file.");
    expect(leakScanErrorMessage(binary)).toBe(
      'The file is not UTF-8 text, so it was not scanned (byte 11 is NUL). Keyward scans text such as logs, pastes and configuration files: save it as UTF-8 text, or paste the part that matters.',
    );
    expect(leakScanErrorMessage(new ApiError('UNSUPPORTED_MEDIA_TYPE', 'The upload is not UTF-8 text: bytes 0 to 2 hold a sequence that is not UTF-8.'))).toMatch(/not scanned \(bytes 0 to 2\)\./);
    expect(leakScanErrorMessage(new ApiError('UNSUPPORTED_MEDIA_TYPE', ''))).toMatch(/^The file is not UTF-8 text, so it was not scanned\. /);
  });

  it('keeps the server’s words for too many app passwords, which name the limit', () => {
    const tooMany = 'The text holds more than 1,000 app passwords: scan at most 1,000 at a time (split it).';
    expect(leakScanErrorMessage(new ApiError('BAD_USER_INPUT', tooMany))).toBe(tooMany);
  });

  it('says which roles scan, and what to do when the session ended', () => {
    expect(leakScanErrorMessage(new ApiError('FORBIDDEN', 'Forbidden'))).toBe('Your role does not allow scanning for leaks: it needs the incident responder or global admin role.');
    expect(leakScanErrorMessage(new ApiError('UNAUTHENTICATED', 'No session'))).toMatch(/^Your session has ended/);
  });
});
