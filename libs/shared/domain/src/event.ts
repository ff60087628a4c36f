/** A domain event as the deciders produce it: an explicit, never-changing type name and its data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * Who caused a change: a console user (`user:<id>`), an API token acting for its creator
 * (`token:<id>`: its stream names the creator), a background process (`system:<name>`) or a
 * gateway asking for verification (`gateway:<name>`).
 */
export type Actor = `user:${string}` | `token:${string}` | `system:${string}` | `gateway:${string}`;

/** Metadata stored with every event. */
export interface EventMetadata {
  readonly tenantId: string;
  readonly actor: Actor;
  /** ISO-8601 UTC, from the injected clock. */
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly sourceIp?: string;
  readonly protocol?: string;
  readonly client?: string;
}

/** Fails to compile when a switch over a union misses a case. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
