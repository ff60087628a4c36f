import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { BootstrapTenants } from '@keyward/identity/application';
import { VerifyHandler, verifyRoute } from '@keyward/app-passwords/api';
import { scimBodyErrors, SESSION_COOKIE } from '@keyward/identity/api';
import { admissionMiddleware, AdmissionGate, bearerOf, clientAddressOf, GRAPHQL_ADMISSION, GRAPHQL_DURATION, SubscriberHost, type KeywardConfig } from '@keyward/shared/server';
import { AppModule } from './app.module';
import { seedDemoData } from './demo';

const API_PREFIXES = [
  '/graphql', '/auth', '/verify', '/health', '/metrics', '/exports', '/reports', '/leaks', '/audit', '/scim', '/.well-known', '/mail/config-v1.1.xml', '/mail/profile',
];
/**
 * The console's pages (the first segment of each of its routes, apps/console/src/app/app.routes.ts).
 * Where a page's address is also an API prefix (`/audit`, `/exports`, `/reports`), the page itself
 * is the console's and what is under it the API's. Any other path is no page: 404.
 */
const CONSOLE_SECTIONS = ['sign-in', 'signed-in-again', 'me', 'dashboard', 'app-passwords', 'users', 'incidents', 'reviews', 'policy', 'audit', 'exports', 'reports'];

/** Starts the API, the verification endpoint and the built console on one port. */
export async function serve(config: KeywardConfig, options: { withDemoData?: boolean } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  const securityHeaders = helmet({
    strictTransportSecurity: config.strictTransportSecurity ? { maxAge: 63_072_000 } : false,
    contentSecurityPolicy: {
      directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
    },
  });
  // The gateways' endpoint comes first, ahead of everything else (VerifyHandler says why).
  app.use(verifyRoute(app.get(VerifyHandler)));
  app.use(securityHeaders);
  app.use(cookieParser());
  // At most a few GraphQL operations run at once, so that none of them keeps /verify waiting long;
  // a caller is its API token or session, or its address without one.
  app.use('/graphql', (_request: Request, response: Response, next: NextFunction) => {
    const end = GRAPHQL_DURATION.startTimer();
    response.on('finish', () => end({ status: String(response.statusCode) }));
    next();
  });
  app.use('/graphql', admissionMiddleware(new AdmissionGate(GRAPHQL_ADMISSION), (request) => callerOf(request, config)));
  // SCIM sends application/scim+json, and a group's members in batches: up to 1 MB there; a body
  // it cannot read is answered in SCIM's error shape.
  app.use('/scim', express.json({ type: ['application/json', 'application/scim+json'], limit: '1mb' }), scimBodyErrors);
  app.useBodyParser('json', { limit: '64kb' });
  serveConsole(app, config.consoleDir);
  await app.init();
  const created = await app.get(BootstrapTenants).run();
  if (options.withDemoData) {
    const first = created.find((tenant) => tenant.domain === config.bootstrapDomains[0]);
    if (first) await seedDemoData(app, first);
    else app.get(Logger).log('Demo data is only added to an empty data directory; starting with the data there is.');
  }
  // Healthy means the read models hold everything, bootstrap and demo data included.
  await app.get(SubscriberHost).settled();
  await app.listen(config.port, config.host);
  // A client that sends its request slowly (slowloris) holds a socket for 20 s at most for its
  // headers and 60 s for the whole request, not Node's 60 s and 5 minutes. Responses (an export's
  // download) are not bounded by these.
  const server = app.getHttpServer() as Server;
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  app.get(Logger).log(`Keyward listening on http://${config.host}:${config.port} with data in ${config.dataDir}`);
  return app;
}

function callerOf(request: Request, config: KeywardConfig): string {
  const bearer = bearerOf(request.headers.authorization);
  if (bearer) return `token:${createHash('sha256').update(bearer).digest('base64url')}`;
  const session: unknown = request.cookies?.[SESSION_COOKIE];
  if (typeof session === 'string' && session.length > 0) return `session:${createHash('sha256').update(session).digest('base64url')}`;
  return `address:${clientAddressOf(request, config) ?? 'unknown'}`;
}

/** Whether a path is one of the console's pages (its index.html answers it). */
export function isConsolePage(path: string): boolean {
  if (path === '/') return true;
  const section = path.split('/')[1];
  if (!CONSOLE_SECTIONS.includes(section)) return false;
  return path === `/${section}` || !isApiPath(path);
}

/** Whether a path is under one of the HTTP API's prefixes: it never reaches the console's files. */
function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * The built Angular console: its files, and index.html for each of its pages. Any other path
 * answers 404 (the API's JSON, or for a browser the console's page with that status), so that an
 * API path that does not exist never looks like one that does. API paths never reach the file
 * system: a look-up per request would put every /verify behind a stat() in libuv's thread pool,
 * where argon2 also runs.
 */
function serveConsole(app: NestExpressApplication, consoleDir: string): void {
  const index = join(consoleDir, 'index.html');
  if (!existsSync(index)) return;
  const isApi = (path: string) => !isConsolePage(path) && isApiPath(path);
  // Hashed bundles may be kept for an hour; index.html, which names them, is asked for again each time.
  const assets = express.static(consoleDir, {
    index: false,
    maxAge: '1h',
    setHeaders: (response, path) => basename(path) === 'index.html' && response.setHeader('Cache-Control', 'no-cache'),
  });
  app.use((request: Request, response: Response, next: NextFunction) => (isApi(request.path) ? next() : assets(request, response, next)));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || isApi(request.path)) return next();
    const isPage = isConsolePage(request.path);
    // A mistyped address in a browser still gets the console (which goes home), with its 404.
    if (!isPage && !request.accepts('html')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.status(isPage ? 200 : 404).sendFile(index);
  });
}
