/**
 * The architecture rules' shared facts, read by .dependency-cruiser.cjs and eslint.config.mjs
 * (and proved by test/architecture/architecture-rules.spec.ts).
 */

/**
 * Libraries from lowest to highest. A library imports only libraries ranked below it, so a lower
 * library never depends on a higher one and a new dependency must fit the order (or move code down).
 * Derived from the imports as they are: each library's dependencies all appear to its left.
 */
const LIBRARY_RANKS = [
  'platform',
  'crypto',
  'identity',
  'catalog',
  'auth',
  'offers',
  'rights',
  'transparency-log',
  'vault',
  'review',
  'consent',
  'provision',
  'revocation',
  'oversight',
  'disclosure',
];

/** Packages a `domain/` folder never imports: frameworks, persistence, transport and jose. */
const FRAMEWORK_PACKAGES = [
  '@nestjs',
  '@fastify',
  'fastify',
  'typeorm',
  'pg',
  'jose',
  'bullmq',
  'ioredis',
  'class-validator',
  'class-transformer',
];

/**
 * Browser-only libraries and the web apps that use them. They take no rank: a web library imports no
 * server library (and no server code imports it); only web apps import web libraries.
 */
const WEB_LIBRARIES = ['web-ui'];
const WEB_APPS = ['portal-web', 'board-web'];

/**
 * Libraries published for organisations (npm pack): they take no rank and import jose and Node.js
 * built-ins only (no Nest, no other library); only tests import them, playing an organisation.
 */
const CLIENT_LIBRARIES = ['sdk'];

module.exports = { LIBRARY_RANKS, FRAMEWORK_PACKAGES, WEB_LIBRARIES, WEB_APPS, CLIENT_LIBRARIES };
