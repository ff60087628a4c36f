import { createHash } from 'node:crypto';
import {
  assertUnreachable,
  badInput,
  conflict,
  notFound,
  optionalLine,
  requireLine,
  stableId,
  type DomainEvent,
} from '@keyward/shared/domain';
import { isRole, type Role } from '../role';
import { requireUserPrincipalName } from './user-principal-name';
import {
  afterUse,
  hasSecondFactor,
  NO_SECOND_FACTORS,
  requireFreshUse,
  requirePasskeyRegistration,
  requireTotpEnrolment,
  type SecondFactors,
  type SecondFactorUse,
} from './second-factors';

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
    /** What the directory or the identity provider said of the user, when one created them. */
    profile?: DirectoryProfile;
    /** Who created the user when not an admin: a directory (SCIM), or single sign-on at first sign-in. */
    source?: UserSource;
  }
>;
/**
 * `revokesAppPasswords` records the tenant policy in force at the moment of disabling, so every
 * node that reacts to the event (now or replaying it later) makes the same decision.
 */
export type UserDisabled = DomainEvent<
  'UserDisabled',
  {
    userId: string;
    revokesAppPasswords?: boolean;
    /**
     * The directory deleted the user (SCIM DELETE): disabled with every effect, kept with its
     * history, and gone from the directory's view until the directory provisions it again.
     */
    deprovisioned?: boolean;
  }
>;
export type UserEnabled = DomainEvent<'UserEnabled', { userId: string }>;
/** A new console password; `revokesAppPasswords` records the tenant policy in force then. */
export type UserPasswordReset = DomainEvent<'UserPasswordReset', { userId: string; passwordHash: string; revokesAppPasswords: boolean }>;
/** The directory changed the user's name or its own attributes. */
export type UserProfileChanged = DomainEvent<'UserProfileChanged', { userId: string; displayName: string; profile: DirectoryProfile }>;
/** The user's roles now (the directory's role groups). */
export type UserRolesChanged = DomainEvent<'UserRolesChanged', { userId: string; roles: Role[] }>;
/** The user registered an authenticator app, confirmed by its first code (`timeStep`), with ten recovery codes (hashed). */
export type TotpEnrolled = DomainEvent<'TotpEnrolled', { userId: string; totpSecret: string; recoveryCodeHashes: string[]; timeStep: number }>;
/** The user registered a passkey (WebAuthn): its id, public key and signature counter. */
export type PasskeyRegistered = DomainEvent<
  'PasskeyRegistered',
  { userId: string; credentialId: string; publicKey: string; counter: number; transports: string[]; name: string }
>;
/** A sign-in or a step-up passed the second factor: what was used, so that it is not accepted again. */
export type SecondFactorUsed = DomainEvent<'SecondFactorUsed', { userId: string } & SecondFactorUse>;
/** The identity provider said, at a single sign-on, that the user signed in with MFA (OIDC's `amr`, RFC 8176). */
export type MfaAttested = DomainEvent<'MfaAttested', { userId: string; source: 'identity-provider' }>;
/** An admin removed the user's second factors (a lost phone), with the reason; the user enrols again. */
export type SecondFactorsReset = DomainEvent<'SecondFactorsReset', { userId: string; reason: string }>;
/**
 * A departed user's personal data is taken out of every view (docs/compliance.md): their name,
 * display name and directory profile are replaced by a pseudonym. The events that recorded them
 * stay, as the audit record the organisation must keep.
 */
export type UserErased = DomainEvent<'UserErased', { userId: string; reason: string; pseudonym: string }>;
/** Which mail the user wants: expiry reminders may be turned off; revocation notices never can. */
export type NoticePreferencesChanged = DomainEvent<'NoticePreferencesChanged', { userId: string; expiryReminders: boolean }>;
export type UserEvent =
  | UserCreated
  | UserDisabled
  | UserEnabled
  | UserPasswordReset
  | UserProfileChanged
  | UserRolesChanged
  | TotpEnrolled
  | PasskeyRegistered
  | SecondFactorUsed
  | SecondFactorsReset
  | MfaAttested
  | NoticePreferencesChanged
  | UserErased;

