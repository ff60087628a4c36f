import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';
import { ADMIN_PASSWORD, ConsoleClient, KeywardProcess } from '@keyward/e2e/support';

const SCHEMA_FILE = join(__dirname, '../../docs/api/schema.graphql');

// docs/api/schema.graphql is the schema for those who may not introspect (anonymous callers) and
// for client generators. It is printed from the running server; `npm run schema` writes it anew.
describe('the published GraphQL schema', () => {
  const keyward = new KeywardProcess();
  beforeAll(() => keyward.start());
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  it('is the schema the server serves', async () => {
    // given
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    // when
    const served = `${printSchema(buildClientSchema(await admin.data<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true }))))}\n`;
    if (process.env['KEYWARD_WRITE_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, served);
    // then
    const published = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (published !== served) throw new Error('docs/api/schema.graphql differs from the served schema: run `npm run schema` and commit it.');
    expect(published).toContain('type Query');
  });

  it("types the console's operations: each is valid against it, and the generated types are up to date", async () => {
    // GraphQL Code Generator validates every operation against the file and compares what it would write with what is committed.
    const root = join(__dirname, '../..');
    const result = await promisify(execFile)(join(root, 'node_modules/.bin/graphql-codegen'), ['--config', 'codegen.ts', '--check'], { cwd: root }).then(
      () => ({ code: 0, output: '' }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
    );
    if (result.code !== 0) throw new Error(`The console's generated GraphQL types are stale or an operation is invalid: run \`npm run codegen\` and commit.\n${result.output}`);
  });
});
