import { isIP } from 'node:net';
import type { RecordData } from './record-data';

/**
 * The OCSF objects Keyward's records fill, shared by the classes. A required identifier that an
 * odd record lacks (an old shape, say) is written as `unknown`, so the event stays valid and the
 * record's data is still whole in `unmapped`.
 */
export const UNKNOWN = 'unknown';
const APP_PASSWORD = 'App Password';

/** An OCSF object under construction: undefined members are left out of the event. */
type Fields = Record<string, unknown>;

/** `user:<id>` acts as that user; an API token (`token:<id>`), `system:<process>` and `gateway:<name>` are applications. */
export function actorOf(actor: string): Fields {
  const [kind, ...rest] = actor.split(':');
  const name = rest.join(':');
  if (kind === 'user' && name !== '') return { user: { uid: name } };
  if (kind === 'token' && name !== '') return { app_name: 'API token', app_uid: actor };
  if ((kind === 'system' || kind === 'gateway') && name !== '') return { app_name: name, app_uid: actor };
  return { app_uid: actor };
}

/** The user an event is about: at least one of uid and name, as OCSF's `user` wants. */
export function userOf(uid: string | undefined, name: string | undefined, more: Fields = {}): Fields {
  return Object.assign({ uid, name }, more, uid === undefined && name === undefined ? { name: UNKNOWN } : {});
}

/** An app password as OCSF's programmatic credential of its user (`credential_uid` is deprecated since 1.6.0). */
export function appPasswordCredentialsOf(appPasswordId: string | undefined): Fields[] | undefined {
  return appPasswordId === undefined ? undefined : [{ uid: appPasswordId, type: APP_PASSWORD }];
}

/**
 * The user an app password's change is about: the app password is the user's credential and the
 * account changed (OCSF's `user` needs an account, a name or a uid, and not every app password
 * event names its owner); the account's name is the label, when the event has it.
 */
export function appPasswordUserOf(data: RecordData, label?: string): Fields {
  const appPasswordId = data.text('appPasswordId');
  return {
    uid: data.text('userId'),
    account: { uid: appPasswordId ?? UNKNOWN, name: label, type_id: 99, type: APP_PASSWORD },
    programmatic_credentials: appPasswordCredentialsOf(appPasswordId),
  };
}

/** The user an API token acts for, the token being their account and programmatic credential (type Other "API Token"). */
export function apiTokenUserOf(data: RecordData, name?: string): Fields {
  const apiTokenId = data.text('apiTokenId') ?? UNKNOWN;
  return {
    uid: data.text('userId'),
    account: { uid: apiTokenId, name, type_id: 99, type: 'API Token' },
    programmatic_credentials: [{ uid: apiTokenId, type: 'API Token' }],
  };
}

/** Where a sign-in came from: `sourceIp` when it is an IP address (anything else stays unmapped). */
export function sourceEndpointOf(data: RecordData): Fields | undefined {
  const ip = data.text('sourceIp', (value) => isIP(value) !== 0);
  return ip === undefined ? undefined : { ip };
}

/**
 * An ISO-8601 UTC time (as the event store writes them) as OCSF's timestamp_t, milliseconds since
 * the epoch; undefined for anything else, whose parsing JavaScript leaves to each engine.
 */
export function epochMillisOf(iso: string | undefined): number | undefined {
  if (iso === undefined || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(iso)) return undefined;
  const millis = Date.parse(iso);
  return Number.isFinite(millis) ? millis : undefined;
}

/** The value without its undefined members, at any depth (they are not in the JSON either). */
export function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .map(([key, inner]) => [key, withoutUndefined(inner)]),
  );
}
