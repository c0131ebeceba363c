import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { relaxContentSecurityPolicyForDocs } from './content-security-policy';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { createHash, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.schema';
import { DomainError } from '../errors/domain-error';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { observeBacklog } from '../metrics/observe-backlog';
import { QueueRegistry } from '../queue/queue-registry';
import { PLATFORM_ERROR_STATUS, toProblemDetails } from './problem-details';
import { sendProblem } from './problem-details.filter';

/** Where an app serves `/metrics` and `/docs`, and what they require. */
export interface OperationsExposure {
  /** Served on the app's public port (never in production). */
  onPublicPort: boolean;
  /** Served on this internal port instead. */
  internalPort: number | undefined;
  /** `Authorization: Bearer <token>` required wherever they are served. */
  token: string | undefined;
}

const APP_OFFSETS = { portal: 0, intake: 1, gateway: 2, ethicsBoard: 3 } as const;

/** The internal operations port of one app: METRICS_PORT for the portal, +1 intake, +2 gateway, +3 ethics board. */
export function metricsPortFor(config: AppConfig, app: keyof typeof APP_OFFSETS): number | undefined {
  const base = config.hardening.metricsPort;
  return base === undefined ? undefined : base + APP_OFFSETS[app];
}

/**
 * Decides where `/metrics` and `/docs` live: on the internal port when there is one, otherwise on the
 * public port outside production; in production without an internal port they are not served at all.
 */
export function operationsExposure(config: AppConfig, internalPort: number | undefined): OperationsExposure {
  return {
    onPublicPort: internalPort === undefined && config.environment !== 'production',
    internalPort,
    token: config.hardening.metricsToken,
  };
}

@Module({})
class OperationsRootModule {}

/**
 * Serves `/metrics` (Prometheus) and `/docs` (OpenAPI) as `exposure` says: on `app` itself, or on a
 * second listener on the internal port that closes with the app. Returns once that listener listens.
 */
export async function serveOperationsEndpoints(
  app: NestFastifyApplication,
  document: OpenAPIObject,
  exposure: OperationsExposure,
  context: { host: string; logger: Logger },
): Promise<void> {
  if (exposure.onPublicPort) {
    const fastify = app.getHttpAdapter().getInstance();
    requireToken(fastify, exposure.token, context.logger, (path) => isOperationsPath(path));
    addMetricsRoute(fastify, app);
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
    return;
  }
  if (exposure.internalPort === undefined) return;
  const internal = await NestFactory.create<NestFastifyApplication>(OperationsRootModule, new FastifyAdapter({ logger: false }), {
    logger: false,
    abortOnError: false,
  });
  const fastify = internal.getHttpAdapter().getInstance();
  requireToken(fastify, exposure.token, context.logger, () => true);
  relaxContentSecurityPolicyForDocs(fastify, () => true);
  addMetricsRoute(fastify, app);
  SwaggerModule.setup('docs', internal, document, { jsonDocumentUrl: 'docs/openapi.json' });
  await internal.listen({ port: exposure.internalPort, host: context.host });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onClose', async () => {
      await internal.close();
    });
}

/** True for the paths of `/metrics` and `/docs` (the OpenAPI explorer and its files). */
export function isOperationsPath(url: string): boolean {
  const path = url.split('?')[0];
  return path === '/metrics' || path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs-');
}

function addMetricsRoute(fastify: FastifyInstance, app: NestFastifyApplication): void {
  fastify.get('/metrics', async (_request, reply) => {
    const metrics = app.get(MetricsRegistry);
    await observeBacklog(metrics, app.get(DataSource), app.get(QueueRegistry));
    void reply.header('cache-control', 'no-store').header('content-type', 'text/plain; version=0.0.4; charset=utf-8');
    return metrics.registry.metrics();
  });
}

function requireToken(fastify: FastifyInstance, token: string | undefined, logger: Logger, applies: (url: string) => boolean): void {
  if (token === undefined) return;
  const expected = digest(token);
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (!applies(request.url)) return done();
    const presented = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (presented !== undefined && timingSafeEqual(digest(presented), expected)) return done();
    const problem = toProblemDetails(
      new DomainError('UNAUTHENTICATED', 'This endpoint needs the operations bearer token.'),
      PLATFORM_ERROR_STATUS,
      logger,
    );
    void reply.header('www-authenticate', 'Bearer');
    sendProblem(request, reply, problem);
  });
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
