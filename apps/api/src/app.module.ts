import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Controller, Get, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { LoggerModule } from 'nestjs-pino';
import { formatGraphQLError, KeywardCoreModule, KeywardExceptionFilter, type KeywardConfig } from '@keyward/shared/server';
import { IdentityApiModule } from '@keyward/identity/api';
import { AppPasswordsApiModule } from '@keyward/app-passwords/api';
import { ComplianceApiModule } from '@keyward/compliance/api';
import { PROJECTIONS } from './projections';

@Controller('health')
class HealthController {
  @Get()
  health() {
    return { status: 'ok', service: 'keyward' };
  }
}

/** Composes the scopes' modules with the shared infrastructure, GraphQL and logging. */
@Module({})
export class AppModule {
  static forRoot(config: KeywardConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: KeywardExceptionFilter }],
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Secrets travel in these headers; they never reach a log line.
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
            autoLogging: { ignore: (request) => request.url === '/health' },
          },
        }),
        KeywardCoreModule.forRoot(config, PROJECTIONS),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: true,
          includeStacktraceInErrorResponses: false,
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
          formatError: formatGraphQLError,
          // Report (not throw) so Apollo answers a validation error instead of an internal one.
          validationRules: [maxDepthRule({ n: 10, propagateOnRejection: false, onReject: [(context, error) => context?.reportError(error)] })],
        }),
        IdentityApiModule,
        AppPasswordsApiModule,
        ComplianceApiModule,
      ],
    };
  }
}
