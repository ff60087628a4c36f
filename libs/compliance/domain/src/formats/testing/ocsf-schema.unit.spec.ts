import { ocsfEventOf } from '../ocsf-event';
import { sampleRecord } from './audit-records';
import { OcsfSchema } from './ocsf-schema';

let schema: OcsfSchema;
beforeAll(() => {
  schema = new OcsfSchema();
});

type Event = Record<string, unknown>;

/** A valid 3002 Authentication event (the sign-in of the samples), to break. */
const signIn = (): Event => ocsfEventOf(sampleRecord('AppPasswordUsed'), { version: '0.1.0' });

/** The event with each dotted path set to its value, or removed where the value is undefined. */
function patched(event: Event, patch: Record<string, unknown>): Event {
  const copy = structuredClone(event);
  for (const [path, value] of Object.entries(patch)) {
    const keys = path.split('.');
    const parent = keys.slice(0, -1).reduce((object, key) => object[key] as Event, copy);
    if (value === undefined) delete parent[keys[keys.length - 1]];
    else parent[keys[keys.length - 1]] = value;
  }
  return copy;
}

describe('the OCSF schema compiled from its raw data', () => {
  it('knows the classes by uid, the category times 1000 plus the class', () => {
    // given the schema / when
    const names = schema.classNames();
    // then
    expect(schema.version).toBe('1.8.0');
    expect(names.get(3001)).toBe('account_change');
    expect(names.get(3002)).toBe('authentication');
    expect(names.get(2004)).toBe('detection_finding');
    expect(names.get(0)).toBe('base_event');
  });

  it('gives a class what it inherits, the dictionary and its profiles say', () => {
    // given / when
    const authentication = schema.requirementsOf(3002);
    // then: its own, from iam, from base_event, from the host profile
    expect(authentication).toMatchObject({ user: 'required', src_endpoint: 'recommended', metadata: 'required', time: 'required', device: 'recommended' });
  });

  it('accepts a valid event', () => {
    expect(schema.validate(signIn())).toEqual({ errors: [], warnings: [] });
  });
});

describe('an event the validator rejects', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a required attribute missing', { user: undefined }, 'user: required attribute missing'],
    ['a required attribute of an object missing', { 'metadata.product': undefined }, 'metadata.product: required attribute missing'],
    ['an attribute unknown to the class', { password: 'x' }, 'password: unknown attribute of authentication'],
    ['an attribute unknown to an object', { 'user.password': 'x' }, 'user.password: unknown attribute of user'],
    ['a profile attribute without its profile', { device: { hostname: 'mx' } }, 'device: unknown attribute of authentication'],
    ['a value not in the enum', { auth_protocol_id: 42 }, 'auth_protocol_id: 42 is not a value of the enum'],
    ['an activity of another class', { activity_id: 12, activity_name: 'Unlock', type_uid: 300212 }, 'activity_id: 12 is not a value of the enum'],
    ['a sibling that is not its caption', { status: 'OK' }, 'status: "OK" is not the caption of 1, "Success"'],
    ['a string for a timestamp', { time: '2026-03-01T12:00:01Z' }, 'time: expected timestamp_t (long_t)'],
    ['a fraction for an integer', { severity_id: 1.5 }, 'severity_id: expected integer_t'],
    ['an address that is no IP', { 'src_endpoint.ip': 'mail.example' }, 'src_endpoint.ip: "mail.example" is not a ip_t'],
    ['an object where an array goes', { 'user.programmatic_credentials': { uid: 'k' } }, 'user.programmatic_credentials: expected an array'],
    ['a string where an object goes', { user: 'alice' }, 'user: expected a user object'],
    ['a type_uid that is not class_uid × 100 + activity_id', { type_uid: 300202 }, 'type_uid: 300202 is not class_uid × 100 + activity_id'],
    ["a category that is not the class's", { category_uid: 1, category_name: 'System Activity' }, 'category_uid: 1 is not a value of the enum'],
    ['a class that does not exist', { class_uid: 3999 }, 'class_uid: no class 3999'],
    ['neither a service nor a destination', { service: undefined }, 'authentication needs at least one of service, dst_endpoint'],
    ['a user with neither account, name nor uid', { user: { has_mfa: false } }, 'user needs at least one of account, name, uid'],
    ['another schema version', { 'metadata.version': '1.7.0' }, 'metadata.version: 1.7.0 is not 1.8.0'],
    ['an unknown profile', { 'metadata.profiles': ['keyward'] }, 'metadata.profiles: no profile keyward'],
  ])('%s', (_, patch, error) => {
    // given
    const valid = signIn();
    // when
    const broken = patched(valid, patch);
    // then
    expect(schema.validate(broken).errors.join('\n')).toContain(error);
  });

  it('warns of a deprecated attribute', () => {
    // given
    const valid = signIn();
    // when
    const event = patched(valid, { 'user.credential_uid': 'k7m3p9x2qa' });
    // then
    expect(schema.validate(event)).toEqual({ errors: [], warnings: ['user.credential_uid: deprecated attribute'] });
  });

  it('lets a profile attribute in when the event names the profile', () => {
    // given
    const valid = signIn();
    // when
    const event = patched(valid, { device: { hostname: 'mx.contoso.example', type_id: 1, type: 'Server' }, 'metadata.profiles': ['host'] });
    // then
    expect(schema.validate(event).errors).toEqual([]);
  });

  it('leaves unmapped open: any attributes go there', () => {
    // given
    const valid = signIn();
    // when
    const event = patched(valid, { unmapped: { anything: { at: ['any', 'depth'] } } });
    // then
    expect(schema.validate(event).errors).toEqual([]);
  });
});
