import { INestApplication, Type } from '@nestjs/common';
import { GUARDS_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * How Infobank's OpenAPI documents say who may call a route and how it can fail. Routes declare error
 * codes only (`@ApiErrors('OFFER_NOT_FOUND')`); the document builder gives each code its status from the
 * app's own code → status map, so a documented status cannot drift from the one the app answers with.
 * Guards declare the security scheme they enforce (`@GuardedBy('individualBearer')`) and the codes they
 * refuse with; routes no guard protects say so on purpose (`@ApiPublic()`).
 */

const ERRORS_KEY = 'infobank:openapi:errors';
const SCHEMES_KEY = 'infobank:openapi:schemes';
const PUBLIC_KEY = 'infobank:openapi:public';

/** The name of the one problem+json schema every error response refers to. */
export const PROBLEM_SCHEMA = 'Problem';

/** The security schemes an app may declare; a document lists those its routes use. */
export const SECURITY_SCHEMES = {
  individualBearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'An individual’s access token (本人): `Authorization: Bearer <token>` from POST /v1/auth/sign-in or /v1/auth/refresh (EdDSA, typ at+jwt, 15 minutes).',
  },
  boardBearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A board member’s access token (審査会委員): `Authorization: Bearer <token>` from POST /v1/auth/sign-in.',
  },
  staffBearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A complaints-desk staff member’s access token (苦情窓口): `Authorization: Bearer <token>` from POST /v1/auth/sign-in.',
  },
  DPoP: {
    type: 'http',
    scheme: 'DPoP',
    description:
      'Organisations (providers at the intake, recipients at the gateway) send `Authorization: DPoP <access token>` and a `DPoP` proof of ' +
      'possession (RFC 9449) for each request, with `htm`, `htu`, a fresh `jti`, `iat` and `ath` (ES256 or EdDSA). The token comes from ' +
      'POST /oauth/token (client credentials, RFC 6749 §4.4) authenticated with private_key_jwt (RFC 7523: ' +
      '`client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`, a `client_assertion` signed with the organisation’s ' +
      'registered key, audience the token endpoint) and sent with a DPoP proof; the token is bound to that proof’s key (`cnf.jkt`).',
  },
} as const;

/** One of the security schemes above. */
export type SecuritySchemeName = keyof typeof SECURITY_SCHEMES;

/** Documents the error codes a route (or every route of a controller, or every route a guard protects) can answer with. */
export function ApiErrors(...codes: string[]): MethodDecorator & ClassDecorator {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    const holder = (descriptor?.value as object | undefined) ?? target;
    const existing = (Reflect.getMetadata(ERRORS_KEY, holder) as string[] | undefined) ?? [];
    Reflect.defineMetadata(ERRORS_KEY, [...existing, ...codes], holder);
  };
}

/**
 * On a guard class: the security it enforces, as alternatives (any one of the schemes admits), and the
 * codes it refuses with.
 */
export function GuardedBy(schemes: SecuritySchemeName | readonly SecuritySchemeName[], ...refusals: string[]): ClassDecorator {
  return (target: object) => {
    Reflect.defineMetadata(SCHEMES_KEY, typeof schemes === 'string' ? [schemes] : [...schemes], target);
    if (refusals.length > 0) ApiErrors(...refusals)(target as Type<unknown>);
  };
}

/** Marks a route (or a controller) that anyone may call without credentials, on purpose. */
export function ApiPublic(): MethodDecorator & ClassDecorator {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    Reflect.defineMetadata(PUBLIC_KEY, true, (descriptor?.value as object | undefined) ?? target);
  };
}

/** What builds one app's document. */
export interface OpenApiDescription {
  title: string;
  description: string;
  /** The app's code → status map (the platform's and its libraries'). */
  statusByCode: Readonly<Record<string, number>>;
  /**
   * What to do with a code the map has no status for: `throw` (the generator and its lint), or `omit` it
   * (a running app, which must start even when a test builds it with a partial map).
   */
  unknownCodes?: 'throw' | 'omit';
}

/** A route's handler as Nest registers it. */
interface Handler {
  controller: Type<unknown>;
  method: (...args: unknown[]) => unknown;
}

/**
 * Builds an app's OpenAPI document from its route metadata: security from the guards, every error
 * response with its codes as problem+json (statuses from the app's map), and the shared problem schema.
 * Throws when a route names a code the app has no status for.
 */