/**
 * The little Keyward keeps of what a directory (Entra ID over SCIM) says about a user: its own id
 * for them, their name parts and their work mail address. Nothing else of theirs is kept.
 */
export interface DirectoryProfile {
  readonly externalId: string | null;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly email: string | null;
  /**
   * Whether the directory says the user has MFA at the identity provider (Keyward's SCIM
   * extension); null or absent: it says nothing.
   */
  readonly mfaRegistered?: boolean | null;
}

export type UserSource = 'directory' | 'sign-in';

export const EMPTY_PROFILE: DirectoryProfile = { externalId: null, givenName: null, familyName: null, email: null };

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
export type DisableUser = { type: 'DisableUser'; data?: { revokesAppPasswords: boolean; deprovisioned?: boolean } };
export type EnableUser = { type: 'EnableUser' };
export type ResetUserPassword = { type: 'ResetUserPassword'; data: { passwordHash: string; revokesAppPasswords: boolean } };
/** What a directory states about a user: their name, profile and whether they are active. */
export interface DirectoryUserState {
  displayName: string;
  profile: DirectoryProfile;
  active: boolean;
  /** The tenant policy in force, for the disabling `active: false` may mean. */
  revokesAppPasswords: boolean;
}
/**
 * A directory creates a user: a new one, or one it deprovisioned before, which comes back
 * (enabled, with the new profile and roles) with its history. A user it did not delete conflicts.
 */
export type ProvisionUser = {
  type: 'ProvisionUser';
  data: Omit<CreateUser['data'], 'mfaRegistered' | 'passwordHash' | 'displayName'> & DirectoryUserState & { source: UserSource };
};
/** A directory replaces what it states about a user (SCIM PUT or PATCH). */
export type UpdateDirectoryUser = { type: 'UpdateDirectoryUser'; data: DirectoryUserState };
export type ChangeUserRoles = { type: 'ChangeUserRoles'; data: { roles: readonly string[] } };
export type EnrolTotp = { type: 'EnrolTotp'; data: { totpSecret: string; recoveryCodeHashes: string[]; timeStep: number } };
export type RegisterPasskey = { type: 'RegisterPasskey'; data: Omit<PasskeyRegistered['data'], 'userId'> };
export type UseSecondFactor = { type: 'UseSecondFactor'; data: SecondFactorUse };
export type ResetSecondFactors = { type: 'ResetSecondFactors'; data: { reason: string } };
export type AttestMfa = { type: 'AttestMfa'; data: { source: 'identity-provider' } };
export type ChangeNoticePreferences = { type: 'ChangeNoticePreferences'; data: { expiryReminders: boolean } };
export type EraseUser = { type: 'EraseUser'; data: { reason: string } };
export type UserCommand =
  | CreateUser
  | DisableUser
  | EnableUser
  | ResetUserPassword
  | ProvisionUser
  | UpdateDirectoryUser
  | ChangeUserRoles
  | EnrolTotp
  | RegisterPasskey
  | UseSecondFactor
  | ResetSecondFactors
  | AttestMfa
  | ChangeNoticePreferences
  | EraseUser;

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
      profile: DirectoryProfile;
      /** Deleted by the directory: disabled, and out of the directory's view until provisioned again. */
      deprovisioned: boolean;
      /** Whoever created the user said they have MFA at their identity provider (an admin, at creation). */
      mfaAttested: boolean;
      /** The identity provider said so itself, at a single sign-on with MFA. */
      mfaAttestedByIdentityProvider: boolean;
      /** The console's second factors; `mfaRegistered` is true when attested or when there is one. */
      secondFactors: SecondFactors;
      /** Whether they are mailed before an app password of theirs expires (on unless turned off). */
      expiryReminders: boolean;
      /** Their personal data was erased from the views: their name is a pseudonym from then on. */
      erased: boolean;
    });
