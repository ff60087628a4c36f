import { ACCOUNT_CHANGE, activity, otherActivity, type OcsfActivity } from './ocsf-class';
import type { OcsfMapper } from './ocsf-mapping';
import { SUCCESS } from './ocsf-mapping';
import { apiTokenUserOf, appPasswordUserOf, userOf } from './ocsf-objects';
import type { RecordData } from './record-data';

/**
 * The lifecycle of app passwords and users as 3001 Account Change. An app password is an account
 * of its user's (`user.account`, type Other "App Password") and the user's programmatic credential:
 * generated is Create; revoked and expired are Delete (for good: it never verifies again);
 * suspended is Disable and reinstated Enable (a case can undo a suspension); renamed is Other
 * "Rename" with the new label in `user_result`; a slot reserved in the user's keyring (the step
 * before generating that keeps the per-user limit under concurrency) is Other "Reserve Slot".
 * A user's creation, disabling, enabling and password reset are the schema's own activities; a
 * directory's change of their name or profile is Other "Change Profile", of their roles Other
 * "Change Roles" (the record carries the roles held after it). A console second factor registered
 * is MFA Factor Enable, an admin's reset of them MFA Factor Disable, and each use (a sign-in or a
 * step-up, kept so that no code is taken twice) Other "Record Second Factor Use". An
 * API token is likewise an account and credential of its creator's: created is Create, revoked is
 * Delete, and its last use (written at most once an hour) Other "Record Use".
 */
export const ACCOUNT_CHANGE_MAPPERS: Readonly<Record<string, OcsfMapper>> = {
  AppPasswordGenerated: appPasswordChange(activity(ACCOUNT_CHANGE, 1), 'App password generated', (data) => ({ user: appPasswordUserOf(data, data.text('label')) })),
  AppPasswordRenamed: appPasswordChange(otherActivity(ACCOUNT_CHANGE, 'Rename'), 'App password renamed', (data) => ({
    user: appPasswordUserOf(data),
    user_result: appPasswordUserOf(data, data.text('label')),
  })),
  AppPasswordRevoked: appPasswordChange(activity(ACCOUNT_CHANGE, 6), 'App password revoked'),
  AppPasswordExpired: appPasswordChange(activity(ACCOUNT_CHANGE, 6), 'App password expired'),
  AppPasswordSuspended: appPasswordChange(activity(ACCOUNT_CHANGE, 5), 'App password suspended'),
  AppPasswordReinstated: appPasswordChange(activity(ACCOUNT_CHANGE, 2), 'App password reinstated'),
  AppPasswordSlotReserved: appPasswordChange(otherActivity(ACCOUNT_CHANGE, 'Reserve Slot'), 'App password slot reserved'),
  UserCreated: userChange(activity(ACCOUNT_CHANGE, 1), 'User created'),
  UserDisabled: userChange(activity(ACCOUNT_CHANGE, 5), 'User disabled'),
  UserEnabled: userChange(activity(ACCOUNT_CHANGE, 2), 'User enabled'),
  UserPasswordReset: userChange(activity(ACCOUNT_CHANGE, 4), 'User password reset'),
  UserProfileChanged: userChange(otherActivity(ACCOUNT_CHANGE, 'Change Profile'), 'User profile changed'),
  UserRolesChanged: userChange(otherActivity(ACCOUNT_CHANGE, 'Change Roles'), 'User roles changed'),
  TotpEnrolled: userChange(activity(ACCOUNT_CHANGE, 10), 'Authenticator app registered as a second factor'),
  PasskeyRegistered: userChange(activity(ACCOUNT_CHANGE, 10), 'Passkey registered as a second factor'),
  SecondFactorsReset: userChange(activity(ACCOUNT_CHANGE, 11), 'Second factors reset'),
  MfaAttested: userChange(otherActivity(ACCOUNT_CHANGE, 'Attest MFA'), 'MFA attested by the identity provider'),
  SecondFactorUsed: userChange(otherActivity(ACCOUNT_CHANGE, 'Record Second Factor Use'), 'Second factor used'),
  NoticePreferencesChanged: userChange(otherActivity(ACCOUNT_CHANGE, 'Change Notice Preferences'), 'Mail preferences changed'),
  UserErased: userChange(otherActivity(ACCOUNT_CHANGE, 'Erase Personal Data'), 'Personal data erased from the views; the record stays'),
  ApiTokenCreated: apiTokenChange(activity(ACCOUNT_CHANGE, 1), 'API token created', (data) => apiTokenUserOf(data, data.text('name'))),
  ApiTokenRevoked: apiTokenChange(activity(ACCOUNT_CHANGE, 6), 'API token revoked'),
  ApiTokenUsed: apiTokenChange(otherActivity(ACCOUNT_CHANGE, 'Record Use'), 'API token used'),
};

function apiTokenChange(change: OcsfActivity, message: string, user: (data: RecordData) => Record<string, unknown> = (data) => apiTokenUserOf(data)): OcsfMapper {
  return (data) => ({ activity: change, message, attributes: Object.assign({}, SUCCESS, { user: user(data) }) });
}

function appPasswordChange(
  change: OcsfActivity,
  message: string,
  attributes: (data: RecordData) => Record<string, unknown> = (data) => ({ user: appPasswordUserOf(data) }),
): OcsfMapper {
  return (data) => ({ activity: change, message, attributes: Object.assign({}, SUCCESS, attributes(data)) });
}

function userChange(change: OcsfActivity, message: string): OcsfMapper {
  return (data) => ({
    activity: change,
    message,
    attributes: Object.assign({}, SUCCESS, {
      user: userOf(data.text('userId'), data.text('userPrincipalName'), {
        full_name: data.text('displayName'),
        has_mfa: data.flag('mfaRegistered'),
      }),
    }),
  });
}
