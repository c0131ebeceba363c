import type { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { currentCorrelationId } from '../../context/application/request-context';

/**
 * Paths pino removes from every line. Personal data, secrets and tokens never reach a log: request
 * headers that authenticate, anything named like a credential, and every `data` payload.
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.dpop',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...[
    'password',
    'token',
    'accessToken',
    'access_token',
    'refreshToken',
    'refresh_token',
    'client_assertion',
    'clientAssertion',
    'secret',
    'authorization',
    'data',
    'payload',
    'privateKey',
    'd',
  ].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

// What a database error carries beyond its SQL: the bound values, and Postgres' echo of a row or value.
const DATABASE_VALUE_KEYS = new Set(['parameters', 'detail', 'where', 'raw']);

/** Removes values a database (or TypeORM) message quotes: `…: "value"`, `value "…"`, `matching: {…}`. */
export function withoutQuotedValues(text: string): string {
  return text.replace(/(matching:)[\s\S]*?(\n\s+at |$)/g, '$1 [redacted]$2').replace(/(: |value )"(?:[^"\\\n]|\\.)*"/g, '$1"[redacted]"');
}

function scrub(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const clean: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (DATABASE_VALUE_KEYS.has(key)) continue;
    clean[key] = (key === 'message' || key === 'stack') && typeof item === 'string' ? withoutQuotedValues(item) : scrub(item, depth + 1);
  }
  return clean;
}

/**
 * pino's error serializer without SQL parameters: a failed query's bound values (e-mail, name,
 * password hash), Postgres' `detail` (which echoes a failing row or key) and values quoted in
 * messages never reach a log line. The SQL text, SQLSTATE code and constraint name stay.
 */
export function serializeError(error: unknown): unknown {
  return scrub(pino.stdSerializers.err(error as Error));
}

/** Creates the process's JSON logger; every line carries the current correlation id. */
export function createLogger(options: { level: string; service: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
      serializers: { err: serializeError },
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}

/** Lets Nest write its own messages through our pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
