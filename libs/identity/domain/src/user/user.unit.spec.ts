import { specFor } from '@keyward/shared/domain/testing';
import { userDecider, userIdFor, type CreateUser, type UserCreated } from './user';

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
