import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, switchMap, type Observable } from 'rxjs';

/**
 * Lets the event loop breathe before every GraphQL resolver. SQLite answers synchronously, and a
 * resolver's promise settles in a microtask, so without a pause a whole operation of hundreds of
 * resolvers runs as one block, and a gateway's /verify waits for all of it. With one, a pending
 * /verify runs between two resolvers: it waits for one resolver at most, not for an operation.
 */
@Injectable()
export class YieldToEventLoopInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    return from(new Promise<void>((resolve) => setImmediate(resolve))).pipe(switchMap(() => next.handle()));
  }
}
