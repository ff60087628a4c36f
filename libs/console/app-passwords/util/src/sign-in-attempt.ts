/** A sign-in attempt, as timelines show it. */
export interface SignInAttempt {
  occurredAt: string;
  outcome: 'USED' | 'REJECTED';
  reason: string | null;
  protocol: string | null;
  sourceIp: string | null;
  client: string | null;
  appPasswordId: string | null;
}
