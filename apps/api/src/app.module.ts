import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import {
  CorrelationIdMiddleware,
  formatGraphQLError,
  GRAPHQL_LIMITS,
  GRAPHQL_VALIDATION_RULES,
  graphqlLimitsPlugin,
  KeywardCoreModule,
  KeywardExceptionFilter,
  ReadYourWritesInterceptor,
  YieldToEventLoopInterceptor,
  type Clock,
  type KeywardConfig,
} from '@keyward/shared/server';
import { IdentityApiModule } from '@keyward/identity/api';
import { AppPasswordsApiModule } from '@keyward/app-passwords/api';
import { AppPasswordsApplicationModule } from '@keyward/app-passwords/application';
import { ComplianceApiModule } from '@keyward/compliance/api';
import { ComplianceSiemModule } from '@keyward/compliance/siem';
import { IncidentsApiModule } from '@keyward/incidents/api';
import { DeadLettersResolver } from './operations/dead-letters.resolver';
import { HealthController } from './operations/health.controller';
import { MetricsController, MetricsService } from './operations/metrics.controller';
import { PROJECTIONS } from './projections';

/** Composes the scopes' modules with the shared infrastructure, GraphQL and logging. */
@Module({})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes('*path');
  }

  /** `clock`: for tests that move time; the wall clock otherwise. */
  static forRoot(config: KeywardConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController, MetricsController],
      providers: [
        DeadLettersResolver,
        MetricsService,
        { provide: APP_FILTER, useClass: KeywardExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: YieldToEventLoopInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
      ],
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Secrets travel in these headers; they never reach a log line.
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
            autoLogging: { ignore: (request) => request.url?.startsWith('/health') === true || request.url === '/metrics' },
            // One short line per request: what, from where, how it ended. Full headers cost the
            // verify path time and say nothing an operator needs.
            serializers: {
              req: (request: { id: unknown; method: string; url: string; remoteAddress: string }) => ({
                id: request.id,
                method: request.method,
                url: request.url,
                remoteAddress: request.remoteAddress,
              }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
          },
        }),
        KeywardCoreModule.forRoot(config, PROJECTIONS, clock),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          // Signed-in callers only: graphqlLimitsPlugin refuses it to anyone else.
          introspection: true,
          includeStacktraceInErrorResponses: false,
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
          formatError: formatGraphQLError,
          parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
          validationRules: GRAPHQL_VALIDATION_RULES,
          plugins: [graphqlLimitsPlugin()],
          // Field resolvers too pass through the interceptors: each yields to the event loop first.
          fieldResolverEnhancers: ['interceptors'],
        }),
        IdentityApiModule,
        AppPasswordsApiModule,
        // The verification's throttle and argon2 queue, for the metrics.
        AppPasswordsApplicationModule,
        ComplianceApiModule,
        ComplianceSiemModule,
        IncidentsApiModule,
      ],
    };
  }
}
