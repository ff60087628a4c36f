import { specFor } from '@keyward/shared/domain/testing';
import { pseudonymOf, userDecider, userIdFor, type CreateUser, type ProvisionUser, type UserCreated, type UserDisabled } from './user';

const spec = specFor(userDecider);

const create = (overrides: Partial<CreateUser['data']> = {}): CreateUser => ({
  type: 'CreateUser',
  data: {
    tenantId: 't-1',
    tenantDomains: ['contoso.example'],
    userPrincipalName: 'Alice@Contoso.Example',
    displayName: 'Alice Example',
    roles: ['USER'],
    mfaRegistered: true,
    passwordHash: null,
    ...overrides,
  },
});

const created: UserCreated = {
  type: 'UserCreated',
  data: {
    userId: userIdFor('alice@contoso.example'),
    tenantId: 't-1',
    userPrincipalName: 'alice@contoso.example',
    displayName: 'Alice Example',
    roles: ['USER'],
    mfaRegistered: true,
    passwordHash: null,
  },
};

describe('creating a user', () => {
  it('records the user with a lower-cased principal name and an id derived from it', () => {
    spec.given([]).when(create()).then([created]);
  });

  it('refuses a user who exists already', () => {
    spec.given([created]).when(create()).thenThrows('CONFLICT');
  });

  it('refuses a domain that belongs to another tenant', () => {
    spec
      .given([])
      .when(create({ userPrincipalName: 'eve@fabrikam.example' }))
      .thenThrows('BAD_USER_INPUT', /does not belong to your tenant/);
  });

  it.each(['alice', 'a b@contoso.example', 'a"b@contoso.example', 'a|b@contoso.example', 'a\r\nb@contoso.example'])(
    'refuses the malformed principal name %j',
    (userPrincipalName) => {
      spec.given([]).when(create({ userPrincipalName })).thenThrows('BAD_USER_INPUT');
    },
  );

  it('refuses an unknown role and an empty role list', () => {
    spec.given([]).when(create({ roles: ['ROOT'] })).thenThrows('BAD_USER_INPUT');
    spec.given([]).when(create({ roles: [] })).thenThrows('BAD_USER_INPUT');
  });

  it('refuses a display name that spans lines', () => {
    spec.given([]).when(create({ displayName: 'Alice\nAdmin' })).thenThrows('BAD_USER_INPUT');
  });
});

describe('disabling and enabling a user', () => {
  it('disables an enabled user once; disabling again changes nothing', () => {
    const disabled = { type: 'UserDisabled' as const, data: { userId: created.data.userId, revokesAppPasswords: false } };
    spec.given([created]).when({ type: 'DisableUser' }).then([disabled]);
    spec.given([created, disabled]).when({ type: 'DisableUser' }).thenNothingHappens();
    spec
      .given([created, disabled])
      .when({ type: 'EnableUser' })
      .then([{ type: 'UserEnabled', data: { userId: created.data.userId } }]);
  });

  it('records whether the policy in force asks for the app passwords to be revoked', () => {
    spec
      .given([created])
      .when({ type: 'DisableUser', data: { revokesAppPasswords: true } })
      .then([{ type: 'UserDisabled', data: { userId: created.data.userId, revokesAppPasswords: true } }]);
  });

  it('refuses to disable a user who does not exist', () => {
    spec.given([]).when({ type: 'DisableUser' }).thenThrows('NOT_FOUND');
  });
});

describe('resetting a console password', () => {
  it('records the new hash and whether the policy in force revokes the app passwords', () => {
    spec
      .given([created])
      .when({ type: 'ResetUserPassword', data: { passwordHash: '$argon2id$new', revokesAppPasswords: true } })
      .then([{ type: 'UserPasswordReset', data: { userId: created.data.userId, passwordHash: '$argon2id$new', revokesAppPasswords: true } }]);
  });

  it('refuses a user who does not exist', () => {
    spec.given([]).when({ type: 'ResetUserPassword', data: { passwordHash: 'x', revokesAppPasswords: false } }).thenThrows('NOT_FOUND');
  });
});

