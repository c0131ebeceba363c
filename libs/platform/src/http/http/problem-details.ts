import { HttpException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DomainError, FieldProblem } from '../../errors/domain/domain-error';
import { isDependencyOutage } from './dependency-outage';

/** An RFC 9457 problem details body with Infobank's stable `code` and per-field `errors`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
  errorId?: string;
  /** Extension members a code defines (RFC 9457 §3.2), e.g. the terms version to accept. */
  [extension: string]: unknown;
}

/** Status for each code every app shares; apps add their libraries' codes on top. */
export const PLATFORM_ERROR_STATUS: Readonly<Record<string, number>> = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  CONFLICT: 409,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * One app's error-code-to-status map, assembled from the maps of the libraries it serves. Two maps
 * giving one code different statuses is a mistake that would make the answer depend on their order,
 * so it fails at start-up.
 */
export function errorStatusOf(...maps: readonly Readonly<Record<string, number>>[]): Readonly<Record<string, number>> {
  const merged: Record<string, number> = {};
  for (const map of maps) {
    for (const [code, status] of Object.entries(map)) {
      if (merged[code] !== undefined && merged[code] !== status) {
        throw new Error(`Error code ${code} is given two statuses, ${merged[code]} and ${status}.`);
      }
      merged[code] = status;
    }
  }
  return merged;
}

const codeByStatus: Readonly<Record<number, string>> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

const titles: Readonly<Record<string, string>> = {
  VALIDATION_FAILED: 'The request is not valid',
  MALFORMED_REQUEST: 'The request could not be read',
  UNAUTHENTICATED: 'Authentication is required',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  NOT_ACCEPTABLE: 'Not acceptable',
  CONFLICT: 'Conflict',
  BODY_TOO_LARGE: 'The request body is too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  RATE_LIMITED: 'Too many requests',
  SERVICE_UNAVAILABLE: 'Service unavailable',
  INTERNAL_ERROR: 'Internal error',
};

/** A stable, dereferenceable-free identifier for a problem type. */
export function problemType(code: string): string {
  return `urn:infobank:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

function titleFor(code: string): string {
  return titles[code] ?? code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');
}

/** Errors raised by Fastify itself (body parsing, limits) carry a status and an FST_ code. */
interface FastifyLikeError {
  statusCode: number;
  code?: string;
  message: string;
}

function isFastifyError(error: unknown): error is FastifyLikeError {
  return error instanceof Error && typeof (error as Partial<FastifyLikeError>).statusCode === 'number';
}

/**
 * Turns anything thrown while serving a request into problem details. PostgreSQL or Redis being
 * unreachable (a restart, a reset connection) is a 503. Unknown errors (and domain codes no status is
 * mapped for, which are bugs) become a 500 whose body holds only an `errorId`; the full error is logged
 * under that id.
 */
export function toProblemDetails(error: unknown, statusByCode: Readonly<Record<string, number>>, logger: Logger): ProblemDetails {
  if (error instanceof DomainError && statusByCode[error.code] !== undefined) {
    const status = statusByCode[error.code];
    return {
      // First, so that an extension can never replace a standard member.
      ...error.extensions,
      type: problemType(error.code),
      title: titleFor(error.code),
      status,
      code: error.code,
      detail: error.message,
      ...(error.errors.length > 0 ? { errors: error.errors } : {}),
    };
  }
  const outage = !(error instanceof DomainError) && !(error instanceof HttpException) && isDependencyOutage(error);
  const status = error instanceof HttpException ? error.getStatus() : isFastifyError(error) ? error.statusCode : outage ? 503 : 500;
  const code = codeByStatus[status];
  if (code && status < 500) {
    const detail = isFastifyError(error) && !(error instanceof HttpException) ? fastifyDetail(error) : httpDetail(error);
    return { type: problemType(code), title: titleFor(code), status, code, detail };
  }
  if (code === 'SERVICE_UNAVAILABLE') {
    if (outage) logger.warn({ err: error }, 'a dependency is unavailable; answered 503');
    return {
      type: problemType(code),
      title: titleFor(code),
      status,
      code,
      detail: 'A service this request needs is unavailable; try again shortly.',
    };
  }
  const errorId = randomUUID();
  logger.error({ err: error, errorId }, 'unhandled error');
  return { type: problemType('INTERNAL_ERROR'), title: titleFor('INTERNAL_ERROR'), status: 500, code: 'INTERNAL_ERROR', errorId };
}

function httpDetail(error: unknown): string | undefined {
  if (!(error instanceof HttpException)) return undefined;
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return typeof message === 'string' ? message : error.message;
}

// Fastify's own messages can echo parts of the body (JSON.parse does); give fixed wording instead.
function fastifyDetail(error: FastifyLikeError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is larger than this endpoint accepts.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'This endpoint does not accept that Content-Type.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The body is empty but Content-Type says JSON.';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case undefined:
      return error.statusCode === 400 ? 'The body is not valid JSON.' : 'The request could not be read.';
    default:
      return 'The request could not be read.';
  }
}
