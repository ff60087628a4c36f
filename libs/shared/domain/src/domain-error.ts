/** The kinds of refusal a command or query can end in; each maps to one GraphQL error code. */
export type DomainErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'POLICY_VIOLATION'
  /** A sensitive operation from a console session whose last authentication is not recent (DESIGN §8). */
  | 'STEP_UP_REQUIRED';

/**
 * A refusal decided by the domain or an application handler. Its message is written for the
 * person who made the request and never contains secrets or internals.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new DomainError('BAD_USER_INPUT', message, details);
export const notFound = (message: string) => new DomainError('NOT_FOUND', message);
export const forbidden = (message = 'You are not allowed to do this.') =>
  new DomainError('FORBIDDEN', message);
export const conflict = (message: string, details?: Record<string, unknown>) => new DomainError('CONFLICT', message, details);
export const policyViolation = (message: string, details?: Record<string, unknown>) =>
  new DomainError('POLICY_VIOLATION', message, details);

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
