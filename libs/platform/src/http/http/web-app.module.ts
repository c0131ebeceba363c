import fastifyStatic from '@fastify/static';
import { DynamicModule, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths that belong to the API and operations, never to a web app: unknown ones stay 404 problems. */
const RESERVED_PREFIXES = ['/v1', '/health', '/metrics', '/docs', '/.well-known', '/oauth'];

/** Injection token of the folder name a WebAppModule serves. */
const WEB_APP_FOLDER = Symbol('WEB_APP_FOLDER');

/**
 * Where `npm run build` puts a web app (vite: dist/<folder>), seen from this file in the built tree
 * (dist/libs/platform/src/http/http) or in the sources (libs/platform/src/http/http, as the tests run it).
 */
export function locateWebApp(folder: string, from: string = __dirname): string | null {
  const candidates = [resolve(from, '../../../../..', folder), resolve(from, '../../../../../dist', folder)];
  return candidates.find((candidate) => existsSync(join(candidate, 'index.html'))) ?? null;
}

function isReserved(url: string): boolean {
  const path = url.split('?')[0];
  return RESERVED_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Serves one single-page web app at `/` (the portal: dist/portal-web; the ethics board: dist/board-web):
 * hashed assets with a year's cache, and index.html (never cached) for every other GET outside the API,
 * so that the app's own paths load it. Without a build the app serves its API only.
 */
@Module({})
export class WebAppModule implements OnModuleInit {
  private readonly logger = new Logger('WebApp');

  static forRoot(folder: string): DynamicModule {
    return { module: WebAppModule, providers: [{ provide: WEB_APP_FOLDER, useValue: folder }] };
  }

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(WEB_APP_FOLDER) private readonly folder: string,
  ) {}

  async onModuleInit(): Promise<void> {
    const root = locateWebApp(this.folder);
    if (root === null) {
      this.logger.warn(`The web app ${this.folder} is not built (npm run build); this app serves its API only.`);
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
