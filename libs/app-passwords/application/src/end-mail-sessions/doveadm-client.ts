/** What a kick came to: sessions ended, none open, or Dovecot could not be reached. */
export type KickOutcome = 'kicked' | 'no-sessions' | 'failed';

const TIMEOUT_MS = 3000;

/** The one doveadm HTTP API command Keyward needs: `kick` a user's sessions. */
export class DoveadmClient {
  constructor(
    private readonly url: string,
    private readonly apiKey: string,
  ) {}

  async kick(userPrincipalName: string): Promise<KickOutcome> {
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `X-Dovecot-API ${Buffer.from(this.apiKey).toString('base64')}`,
        },
        body: JSON.stringify([['kick', { mask: [userPrincipalName] }, 'keyward']]),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok) return 'failed';
      const [[kind, result]] = (await response.json()) as [string, { exitCode?: number }][];
      if (kind === 'doveadmResponse') return 'kicked';
      // doveadm's exit code 68: no such user connected.
      return kind === 'error' && result.exitCode === 68 ? 'no-sessions' : 'failed';
    } catch {
      return 'failed';
    }
  }
}
