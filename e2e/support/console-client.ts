/**
 * Loosely typed JSON: black-box tests read answers by path and assert on them, so a static type
 * would only repeat the assertion.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** A GraphQL response: data and/or errors with their codes. */
export interface GraphQLResponse<T = Json> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Talks to Keyward as the console does: session cookie from /auth/login, then GraphQL. */
export class ConsoleClient {
  private cookie = '';

  constructor(readonly baseUrl: string) {}

  async signIn(userPrincipalName: string, password: string, extra: Record<string, unknown> = {}): Promise<number> {
    return (await this.signInResponse(userPrincipalName, password, extra)).status;
  }

  /** Signs in (with `otp` or `passkey` in `extra` for a user with a second factor) and hands back the answer. */
  async signInResponse(userPrincipalName: string, password: string, extra: Record<string, unknown> = {}): Promise<Response> {
    const response = await fetch(`${this.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userPrincipalName, password, ...extra }),
    });
    const setCookie = response.headers.get('set-cookie') ?? '';
    this.cookie = setCookie.split(';')[0];
    return response;
  }

  /** POST /auth/step-up with this session: the password again, and the second factor when the user has one. */
  async stepUp(password: string, extra: Record<string, unknown> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}/auth/step-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie },
      body: JSON.stringify({ password, ...extra }),
    });
  }

  get sessionCookie(): string {
    return this.cookie;
  }

  async graphql<T = Json>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** Runs a query and fails with the server's message if it returned errors. */
  async data<T = Json>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.graphql<T>(query, variables);
    if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  }
}

export function basic(userName: string, password: string): string {
  return `Basic ${Buffer.from(`${userName}:${password}`, 'utf8').toString('base64')}`;
}

/** GET /verify as nginx auth_request sends it. */
export async function verify(baseUrl: string, userName: string, password: string, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}/verify`, { headers: { authorization: basic(userName, password), ...headers } });
}

/** Polls until `check` returns a value that is not undefined (read models are eventually consistent). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
