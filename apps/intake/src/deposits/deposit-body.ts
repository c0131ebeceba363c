import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/** The route providers deposit signed batches at. */
export const DEPOSIT_ROUTE = '/v1/deposits';

/** Largest deposit body: a compact JWS of up to 5,000 records (issue 4 allows 10 MB a batch). */
export const DEPOSIT_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

/** Media type of a compact JWS body (RFC 7515 §9.2.1). */
export const JOSE_MEDIA_TYPE = 'application/jose';

/**
 * Teaches intake's Fastify to read `application/jose` bodies (a compact JWS, kept as the bytes that
 * arrived: the signature is verified over them, with no text round trip of megabytes) and lets
 * `POST /v1/deposits` alone take bodies up to 10 MB; every other route keeps HTTP_BODY_LIMIT_BYTES,
 * and a larger body is refused with 413 before it is read. Runs when Nest builds its providers,
 * because Fastify applies an onRoute hook only to routes registered after it.
 */
@Injectable()
export class DepositBodyParsing {
  constructor(adapterHost: HttpAdapterHost) {
    const fastify = adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify === undefined) return;
    fastify.addHook('onRoute', (route) => {
      if (route.url === DEPOSIT_ROUTE && route.method === 'POST') route.bodyLimit = DEPOSIT_BODY_LIMIT_BYTES;
    });
    fastify.addContentTypeParser(JOSE_MEDIA_TYPE, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  }
}
