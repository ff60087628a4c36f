import { keyNameAndIdOf, signingKeyOf, tenantKeysOf } from './audit-key';
import { checkpointOf, CURRENT_KEY, keysOf, ORIGIN, RETIRED_KEY } from './testing/audit-fixtures';

describe('the tenant’s verifier keys', () => {
  it('splits a verifier key into its name and key id', () => {
    expect(keyNameAndIdOf(CURRENT_KEY)).toEqual({ name: ORIGIN, keyId: '7f3a9c21' });
  });

  it('keeps the keys of the checkpoint’s origin, the current one first, leaving other tenants’ out', () => {
    expect(tenantKeysOf(keysOf(), checkpointOf()).map((key) => key.verifierKey)).toEqual([CURRENT_KEY, RETIRED_KEY]);
  });

  it('without a checkpoint, keeps a list of one tenant’s keys and tells none of several tenants’ to be ours', () => {
    const contoso = keysOf().filter((key) => key.tenantId === 't-contoso');
    expect(tenantKeysOf(contoso, null).map((key) => key.verifierKey)).toEqual([CURRENT_KEY, RETIRED_KEY]);
    expect(tenantKeysOf(keysOf(), null)).toEqual([]);
  });

  it('finds the key whose signature is on the checkpoint, by name and key id', () => {
    const keys = tenantKeysOf(keysOf(), checkpointOf());
    expect(signingKeyOf(keys, checkpointOf())?.verifierKey).toBe(CURRENT_KEY);
    expect(signingKeyOf(keys.filter((key) => key.verifierKey !== CURRENT_KEY), checkpointOf())).toBeNull();
    expect(signingKeyOf(keys, null)).toBeNull();
  });
});
