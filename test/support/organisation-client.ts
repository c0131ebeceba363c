// An external company talking to the bank through @infobank/sdk (libs/sdk), as an integrator would:
// its keys, private_key_jwt client assertions (RFC 7523), DPoP proofs (RFC 9449) and calls over real
// HTTP are the SDK's. Every knob on top exists so that tests can build the hostile variants, too; a
// call without knobs is exactly the SDK's.
import { generateSigningKey, InfobankClient, signingKeyFromPrivateJwk, type SigningKey } from '@infobank/sdk';
import type { Type } from '@nestjs/common';
import { CreateOrganisationUseCase, SuspendOrganisationUseCase, validCorporateNumber, type OrganisationRole } from '@infobank/catalog';
import { createRequestContext } from '@infobank/platform';
import { base64url, exportSPKI, FlattenedSign, SignJWT, UnsecuredJWT, type JWK, type JWTPayload } from 'jose';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { RunningApp, startTestApp } from './http-app';
import { freePort } from './private-redis';

/** Signing algorithms organisations may register. */
export type OrganisationSigningAlgorithm = 'EdDSA' | 'ES256' | 'PS256';

/** A key pair an organisation holds (the SDK's): the private half never leaves it. */
export type OrganisationKeyPair = SigningKey;

/** Makes a signing key pair; its kid is the RFC 7638 thumbprint. */
export function generateOrganisationKey(alg: OrganisationSigningAlgorithm = 'ES256'): Promise<OrganisationKeyPair> {
  return generateSigningKey(alg);
}

/** The key pair an organisation keeps as a private JWK file (as seed:demo writes them). */
export function keyPairFromPrivateJwk(privateJwk: JWK): Promise<OrganisationKeyPair> {
  return signingKeyFromPrivateJwk(privateJwk);
}

/** Seconds since the epoch, as JWT claims count time. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** `ath` of an access token (RFC 9449 §4.2), computed the way a client does. */
export function accessTokenHash(accessToken: string): string {
  return base64url.encode(createHash('sha256').update(accessToken, 'ascii').digest());
}

/** Claims and header knobs for a client assertion; `null` leaves a claim out. */
export interface AssertionOptions {
  issuer?: string | null;
  subject?: string | null;
  audience?: string | string[] | null;
  jti?: string | null;
  issuedAt?: number | null;
  expiresAt?: number | null;
  /** Sign with this key instead of the registered one (its kid goes in the header unless `kid` is set). */
  key?: OrganisationKeyPair;
  kid?: string | null;
  /** The `typ` header (default client-authentication+jwt); null leaves it out. */
  typ?: string | null;
  extraClaims?: JWTPayload;
}

/** Claims and header knobs for a DPoP proof; `null` leaves a claim out. */
export interface ProofOptions {
  method?: string | null;
  url?: string | null;
  issuedAt?: number | null;
  jti?: string | null;
  /** The access token to hash into `ath`; `ath` overrides the hash itself. */
  accessToken?: string;
  ath?: string | null;
  key?: OrganisationKeyPair;
  typ?: string;
}

/** What an HTTP call returned: status, media type, headers and the parsed JSON body. */
export interface HttpResult {
  status: number;
  contentType: string;
  headers: Headers;
  body: any;
}

/** A token request's parts; each can be replaced or left out (`null`) to build a hostile request. */
export interface TokenRequestOptions {
  assertion?: string | null;
  proof?: string | null;
  form?: Record<string, string | null>;
  contentType?: string;
  /** Extra DPoP header values (sent as several header lines). */
  extraProofs?: string[];
}

/** A resource call's parts: the token (sent as `Authorization: DPoP`), the proof, or raw headers. */
export interface ResourceCallOptions {
  accessToken?: string | null;
  /** A ready-made proof, or null to send none; by default a fresh proof for this call is built. */
  proof?: string | null;
  proofOptions?: ProofOptions;
  authorization?: string;
  /** A JSON body to send (as application/json). */
  body?: unknown;
  /** Further request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
}

/**
 * One organisation's client for one Infobank API (intake or gateway): its signing key (registered
 * with the bank) and its DPoP key (never registered; bound into each access token).
 */
export class OrganisationClient {
  /** The SDK's client for this organisation at this API: every call without knobs goes through it. */
  readonly sdk: InfobankClient;

  constructor(
    readonly apiUrl: string,
    readonly organisationId: string,
    readonly signingKey: OrganisationKeyPair,
    readonly dpopKey: OrganisationKeyPair,
  ) {
    this.sdk = new InfobankClient({ apiUrl, organisationId, signingKey, dpopKey });
  }

  /** The same organisation, keys and all, talking to another API. */
  at(apiUrl: string): OrganisationClient {
    return new OrganisationClient(apiUrl, this.organisationId, this.signingKey, this.dpopKey);
  }

  /** The same organisation with a different DPoP key (its tokens are bound to that key). */
  withDpopKey(dpopKey: OrganisationKeyPair): OrganisationClient {
    return new OrganisationClient(this.apiUrl, this.organisationId, this.signingKey, dpopKey);
  }

