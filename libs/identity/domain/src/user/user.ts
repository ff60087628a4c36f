import {
  assertUnreachable,
  badInput,
  conflict,
  notFound,
  requireLine,
  stableId,
  type DomainEvent,
} from '@keyward/shared/domain';
import { isRole, type Role } from '../role';
import { requireUserPrincipalName } from './user-principal-name';

export const userStreamId = (userId: string) => `user-${userId}`;

/** A user's id follows from the user principal name: creating the same user twice conflicts. */
export const userIdFor = (userPrincipalName: string) =>
  stableId('user', userPrincipalName.toLowerCase());

export type UserCreated = DomainEvent<
  'UserCreated',
  {
    userId: string;
    tenantId: string;
    userPrincipalName: string;
    displayName: string;
    roles: Role[];
    mfaRegistered: boolean;
    /** argon2id PHC string of the console password; null when the user has none. */
    passwordHash: string | null;
  }
>;
/**
 * `revokesAppPasswords` records the tenant policy in force at the moment of disabling, so every
 * node that reacts to the event (now or replaying it later) makes the same decision.
 */
export type UserDisabled = DomainEvent<'UserDisabled', { userId: string; revokesAppPasswords?: boolean }>;
export type UserEnabled = DomainEvent<'UserEnabled', { userId: string }>;
/** A new console password; `revokesAppPasswords` records the tenant policy in force then. */
export type UserPasswordReset = DomainEvent<'UserPasswordReset', { userId: string; passwordHash: string; revokesAppPasswords: boolean }>;
export type UserEvent = UserCreated | UserDisabled | UserEnabled | UserPasswordReset;

export type CreateUser = {
  type: 'CreateUser';
  data: {
    tenantId: string;
    /** The domains of the tenant the user is created in. */
    tenantDomains: readonly string[];
    userPrincipalName: string;
    displayName: string;
    roles: readonly string[];
    mfaRegistered: boolean;
    passwordHash: string | null;
  };
};
export type DisableUser = { type: 'DisableUser'; data?: { revokesAppPasswords: boolean } };
export type EnableUser = { type: 'EnableUser' };
export type ResetUserPassword = { type: 'ResetUserPassword'; data: { passwordHash: string; revokesAppPasswords: boolean } };
export type UserCommand = CreateUser | DisableUser | EnableUser | ResetUserPassword;

export type User =
  | { status: 'none' }
  | (UserCreated['data'] & {
      status: 'enabled' | 'disabled';
      /** The revision of the user's stream this state was folded to. */
      revision: number;
      /**
       * The revision of the last disable or password reset: console sessions opened before it are
       * over, on every node (a node learns it from the stream, whoever handled the change).
       */
      sessionsEndedAt: number;
    });
export type ExistingUser = Exclude<User, { status: 'none' }>;

export const userDecider = {
  initialState: (): User => ({ status: 'none' }),

  decide(command: UserCommand, state: User): UserEvent[] {
    switch (command.type) {
      case 'CreateUser':
        return [createUser(command.data, state)];
      case 'DisableUser':
        return requireUser(state).status === 'disabled'
          ? []
          : [{ type: 'UserDisabled', data: { userId: requireUser(state).userId, revokesAppPasswords: command.data?.revokesAppPasswords ?? false } }];
      case 'EnableUser':
        return requireUser(state).status === 'enabled'
          ? []
          : [{ type: 'UserEnabled', data: { userId: requireUser(state).userId } }];
      case 'ResetUserPassword':
        return [{ type: 'UserPasswordReset', data: { userId: requireUser(state).userId, ...command.data } }];
      default:
        return assertUnreachable(command);
    }
  },

  evolve(state: User, event: UserEvent): User {
    if (event.type === 'UserCreated') return { status: 'enabled', ...event.data, revision: 0, sessionsEndedAt: -1 };
    if (state.status === 'none') return state;
    const revision = state.revision + 1;
    switch (event.type) {
      case 'UserDisabled':
        return { ...state, revision, status: 'disabled', sessionsEndedAt: revision };
      case 'UserEnabled':
        return { ...state, revision, status: 'enabled' };
      case 'UserPasswordReset':
        return { ...state, revision, passwordHash: event.data.passwordHash, sessionsEndedAt: revision };
      default:
        return assertUnreachable(event);
    }
  },
};

function requireUser(state: User): ExistingUser {
  if (state.status === 'none') throw notFound('No such user.');
  return state;
}

function createUser(data: CreateUser['data'], state: User): UserCreated {
  const upn = requireUserPrincipalName(data.userPrincipalName);
  if (!data.tenantDomains.includes(upn.domain)) {
    throw badInput(`The domain ${upn.domain} does not belong to your tenant.`);
  }
  if (state.status !== 'none') throw conflict(`A user ${upn.value} exists already.`);
  const displayName = requireLine(data.displayName, 256, 'displayName must be 1 to 256 characters on one line, without control or invisible characters.');
  const roles = [...new Set(data.roles)];
  if (roles.length === 0 || !roles.every(isRole)) throw badInput('roles must name at least one role.');
  return {
    type: 'UserCreated',
    data: {
      userId: userIdFor(upn.value),
      tenantId: data.tenantId,
      userPrincipalName: upn.value,
      displayName,
      roles: roles as Role[],
      mfaRegistered: data.mfaRegistered,
      passwordHash: data.passwordHash,
    },
  };
}
