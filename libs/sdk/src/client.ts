// One organisation talking to one Infobank API (intake for providers, the gateway for recipients):
// it authenticates with a private_key_jwt client assertion (RFC 7523), gets access tokens bound to
// its own DPoP key (RFC 9449) and sends every call with a fresh proof. Tokens are reused until shortly
// before they expire; a DPoP nonce, if the server asks for one, is taken and the request sent again.
import { base64url, exportJWK, SignJWT, type JWK } from 'jose';
import { generateSigningKey, type SigningKey } from './keys.js';

/** What `fetch` the client uses (the global one unless you pass your own, e.g. with a proxy agent). */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** How to reach the bank as one organisation. */
export interface InfobankClientOptions {
  /** The API's base URL, e.g. https://intake.bank.example.jp (no trailing slash needed). */
  apiUrl: string;
  /** Your organisation id (the bank gives it to you when it registers you). */
  organisationId: string;
  /** Your registered signing key (private half). */
  signingKey: SigningKey;
  /** Your DPoP key; a fresh ES256 key is made when left out. Never register it. */
  dpopKey?: SigningKey;
  fetch?: FetchFunction;
  /** Renew a token this many seconds before it expires (default 30). */
  renewBeforeSeconds?: number;
}

/** What an HTTP call returned: status, media type, headers and the body (parsed JSON, or text for application/jose). */
export interface ApiResponse<T = unknown> {
  status: number;
  contentType: string;
  headers: Headers;
  body: T;
}

/** A problem+json answer (RFC 9457), or an OAuth error from the token endpoint, as thrown by the client. */
export class InfobankApiError extends Error {
  /** The bank's error code (e.g. LINK_CODE_INVALID), or the OAuth `error` (e.g. invalid_client). */
  readonly code: string;

  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Headers,
  ) {
    const problem = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const code = String(problem.code ?? problem.error ?? `HTTP_${status}`);
    const detail = problem.detail ?? problem.error_description ?? problem.title;
    super(`${status} ${code}${typeof detail === 'string' ? `: ${detail}` : ''}`);
    this.name = 'InfobankApiError';
    this.code = code;
  }
}