  get tokenEndpoint(): string {
    return `${this.apiUrl}/oauth/token`;
  }

  /** A client assertion: typ client-authentication+jwt, iss = sub = organisation id, aud = token endpoint, 60 s lifetime, fresh jti. */
  async clientAssertion(options: AssertionOptions = {}): Promise<string> {
    if (Object.keys(options).length === 0) return this.sdk.clientAssertion();
    const now = nowSeconds();
    const key = options.key ?? this.signingKey;
    const claims = withoutNulls({
      iss: pick(options.issuer, this.organisationId),
      sub: pick(options.subject, this.organisationId),
      aud: pick(options.audience, this.tokenEndpoint),
      jti: pick(options.jti, randomUUID()),
      iat: pick(options.issuedAt, now),
      exp: pick(options.expiresAt, now + 60),
      ...options.extraClaims,
    });
    const kid = pick(options.kid, key.kid);
    const typ = pick(options.typ, 'client-authentication+jwt');
    return new SignJWT(claims).setProtectedHeader(withoutNulls({ alg: key.alg, kid, typ }) as { alg: string }).sign(key.privateKey);
  }

  /** An unsecured (`alg: none`) assertion with otherwise valid claims. */
  async unsecuredAssertion(): Promise<string> {
    const now = nowSeconds();
    return new UnsecuredJWT({ jti: randomUUID() })
      .setIssuer(this.organisationId)
      .setSubject(this.organisationId)
      .setAudience(this.tokenEndpoint)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .encode();
  }

  /** An assertion "signed" with HS256 using the registered public key as the HMAC secret (key confusion). */
  async hmacWithPublicKeyAssertion(): Promise<string> {
    const now = nowSeconds();
    const secret = new TextEncoder().encode(await exportSPKI(this.signingKey.publicKey));
    return new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'HS256', kid: this.signingKey.kid })
      .setIssuer(this.organisationId)
      .setSubject(this.organisationId)
      .setAudience(this.tokenEndpoint)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(secret);
  }

  /** A DPoP proof for `method url` (default: POST to the token endpoint), signed by the DPoP key. */
  async dpopProof(options: ProofOptions = {}): Promise<string> {
    const { method, url, accessToken, ...knobs } = options;
    if (Object.keys(knobs).length === 0 && method !== null && url !== null) {
      return this.sdk.dpopProof(method ?? 'POST', url ?? this.tokenEndpoint, accessToken);
    }
    const key = options.key ?? this.dpopKey;
    const { kid: _kid, alg: _alg, use: _use, ...jwk } = key.publicJwk;
    const ath = options.ath === undefined ? (options.accessToken === undefined ? null : accessTokenHash(options.accessToken)) : options.ath;
    const claims = withoutNulls({
      htm: pick(options.method, 'POST'),
      htu: pick(options.url, this.tokenEndpoint),
      iat: pick(options.issuedAt, nowSeconds()),
      jti: pick(options.jti, base64url.encode(randomBytes(16))),
      ath,
    });
    return new SignJWT(claims).setProtectedHeader({ alg: key.alg, typ: options.typ ?? 'dpop+jwt', jwk }).sign(key.privateKey);
  }

  /** POSTs a token request (a valid one unless options say otherwise). */
  async requestToken(options: TokenRequestOptions = {}): Promise<HttpResult> {
    const assertion = options.assertion === undefined ? await this.clientAssertion() : options.assertion;
    const proof = options.proof === undefined ? await this.dpopProof() : options.proof;
    const form = withoutNulls({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      ...options.form,
    }) as Record<string, string>;
    const headers = new Headers({ 'content-type': options.contentType ?? 'application/x-www-form-urlencoded' });
    if (proof !== null) headers.append('dpop', proof);
    for (const extra of options.extraProofs ?? []) headers.append('dpop', extra);
    const body = options.contentType === 'application/json' ? JSON.stringify(form) : new URLSearchParams(form).toString();
    return send(this.tokenEndpoint, { method: 'POST', headers, body });
  }

  /** Gets a new access token bound to this client's DPoP key (the SDK's token request); fails the test if the bank refuses. */
  accessToken(): Promise<string> {
    return this.sdk.requestNewToken();
  }

  /** Calls a resource route with `Authorization: DPoP <token>` and a fresh proof for exactly this call. */
  async call(method: string, path: string, options: ResourceCallOptions = {}): Promise<HttpResult> {
    const { body, headers: extraHeaders, ...knobs } = options;
    if (Object.keys(knobs).length === 0) {
      // The SDK's call, with a new token each time as before (a test may change the organisation between calls).
      this.sdk.forgetToken();
      return this.sdk.send(method, path, {
        ...(body === undefined ? {} : { json: body }),
        ...(extraHeaders ? { headers: extraHeaders } : {}),
      });
    }
    const url = `${this.apiUrl}${path}`;
    const headers = new Headers();
    const accessToken = options.accessToken === undefined ? await this.accessToken() : options.accessToken;
    if (options.authorization !== undefined) headers.set('authorization', options.authorization);
    else if (accessToken !== null) headers.set('authorization', `DPoP ${accessToken}`);
    const proof =
      options.proof === undefined
        ? await this.dpopProof({ method, url: url.split('?')[0], accessToken: accessToken ?? undefined, ...options.proofOptions })
        : options.proof;
    if (proof !== null) headers.set('dpop', proof);
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    if (options.body === undefined) return send(url, { method, headers });
    headers.set('content-type', 'application/json');
    return send(url, { method, headers, body: JSON.stringify(options.body) });
  }
}

