import { activity, AUTHENTICATION, otherActivity } from './ocsf-class';
import type { OcsfMapper, OcsfMapping } from './ocsf-mapping';
import { SUCCESS } from './ocsf-mapping';
import { appPasswordCredentialsOf, epochMillisOf, sourceEndpointOf, UNKNOWN, userOf } from './ocsf-objects';
import type { RecordData } from './record-data';

/**
 * Sign-ins as 3002 Authentication, activity 1 Logon: a gateway asked whether a user name and app
 * password may sign in. The app password is a static password sent as HTTP Basic credentials
 * (auth_protocol_id 11), never with a second factor (`is_mfa: false`: that is what an app password
 * is for); the mail or HTTP protocol it was for is the service authenticated to; the app password
 * is the user's programmatic credential (`user.programmatic_credentials`, type "App Password";
 * OCSF deprecated `credential_uid` in 1.6.0); a failure's reason is the status detail. The name a
 * mail client gave after its sign-in (`AppPasswordClientIdentified`, its SMTP `EHLO`) is activity
 * 99 Other "Identify Client" of the same class, about the same user, credential and address. A
 * summary of failures of unknown user names (`SignInFailuresSummarized`) is one aggregate Logon
 * failure: its `count` of attempts between `start_time` and `end_time`, the names in `unmapped`.
 */
export const AUTHENTICATION_MAPPERS: Readonly<Record<string, OcsfMapper>> = {
  AppPasswordUsed: (data) => signIn(data, 'App password sign-in succeeded', SUCCESS),
  AppPasswordRejected: (data) => signIn(data, 'App password sign-in rejected', failure(data)),
  SignInFailed: (data) => signIn(data, 'Sign-in matched no app password', failure(data)),
  AppPasswordClientIdentified: (data) => signIn(data, 'Mail client named after its sign-in', SUCCESS, otherActivity(AUTHENTICATION, 'Identify Client')),
  SignInFailuresSummarized: (data) => ({
    activity: activity(AUTHENTICATION, 1),
    message: 'Sign-ins of unknown user names, summarized',
    attributes: Object.assign(failure(data), {
      count: data.count('attempts'),
      start_time: epochMillisOf(data.text('from')),
      end_time: epochMillisOf(data.text('to')),
      auth_protocol_id: 11,
      auth_protocol: 'Basic Authentication',
      is_mfa: false,
      // The attempts may be for several protocols; each listed failure names its own.
      service: { name: UNKNOWN },
      user: userOf(undefined, undefined),
    }),
  }),
};

function signIn(data: RecordData, message: string, status: Record<string, unknown>, of = activity(AUTHENTICATION, 1)): OcsfMapping {
  return {
    activity: of,
    message,
    attributes: Object.assign({}, status, {
      auth_protocol_id: 11,
      auth_protocol: 'Basic Authentication',
      is_mfa: false,
      service: { name: data.text('protocol') ?? UNKNOWN },
      src_endpoint: sourceEndpointOf(data),
      user: userOf(data.text('userId'), data.text('userPrincipalName'), { programmatic_credentials: appPasswordCredentialsOf(data.text('appPasswordId')) }),
    }),
  };
}

function failure(data: RecordData): Record<string, unknown> {
  return { status_id: 2, status: 'Failure', status_detail: data.text('reason') };
}
