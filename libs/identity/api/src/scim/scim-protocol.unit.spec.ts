import { pageOf, parseUserFilter, patchUser, projectionOf, readUserBody, requirePatchOp, ScimError, USER_SCHEMA, PATCH_OP } from './scim-protocol';

const refusal = (run: () => unknown): { status: number; scimType: string | null } => {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return { status: error.status, scimType: error.scimType };
    throw error;
  }
  throw new Error('not refused');
};

describe('SCIM filters', () => {
  it('given the filters Entra ID sends, when parsed, then each becomes the user-list conditions, in disjunctive form', () => {
    expect(parseUserFilter('userName eq "Alice@Contoso.Example"')).toEqual([[{ attribute: 'userName', operator: 'eq', value: 'Alice@Contoso.Example' }]]);
    expect(parseUserFilter('externalId eq "e-1" and active eq true')).toEqual([
      [
        { attribute: 'externalId', operator: 'eq', value: 'e-1' },
        { attribute: 'active', operator: 'eq', value: true },
      ],
    ]);
    expect(parseUserFilter('meta.lastModified gt "2026-01-01T00:00:00+01:00"')).toEqual([[{ attribute: 'meta.lastModified', operator: 'gt', value: '2025-12-31T23:00:00.000Z' }]]);
    expect(parseUserFilter('userName sw "a" and (displayName co "b" or emails.value ew "c")')).toHaveLength(2);
    expect(parseUserFilter('name.givenName pr')).toEqual([[{ attribute: 'name.givenName', operator: 'pr' }]]);
  });

  it('given a string boolean, as some clients send it, when active is filtered, then it reads as the boolean', () => {
    expect(parseUserFilter('active eq "False"')).toEqual([[{ attribute: 'active', operator: 'eq', value: false }]]);
  });

  it.each([
    ['userName eq', 'no value'],
    ['userName xx "a"', 'an unknown operator'],
    ['((userName eq "a"', 'an unclosed parenthesis'],
    ['title eq "boss"', 'an attribute the list cannot filter'],
    ['active gt true', 'an ordering of a boolean'],
    ['meta.created ge "last week"', 'a date that is none'],
    ['userName eq 12', 'a number for a string'],
    ['not (userName eq "a")', '"not"'],
    ['emails[type eq "work"].value eq "a"', 'a value filter inside a path'],
    [Array.from({ length: 12 }, (_, i) => `userName eq "${i}"`).join(' or '), 'more than ten "or"s'],
    [`userName eq "${'x'.repeat(1001)}"`, 'more than 1000 characters'],
  ])('refuses %j (%s) as invalidFilter', (expression) => {
    expect(refusal(() => parseUserFilter(expression))).toEqual({ status: 400, scimType: 'invalidFilter' });
  });

  it('counts "or" only outside quoted values', () => {
    expect(parseUserFilter(`displayName eq "${Array.from({ length: 20 }, () => 'or').join(' ')}"`)).toHaveLength(1);
  });
});

describe('SCIM bodies', () => {
  it('given a User body, when read, then it is coerced through the schema and read-only attributes are dropped', () => {
    const read = readUserBody({ schemas: [USER_SCHEMA], userName: 'a@contoso.example', id: 'chosen-by-client', meta: { created: 'x' }, groups: [{ value: 'GLOBAL_ADMIN' }], active: true });
    expect(read).toMatchObject({ userName: 'a@contoso.example', active: true });
    expect(read).not.toHaveProperty('id');
    expect(read).not.toHaveProperty('groups');
  });

  it.each([
    [{ schemas: [USER_SCHEMA], userName: 'a@contoso.example', colour: 'blue' }, 'invalidSyntax'],
    [{ userName: 'a@contoso.example' }, 'invalidSyntax'],
    [[], 'invalidSyntax'],
    [{ schemas: [USER_SCHEMA], displayName: 'no userName' }, 'invalidValue'],
    [{ schemas: [USER_SCHEMA], userName: 'a@contoso.example', active: 'sometimes' }, 'invalidValue'],
    [{ schemas: [USER_SCHEMA], userName: 'a@contoso.example', emails: 'a@contoso.example' }, 'invalidValue'],
  ])('refuses %j as %s', (body, scimType) => {
    expect(refusal(() => readUserBody(body))).toEqual({ status: 400, scimType });
  });

  it("given Entra ID's PatchOp habits (capitalised op, \"False\" for a boolean), when checked, then they are read as RFC 7644 says", () => {
    expect(requirePatchOp({ schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] }).Operations).toEqual([{ op: 'replace', path: 'active', value: false }]);
    expect(requirePatchOp({ schemas: [PATCH_OP], Operations: [{ op: 'Add', value: { active: 'True', displayName: 'True' } }] }).Operations).toEqual([
      { op: 'add', value: { active: true, displayName: 'True' } },
    ]);
    expect(refusal(() => requirePatchOp({ schemas: [PATCH_OP], Operations: [] }))).toEqual({ status: 400, scimType: 'invalidSyntax' });
    expect(refusal(() => requirePatchOp({ schemas: [PATCH_OP], Operations: [{ op: 'copy' }] }))).toEqual({ status: 400, scimType: 'invalidSyntax' });
  });

  it('given a user, when a PatchOp replaces a multi-valued sub-attribute by filter, then only that value changes', async () => {
    const user = { schemas: [USER_SCHEMA], userName: 'a@contoso.example', emails: [{ value: 'a@contoso.example', type: 'work', primary: true }], name: { givenName: 'A' } };
    const patched = await patchUser(user, { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'emails[type eq "work"].value', value: 'b@contoso.example' }] });
    expect(patched).toMatchObject({ emails: [{ value: 'b@contoso.example', type: 'work', primary: true }], name: { givenName: 'A' } });
    await expect(patchUser(user, { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'colour', value: 'x' }] })).rejects.toMatchObject({ status: 400, scimType: 'invalidPath' });
  });
});

describe('SCIM paging and attribute selection', () => {
  it('reads startIndex and count as RFC 7644 3.4.2.4 says: below 1 is 1, a negative count is 0, at most 200', () => {
    expect(pageOf({})).toEqual({ startIndex: 1, count: 100 });
    expect(pageOf({ startIndex: '0', count: '-5' })).toEqual({ startIndex: 1, count: 0 });
    expect(pageOf({ startIndex: '7', count: '100000' })).toEqual({ startIndex: 7, count: 200 });
    expect(refusal(() => pageOf({ count: 'ten' }))).toEqual({ status: 400, scimType: 'invalidValue' });
  });

  it('returns the attributes asked for, always with id and schemas, and leaves out the excluded ones', () => {
    const resource = { schemas: [USER_SCHEMA], id: '1', userName: 'a', name: { givenName: 'A' }, active: true };
    expect(projectionOf({ attributes: 'userName,name.givenName' })(resource)).toEqual({ schemas: [USER_SCHEMA], id: '1', userName: 'a', name: { givenName: 'A' } });
    expect(projectionOf({ excludedAttributes: 'name,id' })(resource)).toEqual({ schemas: [USER_SCHEMA], id: '1', userName: 'a', active: true });
  });
});