/** Sends a request and reads the answer: JSON (problem+json included) parsed, anything else (a JWE part) as text. */
export async function send(url: string, init: RequestInit): Promise<HttpResult> {
  const response = await fetch(url, init);
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    contentType,
    headers: response.headers,
    body: text ? (contentType.startsWith('application/jose') ? text : JSON.parse(text)) : undefined,
  };
}

/** What registering a test organisation needs; everything has a sensible default. */
export interface RegistrationOptions {
  roles: OrganisationRole[];
  signingKeys?: OrganisationKeyPair[];
  name?: { ja: string; en?: string };
  /** Public key packages are encrypted to (X25519 or P-256). */
  encryptionKey?: JWK;
  /** Where withdrawal notices are POSTed. */
  webhookUrl?: string;
}

/**
 * Registers an organisation through the catalog's CreateOrganisationUseCase inside a running app
 * (the run's test database), with a fresh valid corporate number, and returns a client for `apiUrl`.
 */
export async function registerOrganisation(running: RunningApp, options: RegistrationOptions): Promise<OrganisationClient> {
  const signingKeys = options.signingKeys ?? [await generateOrganisationKey('ES256')];
  const base = String(randomInt(0, 1_000_000)).padStart(6, '0') + String(randomInt(0, 1_000_000)).padStart(6, '0');
  const { id } = await running.app.get(CreateOrganisationUseCase, { strict: false }).execute(operatorContext(), {
    corporateNumber: validCorporateNumber(base),
    name: options.name ?? { ja: `テスト株式会社 ${base}`, en: `Test K.K. ${base}` },
    country: 'JP',
    roles: options.roles,
    signingKeys: signingKeys.map((key) => key.publicJwk),
    termsVersion: '2025-01',
    ...(options.encryptionKey === undefined ? {} : { encryptionKey: options.encryptionKey }),
    ...(options.webhookUrl === undefined ? {} : { webhookUrl: options.webhookUrl }),
  });
  return new OrganisationClient(running.url, id, signingKeys[0], await generateOrganisationKey('EdDSA'));
}

/** Suspends an organisation through the catalog's SuspendOrganisationUseCase, as the operator would. */
export async function suspendOrganisation(running: RunningApp, organisationId: string): Promise<void> {
  await running.app.get(SuspendOrganisationUseCase, { strict: false }).execute(operatorContext(), { organisationId });
}

/**
 * Starts intake or the gateway as its main.ts does (form bodies, its error codes) on a port chosen
 * first, so that its public URL, the audience of assertions and `htu` of proofs, is the real one.
 */
export async function startOrganisationApi(
  module: Type<unknown>,
  api: 'intake' | 'gateway',
  httpOptions: { acceptFormBodies: boolean; errorStatus: Readonly<Record<string, number>> },
  overrides: Record<string, string> = {},
): Promise<RunningApp> {
  const port = await freePort();
  const publicUrlVariable = api === 'intake' ? 'INTAKE_PUBLIC_URL' : 'GATEWAY_PUBLIC_URL';
  return startTestApp(module, { [publicUrlVariable]: `http://127.0.0.1:${port}`, ...overrides }, httpOptions.errorStatus, {
    acceptFormBodies: httpOptions.acceptFormBodies,
    port,
  });
}

function operatorContext() {
  return createRequestContext({ type: 'operator', name: 'test' });
}

function pick<T>(value: T | null | undefined, fallback: T): T | null {
  return value === undefined ? fallback : value;
}

function withoutNulls<T extends Record<string, unknown>>(record: T): JWTPayload {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined));
}

/**
 * A compact JWS with an unencoded payload (RFC 7797: `b64: false` under `crit`), signed correctly with
 * `key`: the payload travels as raw JSON between the dots. jose builds only the flattened form of it.
 */
export async function unencodedPayloadJws(key: OrganisationKeyPair, payload: unknown, header: Record<string, unknown>): Promise<string> {
  const text = JSON.stringify(payload);
  const signed = await new FlattenedSign(Buffer.from(text, 'utf8'))
    .setProtectedHeader({ alg: key.alg, kid: key.kid, ...header, b64: false, crit: ['b64'] })
    .sign(key.privateKey);
  return `${signed.protected}.${text}.${signed.signature}`;
}
