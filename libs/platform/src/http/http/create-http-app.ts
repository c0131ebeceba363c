import helmet from '@fastify/helmet';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { migrateAtBootIfEnabled } from '../../database/infrastructure/migrate';
import { acceptCorrelationId, runInLogScope } from '../../context/application/request-context';
import { PinoNestLogger } from '../../logging/infrastructure/logger';
import { MetricsRegistry } from '../../metrics/infrastructure/metrics.registry';
import { PlatformModule, PlatformOptions } from '../../platform.module';
import { installBodyGuards } from './body-guards';
import { buildOpenApiDocument } from './openapi';
import { HttpFoundationModule } from './http-foundation.module';
import { STRICT_CONTENT_SECURITY_POLICY, relaxContentSecurityPolicyForDocs } from './content-security-policy';
import { isOperationsPath, operationsExposure, serveOperationsEndpoints } from './operations-endpoints';
import { PLATFORM_ERROR_STATUS } from './problem-details';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation';

/** What an HTTP app says about itself when it is built. */
export interface HttpAppOptions extends PlatformOptions {
  /** Shown in the OpenAPI document. */
  title: string;
  description: string;
  /** The app's own domain error codes and their HTTP status, on top of the platform's. */
  errorStatus?: Readonly<Record<string, number>>;
  /** Accept `application/x-www-form-urlencoded` bodies (OAuth token endpoints, RFC 6749 §4.4). */
  acceptFormBodies?: boolean;
  /** Internal port of /metrics and /docs (see metricsPortFor); without one they are on the public port, except in production. */
  metricsPort?: number;
}

/**
 * Builds a Nest application on Fastify with everything every Infobank HTTP app shares: correlation ids,
 * JSON logs, problem+json errors (Nest hands Fastify's own body errors to the same filter), strict validation, security
 * headers, the body limit and JSON depth, NUL-free strings, client addresses through trusted proxies only, request
 * metrics and OpenAPI at /docs (public or internal port, see operationsExposure) and graceful shutdown.
 */
export async function createHttpApp(appModule: Type<unknown>, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const { config, logger } = options;
  const statusByCode = { ...PLATFORM_ERROR_STATUS, ...options.errorStatus };
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) =>
      acceptCorrelationId(request.headers['x-correlation-id']),
    // Request lines are logged by our own hook below, once, without headers.
    logger: false,
    // Only the configured reverse proxies may say who the client is (X-Forwarded-For); request.ip is then the client's.
    trustProxy: config.hardening.trustedProxies.length > 0 ? config.hardening.trustedProxies : false,
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(composeHttpRoot(appModule, options), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // JSON only (Fastify's own parser); apps add parsers such as application/jose where they need them.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  installBodyGuards(fastify, { jsonMaxDepth: config.hardening.jsonMaxDepth });
  if (options.acceptFormBodies) {
    fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      // Repeated parameters are an error in OAuth (RFC 6749 §3.1); keep them as arrays so validation rejects them.
      const fields: Record<string, string | string[]> = {};
      for (const [key, value] of new URLSearchParams(body as string)) {
        const existing = fields[key];
        fields[key] = existing === undefined ? value : ([] as string[]).concat(existing, value);
      }
      done(null, fields);
    });
  }
  const metrics = app.get(MetricsRegistry);

  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-correlation-id', request.id);
    runInLogScope({ correlationId: request.id }, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, seconds);
    logger.info(
      { correlationId: request.id, method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
    done();
  });
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: STRICT_CONTENT_SECURITY_POLICY } });
  relaxContentSecurityPolicyForDocs(fastify, (url) => isOperationsPath(url));
  app.useGlobalFilters(new ProblemDetailsFilter(statusByCode, logger));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = buildOpenApiDocument(app, {
    title: options.title,
    description: options.description,
    statusByCode,
    unknownCodes: 'omit',
  });
  await serveOperationsEndpoints(app, document, operationsExposure(config, options.metricsPort), { host: config.http.host, logger });
  return app;
}

/**
 * An app's OpenAPI document, built from its modules' route metadata without running it: Nest's preview
 * mode resolves the module graph but creates no provider, so nothing connects to PostgreSQL or Redis.
 * Equals the document the running app serves at /docs/openapi.json (docs/openapi/<app>.json is this).
 */
export async function describeHttpApp(appModule: Type<unknown>, options: HttpAppOptions): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(composeHttpRoot(appModule, options), new FastifyAdapter({ logger: false }), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    const statusByCode = { ...PLATFORM_ERROR_STATUS, ...options.errorStatus };
    return buildOpenApiDocument(app, { title: options.title, description: options.description, statusByCode });
  } finally {
    await app.close();
  }
}

@Module({})
class HttpRootModule {}

function composeHttpRoot(appModule: Type<unknown>, options: PlatformOptions): DynamicModule {
  return { module: HttpRootModule, imports: [PlatformModule.forRoot(options), HttpFoundationModule, appModule] };
}

/** Builds the app, runs migrations first when MIGRATE_AT_BOOT is on, and listens on `port`. */
export async function startHttpApp(appModule: Type<unknown>, options: HttpAppOptions & { port: number }): Promise<NestFastifyApplication> {
  await migrateAtBootIfEnabled(options.config, options, options.logger);
  const app = await createHttpApp(appModule, options);
  await app.listen({ port: options.port, host: options.config.http.host });
  options.logger.info({ url: await app.getUrl() }, `${options.service} listening`);
  return app;
}
