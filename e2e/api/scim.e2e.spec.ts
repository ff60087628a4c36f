import { ADMIN_PASSWORD, APP_PASSWORDS, AUDIT_EVENTS, ConsoleClient, createUser, eventually, generate, KeywardProcess, verify, type Json } from '@keyward/e2e/support';

const CREATE_TOKEN = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } } }`;
const USER = `query($id: ID!) { user(id: $id) { id userPrincipalName displayName roles isEnabled } }`;
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** Entra ID's "Create User" request, as its SCIM documentation shows it (enterprise extension, meta and roles included). */
const entraUser = (userName: string, externalId: string) => ({
  schemas: [USER_SCHEMA, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
  externalId,
  userName,
  active: true,
  emails: [{ primary: true, type: 'work', value: userName }],
  meta: { resourceType: 'User' },
  name: { formatted: 'Grace Hopper', familyName: 'Hopper', givenName: 'Grace' },
  roles: [],
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Navy', manager: { value: 'someone' } },
});

// SCIM 2.0 provisioning at /scim/v2, driven with RFC 7644's request shapes and Entra ID's, against
// a real Keyward: every answer's status, scimType and body, and what the console sees after.
describe('SCIM provisioning (RFC 7643/7644, as Entra ID calls it)', () => {
  const keyward = new KeywardProcess({ domains: 'contoso.example,fabrikam.example' });
  const admin = new ConsoleClient('');
  const other = new ConsoleClient('');
  let token: string;
  let tokenId: string;
  let adminId: string;

  const scim = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}, bearer: string | null = token) => {
    const response = await fetch(`${keyward.baseUrl}/scim/v2${path}`, {
      method,
      headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as Json };
  };
  const filter = (expression: string, extra = '') => scim('GET', `/Users?filter=${encodeURIComponent(expression)}${extra}`);
  const expectError = (answer: { status: number; body: Json }, status: number, scimType?: string) => {
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ schemas: [ERROR], status: String(status), ...(scimType ? { scimType } : {}) });
    expect(typeof answer.body['detail']).toBe('string');
    expect(JSON.stringify(answer.body)).not.toMatch(/at .*\.js:\d+|argon2|kwt_/);
  };
  const events = async (types: string[]) =>
    (await admin.data(AUDIT_EVENTS, { filter: { types }, first: 200 }))['auditEvents'].edges.map((edge: Json) => edge.node) as Json[];

  beforeAll(async () => {
    await keyward.start();
    for (const client of [admin, other]) (client as { baseUrl: string }).baseUrl = keyward.baseUrl;
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    await other.signIn('admin@fabrikam.example', ADMIN_PASSWORD);
    adminId = (await admin.data('{ me { id } }'))['me'].id;
    ({ token, apiToken: { id: tokenId } } = (await admin.data(CREATE_TOKEN, { input: { name: 'Entra ID provisioning', role: 'GLOBAL_ADMIN' } }))['createApiToken']);
  });
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  it('describes itself: ServiceProviderConfig, ResourceTypes and Schemas', async () => {
    const config = await scim('GET', '/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(config.body).toMatchObject({ patch: { supported: true }, bulk: { supported: false }, filter: { supported: true, maxResults: 200 }, etag: { supported: true }, sort: { supported: false } });
    expect(config.body['authenticationSchemes'][0].type).toBe('oauthbearertoken');
    const types = await scim('GET', '/ResourceTypes');
    expect(types.body['Resources'].map((type: Json) => [type.id, type.endpoint, type.schema])).toEqual([
      ['User', '/Users', USER_SCHEMA],
      ['Group', '/Groups', 'urn:ietf:params:scim:schemas:core:2.0:Group'],
    ]);
    const schemas = await scim('GET', '/Schemas');
    const user = schemas.body['Resources'].find((schema: Json) => schema.id === USER_SCHEMA);
    expect(user.attributes.map((attribute: Json) => attribute.name)).toEqual(expect.arrayContaining(['userName', 'name', 'displayName', 'active', 'emails']));
    expect((await scim('GET', `/Schemas/${USER_SCHEMA}`)).body['id']).toBe(USER_SCHEMA);
    expectError(await scim('GET', '/Schemas/urn:nothing'), 404);
    expectError(await scim('GET', '/NoSuchEndpoint'), 404);
    expectError(await scim('POST', '/Bulk', { schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], Operations: [] }), 501);
  });

  it('lets in only an API token of a global admin: no token, a console session and an auditor token are refused', async () => {
    const none = await scim('GET', '/Users', undefined, {}, null);
    expectError(none, 401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const session = await fetch(`${keyward.baseUrl}/scim/v2/Users`, { headers: { cookie: admin.sessionCookie } });
    expect(session.status).toBe(401);
    expectError(await scim('GET', '/Users', undefined, {}, 'kwt_not_a_real_token'), 401);
    await createUser(admin, 'audrey@contoso.example', ['AUDITOR'], { password: 'audrey-console-password' });
    const auditor = new ConsoleClient(keyward.baseUrl);
    await auditor.signIn('audrey@contoso.example', 'audrey-console-password');
    const auditorToken = (await auditor.data(CREATE_TOKEN, { input: { name: 'reads', role: 'AUDITOR' } }))['createApiToken'].token;
    expectError(await scim('GET', '/Users', undefined, {}, auditorToken), 403);
  });

  it("given Entra ID's create request, then the user is created with its profile, as the token, and a second create conflicts", async () => {
    // when
    const created = await scim('POST', '/Users', entraUser('Grace.Hopper@contoso.example', 'entra-0001'));
    // then
    expect(created.status).toBe(201);
    const id = created.body['id'];
    expect(created.headers.get('location')).toBe(`${keyward.baseUrl}/scim/v2/Users/${id}`);
    expect(created.headers.get('etag')).toBe('W/"0"');
    expect(created.body).toMatchObject({
      schemas: [USER_SCHEMA],
      externalId: 'entra-0001',
      userName: 'grace.hopper@contoso.example',
      displayName: 'Grace Hopper',
      name: { givenName: 'Grace', familyName: 'Hopper' },
      active: true,
      emails: [{ value: 'Grace.Hopper@contoso.example', type: 'work', primary: true }],
      meta: { resourceType: 'User', version: 'W/"0"', location: `${keyward.baseUrl}/scim/v2/Users/${id}` },
    });
    expect(created.body).not.toHaveProperty('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User');
    expect((await admin.data(USER, { id }))['user']).toMatchObject({ userPrincipalName: 'grace.hopper@contoso.example', roles: ['USER'], isEnabled: true });
    const made = (await events(['UserCreated'])).find((event) => event.streamId === `user-${id}`);
    expect(made?.actor).toBe(`token:${tokenId}`);
    // and again
    expectError(await scim('POST', '/Users', entraUser('grace.hopper@contoso.example', 'entra-0001')), 409, 'uniqueness');
  });

  it('finds users by filter (userName in any case, externalId, active, meta.lastModified) and pages with startIndex and count', async () => {
    for (const n of [1, 2, 3, 4, 5]) expect((await scim('POST', '/Users', entraUser(`pager${n}@contoso.example`, `pager-${n}`))).status).toBe(201);
    const byName = await filter('userName eq "PAGER3@contoso.example"');
    expect(byName.status).toBe(200);
    expect(byName.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 1, startIndex: 1, itemsPerPage: 1 });
    expect(byName.body['Resources'][0].userName).toBe('pager3@contoso.example');
    // Entra's "get user by query, zero results"
    expect((await filter('userName eq "non-existent user"')).body).toMatchObject({ totalResults: 0, Resources: [] });
    expect((await filter('externalId eq "pager-4"')).body['Resources'].map((user: Json) => user.userName)).toEqual(['pager4@contoso.example']);
    expect((await filter('externalId eq "PAGER-4"')).body['totalResults']).toBe(0);
    const page = await filter('userName sw "pager"', '&startIndex=2&count=2');
    expect(page.body).toMatchObject({ totalResults: 5, startIndex: 2, itemsPerPage: 2 });
    expect(page.body['Resources'].map((user: Json) => user.userName)).toEqual(['pager2@contoso.example', 'pager3@contoso.example']);
    expect((await filter('userName sw "pager" and (externalId eq "pager-1" or externalId eq "pager-5")')).body['totalResults']).toBe(2);
    const since = new Date(Date.now() - 60_000).toISOString();
    expect((await filter(`meta.lastModified gt "${since}" and userName sw "pager"`)).body['totalResults']).toBe(5);
    expect((await filter(`meta.lastModified gt "${new Date(Date.now() + 60_000).toISOString()}"`)).body['totalResults']).toBe(0);
    expect((await filter('active eq false and userName sw "pager"')).body['totalResults']).toBe(0);
    const only = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "pager1@contoso.example"')}&attributes=userName`);
    expect(Object.keys(only.body['Resources'][0]).sort()).toEqual(['id', 'schemas', 'userName']);
    expect((await scim('GET', '/Users?count=0')).body).toMatchObject({ itemsPerPage: 0, Resources: [] });
  });

  it('refuses a malformed filter, one too complex, one on an attribute it cannot filter, and bad paging, as invalidFilter or invalidValue', async () => {
    expectError(await filter('userName eq'), 400, 'invalidFilter');
    expectError(await filter('userName xx "a"'), 400, 'invalidFilter');
    expectError(await filter('((userName eq "a"'), 400, 'invalidFilter');
    expectError(await filter(Array.from({ length: 12 }, (_, i) => `userName eq "u${i}"`).join(' or ')), 400, 'invalidFilter');
    expectError(await filter(`userName eq "${'a'.repeat(1100)}"`), 400, 'invalidFilter');
    expectError(await filter('title eq "boss"'), 400, 'invalidFilter');
    expectError(await filter('meta.lastModified gt "yesterday"'), 400, 'invalidFilter');
    expectError(await filter('not (userName eq "a")'), 400, 'invalidFilter');
    expectError(await scim('GET', '/Users?startIndex=abc'), 400, 'invalidValue');
  });

  it("applies Entra ID's PATCH shapes: a multi-valued path, a sub-attribute, and a request without a path; each change bumps the version", async () => {
    const { body: user } = await scim('POST', '/Users', entraUser('patchy@contoso.example', 'patchy'));
    // Entra's "Update User [Multi-valued properties]"
    const patched = await scim('PATCH', `/Users/${user['id']}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'patchy.new@contoso.example' },
        { op: 'Replace', path: 'name.familyName', value: 'Updated' },
      ],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ emails: [{ value: 'patchy.new@contoso.example', type: 'work' }], name: { givenName: 'Grace', familyName: 'Updated' } });
    expect(patched.headers.get('etag')).toBe('W/"1"');
    // without a path
    const renamed = await scim('PATCH', `/Users/${user['id']}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { displayName: 'Patchy McPatch', externalId: 'patchy-2' } }] });
    expect(renamed.body).toMatchObject({ displayName: 'Patchy McPatch', externalId: 'patchy-2' });
    expect((await admin.data(USER, { id: user['id'] }))['user'].displayName).toBe('Patchy McPatch');
    // the same again changes nothing
    const same = await scim('PATCH', `/Users/${user['id']}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { displayName: 'Patchy McPatch' } }] });
    expect(same.headers.get('etag')).toBe(renamed.headers.get('etag'));
    // a conditional GET
    const unchanged = await fetch(`${keyward.baseUrl}/scim/v2/Users/${user['id']}`, { headers: { authorization: `Bearer ${token}`, 'if-none-match': String(renamed.headers.get('etag')) } });
    expect(unchanged.status).toBe(304);
  });

  it("carries the directory's word on MFA in Keyward's extension: created with it, turned off by Entra's PATCH (\"False\"), and shown as the DIRECTORY source", async () => {
    const KEYWARD = 'urn:ietf:params:scim:schemas:extension:keyward:2.0:User';
    const MFA = `query($id: ID!) { user(id: $id) { mfaRegistered secondFactors { mfaSources } } }`;
    // given a user the directory says has MFA
    const created = await scim('POST', '/Users', { ...entraUser('mfa.user@contoso.example', 'mfa-user'), schemas: [USER_SCHEMA, KEYWARD], [KEYWARD]: { mfaRegistered: true } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ schemas: [USER_SCHEMA, KEYWARD], [KEYWARD]: { mfaRegistered: true } });
    const id = created.body['id'];
    expect((await admin.data(MFA, { id }))['user']).toEqual({ mfaRegistered: true, secondFactors: { mfaSources: ['DIRECTORY'] } });
    // when the directory says otherwise, as Entra sends booleans
    const patched = await scim('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: `${KEYWARD}:mfaRegistered`, value: 'False' }] });
    // then
    expect(patched.status).toBe(200);
    expect(patched.body[KEYWARD]).toEqual({ mfaRegistered: false });
    expect((await admin.data(MFA, { id }))['user']).toEqual({ mfaRegistered: false, secondFactors: { mfaSources: [] } });
    const { body: schemas } = await scim('GET', '/Schemas');
    expect(JSON.stringify(schemas)).toContain(KEYWARD);
  });

  it('refuses a stale If-Match with 412 and changes nothing', async () => {
    const { body: user } = await scim('POST', '/Users', entraUser('etag@contoso.example', 'etag'));
    await scim('PATCH', `/Users/${user['id']}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: 'First' }] });
    const stale = await scim('PATCH', `/Users/${user['id']}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: 'Second' }] }, { 'if-match': 'W/"0"' });
    expectError(stale, 412);
    expect((await scim('GET', `/Users/${user['id']}`)).body['displayName']).toBe('First');
    const current = await scim('PUT', `/Users/${user['id']}`, { ...entraUser('etag@contoso.example', 'etag'), displayName: 'Put' }, { 'if-match': 'W/"1"' });
    expect(current.status).toBe(200);
    expect(current.body['displayName']).toBe('Put');
  });

  it('refuses unknown attributes, a userName outside the tenant, a changed userName, a malformed body and a wrong PatchOp, and writes nothing', async () => {
    const before = (await events(['UserCreated', 'UserProfileChanged'])).length;
    expectError(await scim('POST', '/Users', { ...entraUser('unknown@contoso.example', 'u'), favouriteColour: 'blue' }), 400, 'invalidSyntax');
    expectError(await scim('POST', '/Users', entraUser('eve@fabrikam.example', 'eve')), 400, 'invalidValue');
    expectError(await scim('POST', '/Users', entraUser('eve@elsewhere.example', 'eve')), 400, 'invalidValue');
    expectError(await scim('POST', '/Users', { schemas: [USER_SCHEMA], displayName: 'No name' }), 400, 'invalidValue');
    expectError(await scim('POST', '/Users', { userName: 'noschemas@contoso.example' }), 400, 'invalidSyntax');
    expectError(await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'bad@contoso.example', active: 'yes' }), 400, 'invalidValue');
    expectError(await scim('POST', '/Users', '{"schemas": ['), 400, 'invalidSyntax');
    const { body: user } = await scim('POST', '/Users', entraUser('fixed@contoso.example', 'fixed'));
    expectError(await scim('PATCH', `/Users/${user['id']}`, { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'userName', value: 'moved@contoso.example' }] }), 400, 'mutability');
    expectError(await scim('PATCH', `/Users/${user['id']}`, { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'favouriteColour', value: 'x' }] }), 400, 'invalidPath');
    expectError(await scim('PATCH', `/Users/${user['id']}`, { Operations: [{ op: 'Replace', path: 'displayName', value: 'x' }] }), 400, 'invalidSyntax');
    expectError(await scim('PATCH', `/Users/${user['id']}`, { schemas: [PATCH_OP], Operations: [{ op: 'Move', path: 'displayName', value: 'x' }] }), 400, 'invalidSyntax');
    expectError(await scim('PATCH', `/Users/${user['id']}`, { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'displayName', value: 'Line\nbreak' }] }), 400, 'invalidValue');
    expectError(await scim('GET', '/Users/no-such-user'), 404);
    expect((await events(['UserCreated', 'UserProfileChanged'])).length).toBe(before + 1);
    expect((await scim('GET', `/Users/${user['id']}`)).body['userName']).toBe('fixed@contoso.example');
  });

  it("given a user with an app password and a console session, when Entra sets active to \"False\", then the user is disabled with every effect of disableUser", async () => {
    // given: an existing console user, whom the directory finds by userName
    const user = await createUser(admin, 'leaver@contoso.example', ['USER'], { password: 'leaver-console-password' });
    const { secret, appPassword } = await generate(admin, user.id, 'Phone');
    expect((await verify(keyward.baseUrl, 'leaver@contoso.example', secret)).status).toBe(204);
    const leaver = new ConsoleClient(keyward.baseUrl);
    await leaver.signIn('leaver@contoso.example', 'leaver-console-password');
    const found = await filter('userName eq "leaver@contoso.example"');
    expect(found.body['Resources'][0].id).toBe(user.id);
    // when: Entra's "Disable User", with its string boolean
    const disabled = await scim('PATCH', `/Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] });
    // then
    expect(disabled.status).toBe(200);
    expect(disabled.body['active']).toBe(false);
    expect((await admin.data(USER, { id: user.id }))['user'].isEnabled).toBe(false);
    expect((await verify(keyward.baseUrl, 'leaver@contoso.example', secret)).status).toBe(401);
    expect((await leaver.graphql('{ me { id } }')).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    // the tenant policy revokes a disabled user's app passwords (revokesOnDisable, on by default)
    const status = async () => (await admin.data(APP_PASSWORDS, { filter: { ids: [appPassword.id] } }))['appPasswords'].edges[0]?.node.status;
    await eventually(async () => ((await status()) === 'REVOKED' ? true : undefined));
    expect((await filter('active eq false and userName eq "leaver@contoso.example"')).body['totalResults']).toBe(1);
    // and back
    const enabled = await scim('PATCH', `/Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] });
    expect(enabled.body['active']).toBe(true);
  });

  it('given a user, when the directory deletes it, then it is disabled with its history kept, gone from SCIM, and provisioned again comes back', async () => {
    const { body: user } = await scim('POST', '/Users', entraUser('temp@contoso.example', 'temp'));
    // when
    const deleted = await scim('DELETE', `/Users/${user['id']}`);
    // then
    expect(deleted.status).toBe(204);
    expectError(await scim('GET', `/Users/${user['id']}`), 404);
    expectError(await scim('DELETE', `/Users/${user['id']}`), 404);
    expectError(await scim('PATCH', `/Users/${user['id']}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: 'x' }] }), 404);
    expect((await filter('userName eq "temp@contoso.example"')).body['totalResults']).toBe(0);
    expect((await admin.data(USER, { id: user['id'] }))['user']).toMatchObject({ isEnabled: false, userPrincipalName: 'temp@contoso.example' });
    // and provisioned again
    const again = await scim('POST', '/Users', { ...entraUser('temp@contoso.example', 'temp-2'), displayName: 'Temp Again' });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: user['id'], active: true, displayName: 'Temp Again', externalId: 'temp-2' });
  });

  it('maps groups to roles: members of "Keyward Auditors" hold AUDITOR, added and removed by Entra\'s PATCH shapes', async () => {
    const { body: user } = await scim('POST', '/Users', entraUser('member@contoso.example', 'member'));
    const groups = await scim('GET', '/Groups');
    expect(groups.body['Resources'].map((group: Json) => [group.id, group.displayName])).toEqual([
      ['GLOBAL_ADMIN', 'Keyward Global Admins'],
      ['AUDITOR', 'Keyward Auditors'],
      ['INCIDENT_RESPONDER', 'Keyward Incident Responders'],
    ]);
    // Entra looks the group up by its name, then adds members
    const byName = await scim('GET', `/Groups?filter=${encodeURIComponent('displayName eq "Keyward Auditors"')}&excludedAttributes=members`);
    expect(byName.body['Resources']).toEqual([expect.objectContaining({ id: 'AUDITOR', displayName: 'Keyward Auditors' })]);
    expect(byName.body['Resources'][0]).not.toHaveProperty('members');
    const added = await scim('PATCH', '/Groups/AUDITOR', { schemas: [PATCH_OP], Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: user['id'] }] }] });
    expect(added.status).toBe(204);
    expect((await admin.data(USER, { id: user['id'] }))['user'].roles.sort()).toEqual(['AUDITOR', 'USER']);
    const member = await scim('GET', `/Groups?filter=${encodeURIComponent(`id eq "AUDITOR" and members[value eq "${user['id']}"]`)}`);
    expect(member.body['totalResults']).toBe(1);
    expect((await scim('GET', `/Users/${user['id']}`)).body['groups']).toEqual([expect.objectContaining({ value: 'AUDITOR', display: 'Keyward Auditors' })]);
    // removed, by a filtered path
    const removed = await scim('PATCH', '/Groups/AUDITOR', { schemas: [PATCH_OP], Operations: [{ op: 'Remove', path: `members[value eq "${user['id']}"]` }] });
    expect(removed.status).toBe(204);
    expect((await admin.data(USER, { id: user['id'] }))['user'].roles).toEqual(['USER']);
    // "creating" a mapped group adopts it; an unmapped one, a rename and a delete are refused
    const adopted = await scim('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Keyward Incident Responders', members: [{ value: user['id'] }] });
    expect(adopted.status).toBe(201);
    expect(adopted.body['members'].map((m: Json) => m.value)).toContain(user['id']);
    expectError(await scim('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Sales' }), 400, 'invalidValue');
    expectError(await scim('PATCH', '/Groups/AUDITOR', { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'displayName', value: 'Renamed' }] }), 400, 'mutability');
    expectError(await scim('PATCH', '/Groups/AUDITOR', { schemas: [PATCH_OP], Operations: [{ op: 'Add', path: 'members', value: [{ value: 'no-such-user' }] }] }), 400, 'invalidValue');
    expectError(await scim('DELETE', '/Groups/AUDITOR'), 400, 'mutability');
    expectError(await scim('GET', '/Groups/ROOT'), 404);
  });

  it("applies RFC 7644 3.5.2's group shapes: add with display and $ref, replace all members, remove all members", async () => {
    const one = (await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'bjensen@contoso.example', externalId: 'bjensen', name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' } })).body;
    const two = (await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'jsmith@contoso.example', externalId: 'jsmith' })).body;
    expect([one['displayName'], two['displayName']]).toEqual(['Ms. Barbara J Jensen III', 'jsmith@contoso.example']);
    const members = async () => ((await scim('GET', '/Groups/INCIDENT_RESPONDER')).body['members'] as Json[]).map((member) => member.value).sort();
    const before = await members();
    await scim('PATCH', '/Groups/INCIDENT_RESPONDER', { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ display: 'Babs Jensen', $ref: `${keyward.baseUrl}/scim/v2/Users/${one['id']}`, value: one['id'] }] }] });
    expect(await members()).toEqual([...before, one['id']].sort());
    await scim('PATCH', '/Groups/INCIDENT_RESPONDER', { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'members', value: [{ value: two['id'] }] }] });
    expect(await members()).toEqual([two['id']]);
    await scim('PATCH', '/Groups/INCIDENT_RESPONDER', { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'members' }] });
    expect(await members()).toEqual([]);
    expect((await admin.data(USER, { id: two['id'] }))['user'].roles).toEqual(['USER']);
  });

  it('never lets the directory lock out the user whose token it uses', async () => {
    expectError(await scim('PATCH', `/Users/${adminId}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] }), 403);
    expectError(await scim('DELETE', `/Users/${adminId}`), 403);
    expectError(await scim('PATCH', '/Groups/GLOBAL_ADMIN', { schemas: [PATCH_OP], Operations: [{ op: 'Remove', path: 'members', value: [{ value: adminId }] }] }), 403);
    expect((await admin.data(USER, { id: adminId }))['user']).toMatchObject({ isEnabled: true, roles: expect.arrayContaining(['GLOBAL_ADMIN']) });
  });

  it("keeps tenants apart: another tenant's token sees none of these users and cannot touch them", async () => {
    const otherToken = (await other.data(CREATE_TOKEN, { input: { name: 'fabrikam provisioning', role: 'GLOBAL_ADMIN' } }))['createApiToken'].token;
    const { body: user } = await scim('POST', '/Users', entraUser('private@contoso.example', 'private'));
    expect((await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "private@contoso.example"')}`, undefined, {}, otherToken)).body['totalResults']).toBe(0);
    expectError(await scim('GET', `/Users/${user['id']}`, undefined, {}, otherToken), 404);
    expectError(await scim('PATCH', `/Users/${user['id']}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] }, {}, otherToken), 404);
    expectError(await scim('DELETE', `/Users/${user['id']}`, undefined, {}, otherToken), 404);
    expectError(await scim('PATCH', '/Groups/AUDITOR', { schemas: [PATCH_OP], Operations: [{ op: 'Add', path: 'members', value: [{ value: user['id'] }] }] }, {}, otherToken), 400, 'invalidValue');
    expect((await scim('GET', `/Users/${user['id']}`)).body['active']).toBe(true);
  });
});
