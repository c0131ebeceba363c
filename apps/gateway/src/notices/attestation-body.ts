import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/** The route recipients post deletion attestations at (as the controller declares it). */
export const ATTESTATION_ROUTE = '/v1/notices/:id/attestation';

/** Media type of a compact JWS body (RFC 7515 §9.2.1). */
export const JOSE_MEDIA_TYPE = 'application/jose';

/**
 * Teaches the gateway's Fastify to read `application/jose` bodies (a deletion attestation, a compact
 * JWS kept as text). The platform's body limit still applies.
 */
@Injectable()
export class AttestationBodyParsing {
  constructor(adapterHost: HttpAdapterHost) {
    const fastify = adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify === undefined || fastify.hasContentTypeParser(JOSE_MEDIA_TYPE)) return;
    fastify.addContentTypeParser(JOSE_MEDIA_TYPE, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  }
}
