import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { from, mergeMap, type Observable } from 'rxjs';
import { ProjectionHost } from './keyward-core.module';

/**
 * Answers a GraphQL mutation only once this node's read models hold what it wrote, so the
 * console's next query shows the change (read-your-writes on the node that took the write).
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(private readonly projections: ProjectionHost) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const isMutation =
      context.getType<string>() === 'graphql' && GqlExecutionContext.create(context).getInfo()?.operation?.operation === 'mutation';
    if (!isMutation) return next.handle();
    return next.handle().pipe(mergeMap((result) => from(this.projections.settled().then(() => result))));
  }
}
