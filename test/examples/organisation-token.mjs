// How an organisation (a provider or a recipient) gets an access token from Infobank and calls its
// API, using only jose and fetch: a private_key_jwt client assertion (RFC 7523) signed by a key the
// bank has registered, and DPoP proofs (RFC 9449) by a key pair the client makes for itself.
//
// Usage: node test/examples/organisation-token.mjs .data/demo/credentials.json sakura-mart intake
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';

const [credentialsFile, slug, api = 'intake'] = process.argv.slice(2);
const credentials = JSON.parse(await readFile(credentialsFile, 'utf8'));
const organisation = credentials.organisations.find((candidate) => candidate.slug === slug);
const apiUrl = organisation?.apis[api];
if (apiUrl === undefined) throw new Error(`${slug} is not an organisation that may call ${api}`);

// 0. The API's OAuth metadata (RFC 8414): its issuer identifier and token endpoint.
const metadata = await (await fetch(`${apiUrl}/.well-known/oauth-authorization-server`)).json();
const { issuer, token_endpoint: tokenEndpoint } = metadata;

// 1. The client assertion: typ client-authentication+jwt, iss = sub = the organisation id, aud = the
//    bank's issuer identifier, short-lived, unique jti.
const privateJwk = JSON.parse(await readFile(organisation.signingKeyFile, 'utf8'));
const signingKey = await importJWK(privateJwk, privateJwk.alg);
const clientAssertion = await new SignJWT({})
  .setProtectedHeader({ alg: privateJwk.alg, kid: privateJwk.kid, typ: 'client-authentication+jwt' })
  .setIssuer(organisation.id)
  .setSubject(organisation.id)
  .setAudience(issuer)
  .setIssuedAt()
  .setExpirationTime('60s')
  .setJti(randomUUID())
  .sign(signingKey);

// 2. DPoP: a key pair of the client's own (never registered); every request carries a fresh proof.
const dpopKey = await generateKeyPair('ES256');
const dpopJwk = await exportJWK(dpopKey.publicKey);
function dpopProof(method, url, accessToken) {
  const ath = accessToken === undefined ? {} : { ath: createHash('sha256').update(accessToken).digest('base64url') };
  return new SignJWT({ htm: method, htu: url, ...ath })
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: dpopJwk })
    .setIssuedAt()
    .setJti(randomUUID())
    .sign(dpopKey.privateKey);
}

// 3. The token request (form body, as OAuth 2.0 has it).
const tokenResponse = await fetch(tokenEndpoint, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', dpop: await dpopProof('POST', tokenEndpoint) },
  body: new URLSearchParams({
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: clientAssertion,
  }),
});
const token = await tokenResponse.json();
if (!tokenResponse.ok) throw new Error(`token refused: ${token.error}: ${token.error_description}`);

// 4. A resource call: the token in `Authorization: DPoP …` and a proof bound to this method, URL and token.
const resourceUrl = `${apiUrl}/v1/organisation`;
const resource = await fetch(resourceUrl, {
  headers: { authorization: `DPoP ${token.access_token}`, dpop: await dpopProof('GET', resourceUrl, token.access_token) },
});
console.log(JSON.stringify({ tokenType: token.token_type, expiresIn: token.expires_in, organisation: await resource.json() }, null, 2));