export function buildOpenApiDocument(app: INestApplication, description: OpenApiDescription): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(description.title).setDescription(description.description).setVersion('1').build(),
    { operationIdFactory: (controller, method) => `${controller}_${method}` },
  );
  const handlers = handlersOf(app);
  const usedSchemes = new Set<SecuritySchemeName>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const verb of HTTP_VERBS) {
      const operation = item[verb];
      if (operation === undefined) continue;
      const handler = handlers.get(operation.operationId ?? '');
      if (handler === undefined) throw new Error(`No handler found for the operation ${verb.toUpperCase()} ${path}.`);
      const guards = guardsOf(handler);
      const alternatives = guards.flatMap((guard) => (Reflect.getMetadata(SCHEMES_KEY, guard) as SecuritySchemeName[] | undefined) ?? []);
      if (alternatives.length > 0) {
        operation.security = alternatives.map((scheme) => ({ [scheme]: [] }));
        alternatives.forEach((scheme) => usedSchemes.add(scheme));
      } else if (isPublic(handler)) {
        operation.security = [];
        (operation as unknown as Record<string, unknown>)['x-public'] = true;
      } else {
        delete operation.security;
      }
      const codes = new Set<string>([
        ...guards.flatMap((guard) => errorsOn(guard)),
        ...errorsOn(handler.controller),
        ...errorsOn(handler.method),
        ...codesNamedIn(operation.responses, description.statusByCode),
      ]);
      // The validation pipe checks every body, path and query parameter (headers are the guards' business).
      const takesInput =
        operation.requestBody !== undefined ||
        (operation.parameters ?? []).some((parameter) => 'in' in parameter && parameter.in !== 'header');
      if (takesInput) codes.add('VALIDATION_FAILED');
      const route = `${verb.toUpperCase()} ${path}`;
      const unknown = [...codes].filter((code) => description.statusByCode[code] === undefined);
      if (unknown.length > 0 && description.unknownCodes !== 'omit') {
        throw new Error(`${route} documents error codes the app has no status for: ${unknown.join(', ')}.`);
      }
      const known = [...codes].filter((code) => description.statusByCode[code] !== undefined);
      operation.responses = describeErrors(operation.responses, known, description, route);
    }
  }
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, [PROBLEM_SCHEMA]: PROBLEM_DETAILS_SCHEMA },
    securitySchemes: Object.fromEntries([...usedSchemes].sort().map((name) => [name, { ...SECURITY_SCHEMES[name] }])),
  };
  return document;
}

/** The document as committed: keys sorted at every level, two-space indentation, a final newline. */
export function renderOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

const HTTP_VERBS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function handlersOf(app: INestApplication): Map<string, Handler> {
  const handlers = new Map<string, Handler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller || Reflect.getMetadata(PATH_METADATA, controller) === undefined) continue;
      for (const name of methodNames(controller)) {
        const method = controller.prototype[name] as (...args: unknown[]) => unknown;
        handlers.set(`${controller.name}_${name}`, { controller, method });
      }
    }
  }
  return handlers;
}

function methodNames(controller: Type<unknown>): string[] {
  const names = new Set<string>();
  for (let prototype = controller.prototype; prototype && prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype)) {
    for (const name of Object.getOwnPropertyNames(prototype)) if (name !== 'constructor') names.add(name);
  }
  return [...names];
}

function guardsOf(handler: Handler): Type<unknown>[] {
  return [
    ...((Reflect.getMetadata(GUARDS_METADATA, handler.controller) as Type<unknown>[] | undefined) ?? []),
    ...((Reflect.getMetadata(GUARDS_METADATA, handler.method) as Type<unknown>[] | undefined) ?? []),
  ];
}

function isPublic(handler: Handler): boolean {
  return Reflect.getMetadata(PUBLIC_KEY, handler.method) === true || Reflect.getMetadata(PUBLIC_KEY, handler.controller) === true;
}

function errorsOn(target: object): string[] {
  const own = (Reflect.getMetadata(ERRORS_KEY, target) as string[] | undefined) ?? [];
  // A guard inherits the refusals its base class declares.
  const parent = typeof target === 'function' ? (Object.getPrototypeOf(target) as object | null) : null;
  return parent && parent !== Function.prototype ? [...own, ...errorsOn(parent)] : own;
}

