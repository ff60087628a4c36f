import { verifyCommand } from './verify-command';

describe('the verify command', () => {
  it('names the saved file and the key, with placeholders until there are', () => {
    expect(verifyCommand('keyward-audit-log-0-120.zip', 'o+7f3a9c21+AQU=')).toBe('node keyward.mjs verify-export keyward-audit-log-0-120.zip --key o+7f3a9c21+AQU=');
    expect(verifyCommand(null, null)).toBe('node keyward.mjs verify-export <file.zip> --key <verifierKey>');
  });

  it('quotes a file name the shell would split or expand', () => {
    expect(verifyCommand("audit log (Bob's).zip", 'k')).toBe(`node keyward.mjs verify-export 'audit log (Bob'\\''s).zip' --key k`);
  });
});
