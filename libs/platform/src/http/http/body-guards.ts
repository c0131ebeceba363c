import type { FastifyInstance } from 'fastify';
import { DomainError, FieldProblem, ValidationFailedError } from '../../errors/domain/domain-error';

/** The JSON body nests arrays and objects deeper than the app accepts (JSON_MAX_DEPTH). */
export class BodyTooDeepError extends DomainError<'MALFORMED_REQUEST'> {
  constructor(maxDepth: number) {
    super('MALFORMED_REQUEST', `The JSON body is nested deeper than ${maxDepth} levels.`);
  }
}

/**
 * How deep `text` nests arrays and objects, scanning without recursion and stopping as soon as it
 * passes `limit`, so that a hostile body cannot overflow the stack of any parser or validator later.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (char === 0x5d || char === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}

/** JSON-pointer paths of every string (value or key) in `value` that holds a NUL character. */
export function nulCharacterPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  // A body kept as bytes (application/jose) holds no text field; its route checks the bytes itself.
  if (ArrayBuffer.isView(value)) return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nulCharacterPaths(item, `${path}/${index}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      key.includes('\u0000') ? [`${path}/${escapePointer(key)}`] : nulCharacterPaths(item, `${path}/${escapePointer(key)}`),
    );
  }
  return [];
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1').split('\u0000').join('\\u0000');
}

/**
 * Replaces Fastify's JSON parser by one that first refuses bodies nested deeper than `jsonMaxDepth`
 * (400, before JSON.parse), then parses exactly as Fastify does (prototype poisoning is an error);
 * and refuses any NUL character in a body or query string with 400 naming the field, because
 * PostgreSQL text cannot hold one and no field of ours means one.
 */
export function installBodyGuards(fastify: FastifyInstance, options: { jsonMaxDepth: number }): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonDepthExceeds(body as string, options.jsonMaxDepth)) {
      done(new BodyTooDeepError(options.jsonMaxDepth), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });
  fastify.addHook('preValidation', async (request) => {
    const problems: FieldProblem[] = [...nulCharacterPaths(request.body), ...nulCharacterPaths(request.query)].map((path) => ({
      path,
      message: 'must not contain a NUL character',
    }));
    if (problems.length > 0) throw new ValidationFailedError(problems);
  });
}