describe('a directory provisioning users (SCIM)', () => {
  const profile = { externalId: 'entra-0001', givenName: 'Alice', familyName: 'Example', email: 'alice@contoso.example' };
  const provision = (overrides: Partial<ProvisionUser['data']> = {}): ProvisionUser => ({
    type: 'ProvisionUser',
    data: {
      tenantId: 't-1',
      tenantDomains: ['contoso.example'],
      userPrincipalName: 'alice@contoso.example',
      displayName: 'Alice Example',
      roles: ['USER'],
      profile,
      active: true,
      revokesAppPasswords: true,
      source: 'directory',
      ...overrides,
    },
  });
  const provisioned: UserCreated = { type: 'UserCreated', data: { ...created.data, mfaRegistered: false, profile, source: 'directory' } };
  const deprovisioned: UserDisabled = { type: 'UserDisabled', data: { userId: created.data.userId, revokesAppPasswords: true, deprovisioned: true } };

  it('given no user, when the directory provisions one, then it is created with its profile, without a console password', () => {
    spec.given([]).when(provision()).then([provisioned]);
  });

  it('given no user, when the directory provisions one inactive, then it is created and disabled in the same change', () => {
    spec
      .given([])
      .when(provision({ active: false }))
      .then([provisioned, { type: 'UserDisabled', data: { userId: created.data.userId, revokesAppPasswords: true } }]);
  });

  it('given a user the directory did not delete, when it provisions the same name, then it conflicts', () => {
    spec.given([created]).when(provision()).thenThrows('CONFLICT');
  });

  it('given a user, when the directory deletes it, then it is disabled as deprovisioned with the policy in force; deleting again changes nothing', () => {
    spec.given([provisioned]).when({ type: 'DisableUser', data: { revokesAppPasswords: true, deprovisioned: true } }).then([deprovisioned]);
    spec.given([provisioned, deprovisioned]).when({ type: 'DisableUser', data: { revokesAppPasswords: true, deprovisioned: true } }).thenNothingHappens();
  });

  it('given a disabled user, when the directory deletes it, then it is marked deprovisioned', () => {
    const disabled: UserDisabled = { type: 'UserDisabled', data: { userId: created.data.userId, revokesAppPasswords: false } };
    spec.given([provisioned, disabled]).when({ type: 'DisableUser', data: { revokesAppPasswords: false, deprovisioned: true } }).then([{ ...deprovisioned, data: { ...deprovisioned.data, revokesAppPasswords: false } }]);
  });

  it('given a deleted user, when the directory provisions it again, then it comes back enabled with the new profile and roles, keeping its history', () => {
    spec
      .given([provisioned, deprovisioned])
      .when(provision({ displayName: 'Alice Returned', roles: ['USER', 'AUDITOR'] }))
      .then([
        { type: 'UserEnabled', data: { userId: created.data.userId } },
        { type: 'UserProfileChanged', data: { userId: created.data.userId, displayName: 'Alice Returned', profile } },
        { type: 'UserRolesChanged', data: { userId: created.data.userId, roles: ['USER', 'AUDITOR'] } },
      ]);
  });

  it('given a deleted user, when the directory updates it or changes its roles, then it is not found', () => {
    spec.given([provisioned, deprovisioned]).when({ type: 'UpdateDirectoryUser', data: { displayName: 'X', profile, active: true, revokesAppPasswords: false } }).thenThrows('NOT_FOUND');
    spec.given([provisioned, deprovisioned]).when({ type: 'ChangeUserRoles', data: { roles: ['AUDITOR'] } }).thenThrows('NOT_FOUND');
  });

  it('given a user, when the directory states the same, then nothing happens; when it changes the name and sets it inactive, then both are recorded at once', () => {
    const same = { displayName: 'Alice Example', profile, active: true, revokesAppPasswords: false };
    spec.given([provisioned]).when({ type: 'UpdateDirectoryUser', data: same }).thenNothingHappens();
    spec
      .given([provisioned])
      .when({ type: 'UpdateDirectoryUser', data: { ...same, displayName: 'Alice Married', active: false, revokesAppPasswords: true } })
      .then([
        { type: 'UserProfileChanged', data: { userId: created.data.userId, displayName: 'Alice Married', profile } },
        { type: 'UserDisabled', data: { userId: created.data.userId, revokesAppPasswords: true } },
      ]);
  });

  it('given a disabled user, when the directory sets it active, then it is enabled', () => {
    const disabled: UserDisabled = { type: 'UserDisabled', data: { userId: created.data.userId, revokesAppPasswords: false } };
    spec
      .given([provisioned, disabled])
      .when({ type: 'UpdateDirectoryUser', data: { displayName: 'Alice Example', profile, active: true, revokesAppPasswords: false } })
      .then([{ type: 'UserEnabled', data: { userId: created.data.userId } }]);
  });

  it('refuses a profile with a line break, an email that is no address, and a name with a bidi override', () => {
    const state = { displayName: 'Alice Example', profile, active: true, revokesAppPasswords: false };
    spec.given([provisioned]).when({ type: 'UpdateDirectoryUser', data: { ...state, profile: { ...profile, givenName: 'A\nB' } } }).thenThrows('BAD_USER_INPUT');
    spec.given([provisioned]).when({ type: 'UpdateDirectoryUser', data: { ...state, profile: { ...profile, email: 'not an address' } } }).thenThrows('BAD_USER_INPUT');
    spec.given([provisioned]).when({ type: 'UpdateDirectoryUser', data: { ...state, displayName: 'Alice\u202eExample' } }).thenThrows('BAD_USER_INPUT');
  });

  it('changes roles only when they differ, and refuses none or an unknown one', () => {
    spec.given([provisioned]).when({ type: 'ChangeUserRoles', data: { roles: ['USER'] } }).thenNothingHappens();
    spec.given([provisioned]).when({ type: 'ChangeUserRoles', data: { roles: ['USER', 'GLOBAL_ADMIN'] } }).then([{ type: 'UserRolesChanged', data: { userId: created.data.userId, roles: ['USER', 'GLOBAL_ADMIN'] } }]);
    spec.given([provisioned]).when({ type: 'ChangeUserRoles', data: { roles: [] } }).thenThrows('BAD_USER_INPUT');
    spec.given([provisioned]).when({ type: 'ChangeUserRoles', data: { roles: ['ROOT'] } }).thenThrows('BAD_USER_INPUT');
  });
});

