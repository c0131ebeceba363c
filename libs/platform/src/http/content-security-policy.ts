import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every response (helmet's directive names): the web apps' pages may
 * load scripts, styles, fonts and data only from their own origin, no inline script or style, no
 * plug-ins, no <base>, no framing by other sites, and forms post only back to the app.
 */
export const STRICT_CONTENT_SECURITY_POLICY: Readonly<Record<string, string[]>> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

/**
 * The policy of the OpenAPI explorer at /docs only: the strict one, except that its page carries
 * inline `<style>` elements. Its scripts are files, so script-src stays 'self'.
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Replaces the strict policy with DOCS_CONTENT_SECURITY_POLICY on the responses `isDocs` picks (by URL). */
export function relaxContentSecurityPolicyForDocs(fastify: FastifyInstance, isDocs: (url: string) => boolean): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (isDocs(request.url)) void reply.header('content-security-policy', DOCS_CONTENT_SECURITY_POLICY);
    done(null, payload);
  });
}
