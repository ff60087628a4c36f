import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { isDomainError, type DomainErrorCode } from '@keyward/shared/domain';
import { VersionMismatch } from '@keyward/identity/application';
import { SCIM_CONTENT_TYPE, ScimError, type ScimType } from './scim-protocol';

const FROM_DOMAIN: Record<DomainErrorCode, [number, ScimType | null]> = {
  UNAUTHENTICATED: [401, null],
  FORBIDDEN: [403, null],
  BAD_USER_INPUT: [400, 'invalidValue'],
  NOT_FOUND: [404, null],
  CONFLICT: [409, 'uniqueness'],
  POLICY_VIOLATION: [400, 'invalidValue'],
  // SCIM takes API tokens only, which need no step-up; kept for completeness.
  STEP_UP_REQUIRED: [403, null],
};

/** Every refusal on /scim/v2 in RFC 7644 3.12's shape; anything unexpected is a logged 500 without details. */
export function scimErrorOf(exception: unknown): ScimError | null {
  if (exception instanceof ScimError) return exception;
  if (exception instanceof VersionMismatch) return new ScimError(412, null, exception.message);
  if (isDomainError(exception)) {
    const [status, scimType] = FROM_DOMAIN[exception.code];
    return new ScimError(status, scimType, exception.message);
  }
  if (exception instanceof HttpException && exception.getStatus() < 500) return new ScimError(exception.getStatus(), null, exception.message);
  // The body parser's refusals: malformed JSON, too large.
  const status = (exception as { status?: unknown; expose?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500 && (exception as { expose?: unknown }).expose) {
    return new ScimError(status, status === 400 ? 'invalidSyntax' : null, status === 400 ? 'The body is not JSON.' : (exception as Error).message);
  }
  return null;
}

export function sendScimError(response: Response, error: ScimError): void {
  if (error.status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="Keyward SCIM"');
  response.status(error.status).type(SCIM_CONTENT_TYPE).send(JSON.stringify(error));
}

@Catch()
export class ScimExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('SCIM');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const error = scimErrorOf(exception);
    if (error) return sendScimError(response, error);
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    sendScimError(response, new ScimError(500, null, 'Keyward could not complete this request; it is logged. Try again.'));
  }
}

/** Express error middleware behind /scim's body parser: a body it cannot read gets SCIM's error shape. */
export function scimBodyErrors(error: unknown, _request: unknown, response: Response, next: (error?: unknown) => void): void {
  const scimError = scimErrorOf(error);
  if (scimError) return sendScimError(response, scimError);
  next(error);
}