describe('erasing a departed user’s personal data', () => {
  const disabled: UserDisabled = { type: 'UserDisabled', data: { userId: created.data.userId, revokesAppPasswords: true } };
  const erase = (reason = ' Left the company, HR-7 ') => ({ type: 'EraseUser' as const, data: { reason } });
  const erased = { type: 'UserErased' as const, data: { userId: created.data.userId, reason: 'Left the company, HR-7', pseudonym: pseudonymOf(created.data.userId) } };

  it('given a disabled user, records the erasure with a pseudonym that is not their name', () => {
    spec.given([created, disabled]).when(erase()).then([erased]);
    expect(erased.data.pseudonym).toMatch(/^erased-user-[0-9a-f]{12}$/);
  });

  it('given an enabled user, refuses: only the data of someone who has left is erased', () => {
    spec.given([created]).when(erase()).thenThrows('CONFLICT', /Disable the user first/);
  });

  it('refuses an erasure without a reason', () => {
    spec.given([created, disabled]).when(erase('  ')).thenThrows('BAD_USER_INPUT');
  });

  it('erases once, and leaves the user known only by the pseudonym', () => {
    spec.given([created, disabled, erased]).when(erase()).thenNothingHappens();
    const state = [created, disabled, erased].reduce(userDecider.evolve, userDecider.initialState());
    expect(state).toMatchObject({ status: 'disabled', erased: true, userPrincipalName: erased.data.pseudonym, displayName: 'Erased user', profile: { email: null, givenName: null } });
  });
});