export type ExistingUser = Exclude<User, { status: 'none' }>;

export const userDecider = {
  initialState: (): User => ({ status: 'none' }),

  decide(command: UserCommand, state: User): UserEvent[] {
    switch (command.type) {
      case 'CreateUser':
        return [createUser(command.data, state)];
      case 'DisableUser':
        return disableUser(requireUser(state), command.data?.revokesAppPasswords ?? false, command.data?.deprovisioned ?? false);
      case 'EnableUser':
        return requireUser(state).status === 'enabled'
          ? []
          : [{ type: 'UserEnabled', data: { userId: requireUser(state).userId } }];
      case 'ResetUserPassword':
        return [{ type: 'UserPasswordReset', data: { userId: requireUser(state).userId, ...command.data } }];
      case 'ProvisionUser':
        return provisionUser(command.data, state);
      case 'UpdateDirectoryUser':
        return updateDirectoryUser(requireProvisioned(state), command.data);
      case 'ChangeUserRoles':
        return changeRoles(requireProvisioned(state), command.data.roles);
      case 'EnrolTotp': {
        const user = requireUser(state);
        requireTotpEnrolment(user.secondFactors, command.data.totpSecret, command.data.recoveryCodeHashes);
        return [{ type: 'TotpEnrolled', data: { userId: user.userId, ...command.data } }];
      }
      case 'RegisterPasskey': {
        const user = requireUser(state);
        const name = requirePasskeyRegistration(user.secondFactors, command.data.credentialId, command.data.name);
        return [{ type: 'PasskeyRegistered', data: { userId: user.userId, ...command.data, name } }];
      }
      case 'UseSecondFactor': {
        const user = requireUser(state);
        requireFreshUse(user.secondFactors, command.data);
        return [{ type: 'SecondFactorUsed', data: { userId: user.userId, ...command.data } }];
      }
      case 'AttestMfa': {
        const user = requireUser(state);
        return user.mfaAttestedByIdentityProvider ? [] : [{ type: 'MfaAttested', data: { userId: user.userId, source: command.data.source } }];
      }
      case 'ResetSecondFactors': {
        const user = requireUser(state);
        if (!hasSecondFactor(user.secondFactors)) throw badInput('This user has no second factor to reset.');
        const reason = requireLine(command.data.reason, 500, 'Give a reason of 1 to 500 characters on one line.');
        return [{ type: 'SecondFactorsReset', data: { userId: user.userId, reason } }];
      }
      case 'EraseUser': {
        const user = requireUser(state);
        if (user.erased) return [];
        if (user.status !== 'disabled') throw conflict('Disable the user first: only the data of someone who has left is erased.');
        const reason = requireLine(command.data.reason, 500, 'Give a reason of 1 to 500 characters on one line (a ticket, a request under GDPR Article 17).');
        return [{ type: 'UserErased', data: { userId: user.userId, reason, pseudonym: pseudonymOf(user.userId) } }];
      }
      case 'ChangeNoticePreferences': {
        const user = requireUser(state);
        return user.expiryReminders === command.data.expiryReminders ? [] : [{ type: 'NoticePreferencesChanged', data: { userId: user.userId, expiryReminders: command.data.expiryReminders } }];
      }
      default:
        return assertUnreachable(command);
    }
  },

  evolve(state: User, event: UserEvent): User {
    if (event.type === 'UserCreated') {
      return {
        status: 'enabled',
        ...event.data,
        profile: event.data.profile ?? EMPTY_PROFILE,
        revision: 0,
        sessionsEndedAt: -1,
        deprovisioned: false,
        mfaAttested: event.data.mfaRegistered,
        mfaAttestedByIdentityProvider: false,
        secondFactors: NO_SECOND_FACTORS,
        expiryReminders: true,
        erased: false,
        mfaRegistered: event.data.mfaRegistered || event.data.profile?.mfaRegistered === true,
      };
    }
    if (state.status === 'none') return state;
    const revision = state.revision + 1;
    switch (event.type) {
      case 'UserDisabled':
        return { ...state, revision, status: 'disabled', sessionsEndedAt: revision, deprovisioned: event.data.deprovisioned === true };
      case 'UserEnabled':
        return { ...state, revision, status: 'enabled', deprovisioned: false };
      case 'UserPasswordReset':
        return { ...state, revision, passwordHash: event.data.passwordHash, sessionsEndedAt: revision };
      case 'UserProfileChanged': {
        const changed = { ...state, revision, displayName: event.data.displayName, profile: event.data.profile };
        return { ...changed, mfaRegistered: isMfaRegistered(changed) };
      }
      case 'UserRolesChanged':
        return { ...state, revision, roles: event.data.roles };
      case 'TotpEnrolled':
        return withFactors(state, revision, {
          ...state.secondFactors,
          totp: { secret: event.data.totpSecret, lastTimeStep: event.data.timeStep },
          recoveryCodeHashes: event.data.recoveryCodeHashes,
        });
      case 'PasskeyRegistered': {
        const { userId: _userId, ...passkey } = event.data;
        return withFactors(state, revision, { ...state.secondFactors, passkeys: [...state.secondFactors.passkeys, passkey] });
      }
      case 'SecondFactorUsed': {
        const { userId: _userId, ...use } = event.data;
        return { ...state, revision, secondFactors: afterUse(state.secondFactors, use) };
      }
      case 'MfaAttested':
        return { ...state, revision, mfaAttestedByIdentityProvider: true, mfaRegistered: true };
      case 'SecondFactorsReset':
        // Sessions opened with the old factors end: whoever holds the lost phone is signed out.
        return { ...withFactors(state, revision, NO_SECOND_FACTORS), sessionsEndedAt: revision };
      case 'NoticePreferencesChanged':
        return { ...state, revision, expiryReminders: event.data.expiryReminders };
      case 'UserErased':
        return { ...state, revision, erased: true, userPrincipalName: event.data.pseudonym, displayName: ERASED_DISPLAY_NAME, profile: EMPTY_PROFILE, expiryReminders: false };
      default:
        return assertUnreachable(event);
    }
  },
};

