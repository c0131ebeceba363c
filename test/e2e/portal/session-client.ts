import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';

/** What a JSON call answered: status, headers and parsed body. */
export interface JsonResponse {
  status: number;
  headers: Headers;
  body: any;
}

/** Calls an app as a browser or mobile client would: JSON in, JSON (or problem+json) out. */
export async function callJson(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { body?: unknown; bearer?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** A new individual's details with an e-mail nobody else in the run uses. */
export function newIndividual(overrides: Partial<{ email: string; password: string; displayName: string; language: string }> = {}) {
  return {
    email: `hanako.${randomUUID()}@example.jp`,
    password: 'correct horse battery staple',
    displayName: '山田 花子',
    language: 'ja',
    ...overrides,
  };
}

/** Verifies a bank-issued JWT the way an outside party would: against the app's published JWKS. */
export async function verifyWithPublishedKeys(
  baseUrl: string,
  token: string,
  expected: { audience: string; typ: string },
): Promise<{ payload: JWTPayload; alg: string }> {
  const jwks = (await (await fetch(`${baseUrl}/.well-known/jwks.json`)).json()) as Parameters<typeof createLocalJWKSet>[0];
  const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
    algorithms: ['EdDSA'],
    audience: expected.audience,
    issuer: expected.audience,
    typ: expected.typ,
  });
  return { payload, alg: decodeProtectedHeader(token).alg as string };
}

/** Expects a problem+json answer with this status and code. */
export function expectProblem(response: JsonResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
}

/** Registers and signs in a new individual at `portalUrl`; returns the access token and the account id. */
export async function signedInWithId(portalUrl: string): Promise<{ token: string; individualId: string }> {
  const individual = newIndividual();
  await callJson(portalUrl, 'POST', '/v1/auth/register', { body: individual });
  const token = (await callJson(portalUrl, 'POST', '/v1/auth/login', { body: { email: individual.email, password: individual.password } }))
    .body.accessToken as string;
  const me = await callJson(portalUrl, 'GET', '/v1/me', { bearer: token });
  return { token, individualId: me.body.id as string };
}
