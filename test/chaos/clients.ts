// How the chaos workload talks to the bank: every HTTP answer is written to the traffic log (when, which
// app, which status, or that the connection failed), which the checker later holds against the fault
// windows. Organisations authenticate as real ones do (private_key_jwt + DPoP, jose); individuals and
// board members with bearer tokens.
import { base64url, calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** One answer (or failure to answer) the workload saw. */
export interface Exchange {
  at: number;
  app: string;
  route: string;
  /** The HTTP status, or 0 when the connection failed or timed out. */
  status: number;
  code?: string;
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers | null;
}

/** How long one request may take (a hang of the database proxy makes the apps answer slowly). */
const REQUEST_TIMEOUT_MS = 45_000;

export class Traffic {
  readonly exchanges: Exchange[] = [];

  /** Sends a request and records the outcome; a failed connection answers status 0 instead of throwing. */
  async send(app: string, route: string, url: string, init: RequestInit): Promise<Answer> {
    let answer: Answer;
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      let body: unknown = text;
      if (text && type.includes('json')) body = JSON.parse(text);
      answer = { status: response.status, body, headers: response.headers };
    } catch {
      answer = { status: 0, body: undefined, headers: null };
    }
    const code = typeof answer.body === 'object' && answer.body !== null ? (answer.body as { code?: string }).code : undefined;
    this.exchanges.push({ at: Date.now(), app, route, status: answer.status, ...(code ? { code } : {}) });
    return answer;
  }

  /** JSON in, JSON out, optionally with a bearer token. */
  json(
    app: string,
    base: string,
    method: string,
    path: string,
    options: { body?: unknown; bearer?: string; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
    const route = `${method} ${path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').split('?')[0]}`;
    return this.send(app, route, `${base}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  }
}

/** A key pair an organisation holds; kid is the RFC 7638 thumbprint. */
export interface KeyPair {
  alg: 'ES256' | 'EdDSA';
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function signingKey(alg: 'ES256' | 'EdDSA' = 'ES256'): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const bare = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(bare);
  return { alg, kid, privateKey, publicJwk: { ...bare, kid, alg, use: 'sig' } };
}

/** A company at intake or the gateway: its registered signing key and a DPoP key of its own. */
export class OrganisationClient {
  private token: { value: string; until: number } | null = null;

  constructor(
    private readonly traffic: Traffic,
    readonly app: string,
    readonly apiUrl: string,
    readonly id: string,
    readonly signing: KeyPair,
    readonly dpop: KeyPair,
  ) {}

  /** A fresh client assertion (RFC 7523) for the token endpoint. */
  assertion(): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: this.signing.alg, kid: this.signing.kid, typ: 'client-authentication+jwt' })
      .setIssuer(this.id)
      .setSubject(this.id)
      .setAudience(`${this.apiUrl}/oauth/token`)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(this.signing.privateKey);
  }

  /** A DPoP proof (RFC 9449) for exactly `method url`, bound to `accessToken` when given. */
  proof(method: string, url: string, accessToken?: string): Promise<string> {
    const { kid: _kid, alg: _alg, use: _use, ...jwk } = this.dpop.publicJwk;
    const claims: Record<string, unknown> = {
      htm: method,
      htu: url,
      iat: Math.floor(Date.now() / 1000),
      jti: base64url.encode(randomBytes(16)),
    };
    if (accessToken !== undefined) claims.ath = base64url.encode(createHash('sha256').update(accessToken, 'ascii').digest());
    return new SignJWT(claims).setProtectedHeader({ alg: this.dpop.alg, typ: 'dpop+jwt', jwk }).sign(this.dpop.privateKey);
  }

  /** POSTs a token request with this assertion and proof (the replay check sends the same ones twice). */
  tokenRequest(assertion: string, proof: string): Promise<Answer> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    }).toString();
    return this.traffic.send(this.app, 'POST /oauth/token', `${this.apiUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', dpop: proof },
      body,
    });
  }

  /** A DPoP-bound access token, reused for a few minutes; null when the bank did not answer with one. */
  async accessToken(): Promise<string | null> {
    if (this.token !== null && this.token.until > Date.now()) return this.token.value;
    const answer = await this.tokenRequest(await this.assertion(), await this.proof('POST', `${this.apiUrl}/oauth/token`));
    if (answer.status !== 200) return null;
    this.token = { value: answer.body.access_token as string, until: Date.now() + 120_000 };
    return this.token.value;
  }

  /** Calls a resource route with a fresh proof; a refused token is dropped so the next call gets another. */
  async call(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; raw?: string; contentType?: string } = {},
  ): Promise<Answer> {
    const accessToken = await this.accessToken();
    if (accessToken === null) return { status: 0, body: undefined, headers: null };
    const url = `${this.apiUrl}${path}`;
    const headers: Record<string, string> = {
      authorization: `DPoP ${accessToken}`,
      dpop: await this.proof(method, url.split('?')[0], accessToken),
      ...options.headers,
    };
    let body: string | undefined;
    if (options.raw !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/jose';
      body = options.raw;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const route = `${method} ${
      path
        .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')
        .replace(/\/parts\/\d+/, '/parts/:n')
        .split('?')[0]
    }`;
    const answer = await this.traffic.send(this.app, route, url, { method, headers, ...(body === undefined ? {} : { body }) });
    if (answer.status === 401) this.token = null;
    return answer;
  }
}