function withFactors(state: ExistingUser, revision: number, secondFactors: SecondFactors): ExistingUser {
  const changed = { ...state, revision, secondFactors };
  return { ...changed, mfaRegistered: isMfaRegistered(changed) };
}

/** mfaRegistered, for the app-password rule: an admin, the directory or the identity provider says so, or the user has a console factor. */
function isMfaRegistered(user: ExistingUser): boolean {
  return user.mfaAttested || user.profile.mfaRegistered === true || user.mfaAttestedByIdentityProvider || hasSecondFactor(user.secondFactors);
}

/** What an erased user is called in every view. */
export const ERASED_DISPLAY_NAME = 'Erased user';

/** An erased user's name from then on: stable (the same user, the same pseudonym) and not their name. */
export function pseudonymOf(userId: string): string {
  return `erased-user-${createHash('sha256').update(userId).digest('hex').slice(0, 12)}`;
}

function requireUser(state: User): ExistingUser {
  if (state.status === 'none') throw notFound('No such user.');
  return state;
}

/** A user the directory can act on: one it has not deleted. */
function requireProvisioned(state: User): ExistingUser {
  const user = requireUser(state);
  if (user.deprovisioned) throw notFound('No such user.');
  return user;
}

function disableUser(user: ExistingUser, revokesAppPasswords: boolean, deprovisioned: boolean): UserDisabled[] {
  if (user.status === 'disabled' && (user.deprovisioned || !deprovisioned)) return [];
  return [{ type: 'UserDisabled', data: { userId: user.userId, revokesAppPasswords, ...(deprovisioned ? { deprovisioned: true } : {}) } }];
}