/** What to send: a JSON body, or a ready text body (a compact JWS) with its media type. */
export interface RequestOptions {
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** An access token and when to stop using it. */
interface HeldToken {
  value: string;
  renewAt: number;
}

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export class InfobankClient {
  readonly apiUrl: string;
  readonly organisationId: string;
  readonly signingKey: SigningKey;
  readonly dpopKey: SigningKey;
  private readonly fetchFunction: FetchFunction;
  private readonly renewBeforeSeconds: number;
  private token: HeldToken | null = null;
  private pendingToken: Promise<string> | null = null;
  /** The last DPoP nonce the server sent (RFC 9449 §8), put into every later proof. */
  private dpopNonce: string | undefined;

  /** A client with the DPoP key given; `InfobankClient.create` makes one for you. */
  constructor(options: InfobankClientOptions & { dpopKey: SigningKey }) {
    this.apiUrl = options.apiUrl.replace(/\/+$/, '');
    this.organisationId = options.organisationId;
    this.signingKey = options.signingKey;
    this.dpopKey = options.dpopKey;
    this.fetchFunction = options.fetch ?? ((input, init) => fetch(input, init));
    this.renewBeforeSeconds = options.renewBeforeSeconds ?? 30;
  }

  /** A client for one API; makes a DPoP key unless you give one. */
  static async create(options: InfobankClientOptions): Promise<InfobankClient> {
    return new InfobankClient({ ...options, dpopKey: options.dpopKey ?? (await generateSigningKey('ES256')) });
  }

  /** The same organisation and keys at another API (intake and the gateway each issue their own tokens). */
  at(apiUrl: string): InfobankClient {
    return new InfobankClient({
      apiUrl,
      organisationId: this.organisationId,
      signingKey: this.signingKey,
      dpopKey: this.dpopKey,
      fetch: this.fetchFunction,
      renewBeforeSeconds: this.renewBeforeSeconds,
    });
  }

  get tokenEndpoint(): string {
    return `${this.apiUrl}/oauth/token`;
  }

  /** A client assertion: typ client-authentication+jwt, iss = sub = your id, aud = the token endpoint, 60 s, fresh jti. */
  clientAssertion(): Promise<string> {
    const now = this.nowSeconds();
    return new SignJWT({ jti: randomId() })
      .setProtectedHeader({ alg: this.signingKey.alg, kid: this.signingKey.kid, typ: 'client-authentication+jwt' })
      .setIssuer(this.organisationId)
      .setSubject(this.organisationId)
      .setAudience(this.tokenEndpoint)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(this.signingKey.privateKey);
  }

  /** A DPoP proof for `method url` (query and fragment left out of htu), with `ath` when a token is given. */
  async dpopProof(method: string, url: string, accessToken?: string): Promise<string> {
    const { kid: _kid, alg: _alg, use: _use, ...jwk } = this.dpopKey.publicJwk as JWK;
    const htu = url.split(/[?#]/)[0];
    const claims: Record<string, unknown> = { htm: method, htu, jti: randomId(), iat: this.nowSeconds() };
    if (accessToken !== undefined) claims.ath = await sha256Base64url(accessToken);
    if (this.dpopNonce !== undefined) claims.nonce = this.dpopNonce;
    const publicJwk = Object.keys(jwk).length > 0 ? jwk : await exportJWK(this.dpopKey.publicKey);
    return new SignJWT(claims).setProtectedHeader({ alg: this.dpopKey.alg, typ: 'dpop+jwt', jwk: publicJwk }).sign(this.dpopKey.privateKey);
  }

  /** An access token: the one held while it has more than `renewBeforeSeconds` left, else a new one. */
  async accessToken(): Promise<string> {
    if (this.token !== null && Date.now() < this.token.renewAt) return this.token.value;
    // Concurrent callers share one token request.
    this.pendingToken ??= this.requestNewToken().finally(() => (this.pendingToken = null));
    return this.pendingToken;
  }

  /** Asks the token endpoint for a new token (and holds it for `accessToken()`); throws InfobankApiError when refused. */
  async requestNewToken(): Promise<string> {
    const requested = Date.now();
    let response = await this.postTokenRequest();
    if (await this.takeNonceChallenge(response)) response = await this.postTokenRequest();
    const body = await readBody(response);
    if (response.status !== 200) throw new InfobankApiError(response.status, body, response.headers);
    const { access_token: value, expires_in: expiresIn } = body as { access_token: string; expires_in: number };
    this.token = { value, renewAt: requested + Math.max(0, expiresIn - this.renewBeforeSeconds) * 1000 };
    return value;
  }

  /** Forgets the held token (the next call gets a new one). */
  forgetToken(): void {
    this.token = null;
  }

  /**
   * Calls a route with the held token and a fresh proof, and returns whatever the bank answered
   * (problem+json included). A 401 asking for a DPoP nonce is answered once with the nonce; a 401
   * for an expired token once with a new token.
   */
  async send<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const held = this.token !== null && Date.now() < this.token.renewAt;
    let response = await this.sendOnce(method, path, options, await this.accessToken());
    if (response.status === 401) {
      if (await this.takeNonceChallenge(response)) {
        response = await this.sendOnce(method, path, options, await this.accessToken());
      } else if (held && ((await readBody(response)) as { code?: unknown } | undefined)?.code === 'INVALID_TOKEN') {
        // The token held from before was refused (expired early, or the bank restarted its keys): once more with a new one.
        this.forgetToken();
        response = await this.sendOnce(method, path, options, await this.accessToken());
      }
    }
    const body = (await readBody(response)) as T;
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', headers: response.headers, body };
  }

  /** Like `send`, but throws InfobankApiError unless the answer is a success, and returns the body. */
  async call<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send<T>(method, path, options);
    if (response.status < 200 || response.status >= 300) throw new InfobankApiError(response.status, response.body, response.headers);
    return response.body;
  }

  /** GETs a public document of this API (no token), e.g. /.well-known/jwks.json. */
  async getPublic<T = unknown>(path: string): Promise<T> {
    const response = await this.fetchFunction(`${this.apiUrl}${path}`, { method: 'GET', headers: { accept: 'application/json' } });
    const body = await readBody(response);
    if (!response.ok) throw new InfobankApiError(response.status, body, response.headers);
    return body as T;
  }

  private async sendOnce(method: string, path: string, options: RequestOptions, accessToken: string): Promise<Response> {
    const url = `${this.apiUrl}${path}`;
    const headers = new Headers(options.headers);
    headers.set('authorization', `DPoP ${accessToken}`);
    headers.set('dpop', await this.dpopProof(method, url, accessToken));
    let body: string | undefined;
    if (options.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(options.json);
    } else if (options.text !== undefined) {
      headers.set('content-type', options.contentType ?? 'text/plain');
      body = options.text;
    }
    const response = await this.fetchFunction(url, { method, headers, ...(body === undefined ? {} : { body }) });
    this.rememberNonce(response);
    return response;
  }

  private async postTokenRequest(): Promise<Response> {
    const response = await this.fetchFunction(this.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', dpop: await this.dpopProof('POST', this.tokenEndpoint) },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: JWT_BEARER,
        client_assertion: await this.clientAssertion(),
      }).toString(),
    });
    this.rememberNonce(response);
    return response;
  }

  /** Keeps the DPoP-Nonce header of any answer for the next proofs. */
  private rememberNonce(response: Response): void {
    const nonce = response.headers.get('dpop-nonce');
    if (nonce !== null && nonce !== '') this.dpopNonce = nonce;
  }

  /** True when the answer asks for a DPoP nonce (400 use_dpop_nonce at the token endpoint, 401 with WWW-Authenticate at a resource). */
  private async takeNonceChallenge(response: Response): Promise<boolean> {
    if (response.headers.get('dpop-nonce') === null) return false;
    if (response.status === 401) return /use_dpop_nonce/.test(response.headers.get('www-authenticate') ?? '');
    if (response.status !== 400) return false;
    const body = await readBody(response);
    return typeof body === 'object' && body !== null && (body as { error?: unknown }).error === 'use_dpop_nonce';
  }

  private nowSeconds(): number {
    return Math.floor(Date.now() / 1000);
  }
}

/** Bodies already read (a token answer is looked into for a nonce challenge first), so that reading again gives the same text. */
const peekedBodies = new WeakMap<Response, string>();

/** Reads an answer's body once: JSON parsed, application/jose as text, empty as undefined. */
async function readBody(response: Response): Promise<unknown> {
  const text = peekedBodies.get(response) ?? (await response.text());
  peekedBodies.set(response, text);
  if (text === '') return undefined;
  const contentType = response.headers.get('content-type') ?? '';
  return /json/.test(contentType) ? JSON.parse(text) : text;
}

async function sha256Base64url(text: string): Promise<string> {
  return base64url.encode(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

function randomId(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(16)));
}
