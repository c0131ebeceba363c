import fastifyStatic from '@fastify/static';
import { Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths that belong to the API and operations, never to the web app: unknown ones stay 404 problems. */
const RESERVED_PREFIXES = ['/v1', '/health', '/metrics', '/docs', '/.well-known', '/oauth'];

/**
 * Where `npm run build` puts the web app (vite: dist/portal-web), seen from this file in the built
 * tree (dist/apps/portal/src/web-app) or in the sources (apps/portal/src/web-app, as the tests run it).
 */
export function locatePortalWebApp(from: string = __dirname): string | null {
  const candidates = [resolve(from, '../../../../portal-web'), resolve(from, '../../../../dist/portal-web')];
  return candidates.find((candidate) => existsSync(join(candidate, 'index.html'))) ?? null;
}

function isReserved(url: string): boolean {
  const path = url.split('?')[0];
  return RESERVED_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Serves the individual's web app (apps/portal-web) at `/`: hashed assets with a year's cache, and
 * index.html (never cached) for every other GET outside the API, so that the app's own paths load it.
 */
@Module({})
export class PortalWebAppModule implements OnModuleInit {
  private readonly logger = new Logger('PortalWebApp');

  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    const root = locatePortalWebApp();
    if (root === null) {
      this.logger.warn('The web app is not built (npm run build); the portal serves the API only.');
      return;
    }
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Not awaited: awaiting a plugin here boots Fastify early, and errors thrown by the body guards then bypass the problem+json handler.
    void fastify.register(fastifyStatic, {
      root: join(root, 'assets'),
      prefix: '/assets/',
      index: false,
      // Asset names carry their content hash: a changed file is a new name.
      immutable: true,
      maxAge: '365d',
    });
    const serveIndex = (request: FastifyRequest, reply: FastifyReply) => {
      if (isReserved(request.url)) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
    };
    fastify.get('/', serveIndex);
    fastify.get('/*', serveIndex);
  }
}
