import { withoutSecrets } from './without-secrets';

describe('removing secrets from event data', () => {
  it('drops hash fields at any depth and keeps everything else', () => {
    expect(
      withoutSecrets({ label: 'Phone', secretHash: '$argon2id$x', nested: [{ passwordHash: 'h', keep: 1 }] }),
    ).toEqual({ label: 'Phone', nested: [{ keep: 1 }] });
  });
});