function createUser(data: CreateUser['data'], state: User): UserCreated {
  const upn = requireUserPrincipalName(data.userPrincipalName);
  if (!data.tenantDomains.includes(upn.domain)) {
    throw badInput(`The domain ${upn.domain} does not belong to your tenant.`);
  }
  if (state.status !== 'none') throw conflict(`A user ${upn.value} exists already.`);
  return {
    type: 'UserCreated',
    data: {
      userId: userIdFor(upn.value),
      tenantId: data.tenantId,
      userPrincipalName: upn.value,
      displayName: requireDisplayName(data.displayName),
      roles: requireRoles(data.roles),
      mfaRegistered: data.mfaRegistered,
      passwordHash: data.passwordHash,
    },
  };
}

function provisionUser(data: ProvisionUser['data'], state: User): UserEvent[] {
  const profile = requireProfile(data.profile);
  if (state.status === 'none' || !state.deprovisioned) {
    const created = createUser({ ...data, mfaRegistered: false, passwordHash: null }, state);
    const events: UserEvent[] = [{ ...created, data: { ...created.data, profile, source: data.source } }];
    return data.active ? events : [...events, { type: 'UserDisabled', data: { userId: created.data.userId, revokesAppPasswords: data.revokesAppPasswords } }];
  }
  // Deleted by the directory before: it comes back, enabled first, with its history.
  const back: ExistingUser = { ...state, status: 'enabled', deprovisioned: false };
  return [{ type: 'UserEnabled', data: { userId: state.userId } }, ...updateDirectoryUser(back, data), ...changeRoles(back, data.roles)];
}

function updateDirectoryUser(user: ExistingUser, data: DirectoryUserState): UserEvent[] {
  const displayName = requireDisplayName(data.displayName);
  const profile = requireProfile(data.profile);
  const changed = displayName !== user.displayName || JSON.stringify(profile) !== JSON.stringify({ ...EMPTY_PROFILE, ...user.profile });
  const events: UserEvent[] = changed ? [{ type: 'UserProfileChanged', data: { userId: user.userId, displayName, profile } }] : [];
  if (data.active && user.status === 'disabled') events.push({ type: 'UserEnabled', data: { userId: user.userId } });
  if (!data.active) events.push(...disableUser(user, data.revokesAppPasswords, false));
  return events;
}

function changeRoles(user: ExistingUser, requested: readonly string[]): UserRolesChanged[] {
  const roles = requireRoles(requested);
  const same = roles.length === user.roles.length && roles.every((role) => user.roles.includes(role));
  return same ? [] : [{ type: 'UserRolesChanged', data: { userId: user.userId, roles } }];
}

function requireDisplayName(displayName: string): string {
  return requireLine(displayName, 256, 'displayName must be 1 to 256 characters on one line, without control or invisible characters.');
}

function requireRoles(requested: readonly string[]): Role[] {
  const roles = [...new Set(requested)];
  if (roles.length === 0 || !roles.every(isRole)) throw badInput('roles must name at least one role.');
  return roles as Role[];
}

function requireProfile(profile: DirectoryProfile): DirectoryProfile {
  const line = (value: string | null, name: string) => optionalLine(value, 256, `${name} must be at most 256 characters on one line, without control or invisible characters.`);
  const email = line(profile.email, 'email');
  if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email)) throw badInput('email must be a mail address.');
  return {
    externalId: line(profile.externalId, 'externalId'),
    givenName: line(profile.givenName, 'givenName'),
    familyName: line(profile.familyName, 'familyName'),
    email,
    // Only when the directory says it, so that profiles without it stay as they were recorded.
    ...(typeof profile.mfaRegistered === 'boolean' ? { mfaRegistered: profile.mfaRegistered } : {}),
  };
}
