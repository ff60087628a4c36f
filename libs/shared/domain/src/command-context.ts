import type { Actor } from './event';

/** What every command carries besides its own data: who, where, when, and why (correlation). */
export interface CommandContext {
  readonly actor: Actor;
  readonly tenantId: string;
  readonly now: Date;
  readonly correlationId: string;
  readonly causationId?: string;
  /** The client address of the request that asked (from trusted proxies only): "from where" in the audit trail (PCI DSS 10.2.2). */
  readonly sourceIp?: string | null;
}