type Responses = OpenAPIObject['paths'][string]['get'] extends infer O ? (O extends { responses: infer R } ? R : never) : never;

/** Codes the app knows that a response written by hand names in its description (`OFFER_NOT_FOUND: …`). */
function codesNamedIn(responses: Responses, statusByCode: Readonly<Record<string, number>>): string[] {
  const codes: string[] = [];
  for (const [status, response] of Object.entries(responses ?? {})) {
    if (Number(status) < 400) continue;
    const text = (response as { description?: string }).description ?? '';
    for (const token of text.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\b/g) ?? []) if (token in statusByCode) codes.push(token);
  }
  return codes;
}

/** Replaces the error responses with one per status, each listing its codes and pointing at the problem schema. */
function describeErrors(responses: Responses, codes: string[], description: OpenApiDescription, route: string): Responses {
  const { statusByCode } = description;
  const written: Record<string, string> = {};
  const kept: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(responses ?? {})) {
    if (Number(status) >= 400) written[status] = (response as { description?: string }).description ?? '';
    else kept[status] = response;
  }
  const byStatus = new Map<number, string[]>();
  for (const code of [...new Set(codes)].sort()) {
    const status = statusByCode[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, statusCodes] of byStatus) {
    const prose = withoutCodes(written[String(status)] ?? '', statusCodes);
    kept[String(status)] = {
      description: `${statusCodes.map((code) => `\`${code}\``).join(', ')}${prose ? `: ${prose}` : ''}`,
      'x-error-codes': statusCodes,
      content: {
        'application/problem+json': {
          schema: { allOf: [{ $ref: `#/components/schemas/${PROBLEM_SCHEMA}` }, { properties: { code: { enum: statusCodes } } }] },
        },
      },
    };
  }
  for (const [status, prose] of Object.entries(written)) {
    // Written under a status the map does not give its codes: they are listed under theirs.
    if (kept[status] !== undefined || codes.some((code) => new RegExp(`\\b${code}\\b`).test(prose))) continue;
    if (description.unknownCodes !== 'omit')
      throw new Error(`${route} documents a ${status} response without a code the app knows: "${prose}".`);
    kept[status] = { description: prose };
  }
  return kept as Responses;
}

/** A hand-written description without the codes it names (the list before it names them): `OFFER_NOT_FOUND: no such offer` → `no such offer`. */
function withoutCodes(prose: string, codes: readonly string[]): string {
  let rest = prose;
  for (const code of codes) rest = rest.replace(new RegExp(`\\b${code}\\b:?`, 'g'), '');
  rest = rest.replace(/^[\s,;:]*((or|and)\s+)*[\s,;:]*/i, '').trim();
  return /^[\s,;:()]*$/.test(rest) ? '' : rest;
}

/** RFC 9457 problem details with Infobank's stable `code`, per-field `errors` and code-specific extension members. */
const PROBLEM_DETAILS_SCHEMA = {
  type: 'object',
  description:
    'An error (RFC 9457, `application/problem+json`). `code` is stable and listed in docs/errors.md; programs branch on it, never on `title` or `detail`. ' +
    'Some codes add extension members (RFC 9457 §3.2), named in their description.',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: {
      type: 'string',
      format: 'uri-reference',
      description: 'The problem type: `urn:infobank:problem:<code in lower case, hyphens>`.',
    },
    title: { type: 'string', description: 'A short, human-readable summary of the problem type.' },
    status: { type: 'integer', description: 'The HTTP status code.' },
    code: { type: 'string', description: 'Infobank’s stable error code (INTERNAL_ERROR for any 5xx the app did not expect).' },
    detail: { type: 'string', description: 'A human-readable explanation of this occurrence.' },
    instance: { type: 'string', format: 'uri-reference', description: 'The request path.' },
    errors: {
      type: 'array',
      description: 'With VALIDATION_FAILED: one entry per invalid field.',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: {
          path: { type: 'string', description: 'JSON-pointer-like path of the field, e.g. `/records/3/observedAt`.' },
          message: { type: 'string' },
        },
      },
    },
    errorId: { type: 'string', description: 'With 5xx: an id to quote to the operator; the log line carries it.' },
  },
  additionalProperties: true,
};

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
