import type { Actor } from './event';

/** What every command carries besides its own data: who, where, when, and why (correlation). */
export interface CommandContext {
  readonly actor: Actor;
  readonly tenantId: string;
  readonly now: Date;
  readonly correlationId: string;
  readonly causationId?: string;
}
