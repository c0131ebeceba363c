// Which errors mean "PostgreSQL or Redis is not there right now" rather than "the code is wrong": a
// connection refused, reset or cut mid-query, a server shutting down or still starting up. A request
// that meets one is answered 503 (try again shortly), never 500: the fault-tolerance run (`npm run chaos`)
// restarts PostgreSQL and resets connections under load and holds every app to that.

/** Socket errors of a dependency that went away or cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is not serving: class 08 (connection exception), admin or crash shutdown
 * and "cannot connect now" (57P01–57P03, e.g. during crash recovery), too many connections (53300).
 */
const UNAVAILABLE_SQLSTATES = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** node-postgres reports a cut connection or a pool that cannot connect in time by message only. */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
];

/**
 * TypeORM releases a query runner itself when its connection reports an error (the server ended the
 * session); a later query on it in the same request then fails with this error, not the driver's.
 */
const RELEASED_RUNNER = 'QueryRunnerAlreadyReleasedError';

/** ioredis: a command on a closed connection, or one that gave up reconnecting. */
const REDIS_MESSAGES = [/^Connection is closed\.$/, /^Reached the max retries per request limit/, /^Stream isn't writeable/];

/**
 * True when `error` (or what it wraps: TypeORM's `driverError`, a `cause`) says that PostgreSQL or
 * Redis is unavailable, so that the request may succeed if tried again shortly.
 */
export function isDependencyOutage(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const candidate = current as { name?: unknown; code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (candidate.name === RELEASED_RUNNER) return true;
    if (typeof candidate.code === 'string' && (NETWORK_CODES.has(candidate.code) || UNAVAILABLE_SQLSTATES.test(candidate.code)))
      return true;
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    if ([...DRIVER_MESSAGES, ...REDIS_MESSAGES].some((pattern) => pattern.test(message))) return true;
    current = candidate.driverError ?? candidate.cause;
  }
  return false;
}
