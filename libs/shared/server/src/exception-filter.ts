import { ArgumentsHost, Catch, HttpStatus } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { isDomainError, type DomainErrorCode } from '@keyward/shared/domain';

const HTTP_STATUS: Record<DomainErrorCode, number> = {
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  POLICY_VIOLATION: HttpStatus.UNPROCESSABLE_ENTITY,
  STEP_UP_REQUIRED: HttpStatus.FORBIDDEN,
};

/**
 * GraphQL errors go back to Apollo untouched (formatGraphQLError gives them their code); on
 * HTTP routes a domain refusal becomes its status, and everything else gets Nest's handling
 * (client errors keep their status, the rest is a logged 500 without details).
 */
@Catch()
export class KeywardExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    if (isDomainError(exception)) {
      const response = host.switchToHttp().getResponse<Response>();
      // DESIGN §8: an export without a recent authentication answers {"error":"step_up_required"}.
      const error = exception.code === 'STEP_UP_REQUIRED' ? { error: 'step_up_required' } : {};
      response.status(HTTP_STATUS[exception.code]).json({ ...error, code: exception.code, message: exception.message });
      return undefined;
    }
    const clientStatus = clientErrorStatus(exception);
    if (clientStatus !== null) {
      // A client's mistake caught below Nest (body parser: malformed JSON, too large): no error log.
      const response = host.switchToHttp().getResponse<Response>();
      response.status(clientStatus).json({ statusCode: clientStatus, message: (exception as Error).message });
      return undefined;
    }
    return super.catch(exception, host);
  }
}

function clientErrorStatus(exception: unknown): number | null {
  if (typeof exception !== 'object' || exception === null || !('expose' in exception)) return null;
  const status = (exception as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}
