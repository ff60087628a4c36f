/** What a kick came to: sessions ended, none open, or Dovecot could not be reached. */
export type KickOutcome = 'kicked' | 'no-sessions' | 'failed';

const TIMEOUT_MS = 10_000;
/** Commands in one request to doveadm: a revocation case's users are kicked a few hundred at a time. */
const PER_REQUEST = 500;

/** The one doveadm HTTP API command Keyward needs: `kick` users' sessions. */
export class DoveadmClient {
  constructor(
    private readonly url: string,
    private readonly apiKey: string,
  ) {}

  /**
   * Kicks each user's sessions, many users per request (doveadm's HTTP API takes a list of
   * commands, each with a tag that its answer carries back).
   */
  async kick(userPrincipalNames: readonly string[]): Promise<Map<string, KickOutcome>> {
    const outcomes = new Map<string, KickOutcome>();
    const users = [...new Set(userPrincipalNames)];
    for (let start = 0; start < users.length; start += PER_REQUEST) {
      const batch = users.slice(start, start + PER_REQUEST);
      const answers = await this.send(batch.map((user, index) => ['kick', { mask: [user] }, `k${index}`]));
      batch.forEach((user, index) => outcomes.set(user, outcomeOf(answers?.get(`k${index}`))));
    }
    return outcomes;
  }

  /** The answers by tag, or null when Dovecot could not be reached or refused the request. */
  private async send(commands: unknown[]): Promise<Map<string, [string, { exitCode?: number }]> | null> {
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `X-Dovecot-API ${Buffer.from(this.apiKey).toString('base64')}`,
        },
        body: JSON.stringify(commands),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok) return null;
      const answers = (await response.json()) as [string, { exitCode?: number }, string][];
      return new Map(answers.map(([kind, result, tag]) => [tag, [kind, result]]));
    } catch {
      return null;
    }
  }
}

function outcomeOf(answer: [string, { exitCode?: number }] | undefined): KickOutcome {
  if (!answer) return 'failed';
  const [kind, result] = answer;
  if (kind === 'doveadmResponse') return 'kicked';
  // doveadm's exit code 68: no such user connected.
  return kind === 'error' && result?.exitCode === 68 ? 'no-sessions' : 'failed';
}
