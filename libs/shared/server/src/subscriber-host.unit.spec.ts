import { requireUniqueNames } from './subscriber-host';

describe('subscriber names', () => {
  it('accepts distinct names', () => {
    expect(() => requireUniqueNames(['app-password-list', 'revocation-cases', 'revocation-case-runner'])).not.toThrow();
  });

  it('refuses a projection and a reaction of the same name: they would share one checkpoint', () => {
    expect(() => requireUniqueNames(['revocation-cases', 'audit-trail', 'revocation-cases'])).toThrow(/share a name: revocation-cases/);
  });
});
