import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { from, mergeMap, type Observable } from 'rxjs';
import { SubscriberHost } from './subscriber-host';

/** A projection stuck retrying a failing event must not hold every mutation: past this, answer anyway. */
const MAX_WAIT_MS = 3000;

/**
 * Answers a GraphQL mutation only once this node's read models hold what it wrote, so the
 * console's next query shows the change (read-your-writes on the node that took the write).
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(private readonly subscribers: SubscriberHost) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const info = context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getInfo() : undefined;
    // The mutation's own field, not the fields of what it answers with.
    const isMutation = info?.operation?.operation === 'mutation' && info.parentType?.name === 'Mutation';
    if (!isMutation) return next.handle();
    return next.handle().pipe(mergeMap((result) => from(this.settled().then(() => result))));
  }

  private settled(): Promise<void> {
    return readModelsSettled(this.subscribers);
  }
}

/**
 * Resolves once this node's read models hold every event appended before the call, or after
 * MAX_WAIT_MS: for a mutation that answers with what it wrote, read from a read model.
 */
export function readModelsSettled(subscribers: SubscriberHost): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, MAX_WAIT_MS)));
  return Promise.race([subscribers.settled(), limit]).finally(() => clearTimeout(timer));
}
