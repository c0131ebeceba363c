// A provider as the deposits benchmark drives it: its own keys, a private_key_jwt + DPoP access token
// from intake, and signed batches posted as application/jose. The e2e suites use the fuller client
// in test/support (not part of the benchmark build); this is the minimum a real provider does.
import { base64url, calculateJwkThumbprint, CompactSign, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** One of the provider's key pairs (signing key registered with the bank, or its DPoP key). */
interface ProviderKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function newKey(): Promise<ProviderKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { kid, privateKey, publicJwk: { ...jwk, kid, alg: 'ES256', use: 'sig' } };
}

/** A provider's keys before it is registered: the public signing JWK goes to the catalog. */
export class BenchProvider {
  private accessToken: string | null = null;

  private constructor(
    readonly signing: ProviderKey,
    private readonly dpop: ProviderKey,
    readonly intakeUrl: string,
    private organisationId = '',
  ) {}

  static async create(intakeUrl: string): Promise<BenchProvider> {
    return new BenchProvider(await newKey(), await newKey(), intakeUrl);
  }

  /** The id the catalog gave the provider once registered. */
  registeredAs(organisationId: string): this {
    this.organisationId = organisationId;
    return this;
  }

  /** Signs a deposit batch (compact JWS, typ deposit-batch+jws) with the registered key. */
  signBatch(payload: unknown): Promise<string> {
    return new CompactSign(Buffer.from(JSON.stringify(payload), 'utf8'))
      .setProtectedHeader({ alg: 'ES256', kid: this.signing.kid, typ: 'deposit-batch+jws' })
      .sign(this.signing.privateKey);
  }

  /** Gets (once) a DPoP-bound access token with a private_key_jwt client assertion. */
  async signIn(): Promise<void> {
    const tokenUrl = `${this.intakeUrl}/oauth/token`;
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'ES256', kid: this.signing.kid, typ: 'client-authentication+jwt' })
      .setIssuer(this.organisationId)
      .setSubject(this.organisationId)
      .setAudience(this.intakeUrl)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(this.signing.privateKey);
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', dpop: await this.proof('POST', tokenUrl) },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      }).toString(),
    });
    const body = (await response.json()) as { access_token?: string };
    if (response.status !== 200 || body.access_token === undefined) throw new Error(`intake refused a token: ${response.status}`);
    this.accessToken = body.access_token;
  }

  /** POSTs a signed batch; fails unless intake answers 200. */
  async deposit(jws: string): Promise<{ results: { status: string }[] }> {
    if (this.accessToken === null) throw new Error('signIn() first');
    const url = `${this.intakeUrl}/v1/deposits`;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `DPoP ${this.accessToken}`,
        dpop: await this.proof('POST', url, this.accessToken),
        'content-type': 'application/jose',
      },
      body: jws,
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`deposit refused: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as { results: { status: string }[] };
  }

  private proof(method: string, url: string, accessToken?: string): Promise<string> {
    const { kid: _kid, alg: _alg, use: _use, ...jwk } = this.dpop.publicJwk;
    const claims = {
      htm: method,
      htu: url,
      iat: Math.floor(Date.now() / 1000),
      jti: base64url.encode(randomBytes(16)),
      ...(accessToken === undefined ? {} : { ath: base64url.encode(createHash('sha256').update(accessToken, 'ascii').digest()) }),
    };
    return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk }).sign(this.dpop.privateKey);
  }
}
