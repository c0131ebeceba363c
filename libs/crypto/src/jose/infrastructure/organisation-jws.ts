import { CompactSign, importJWK, type JWK } from 'jose';
import { CryptoError } from '../../crypto.errors';
import { isAllowedJwsAlgorithm } from './jose-algorithms';
import { toCryptoError } from './jose-error-mapping';

/**
 * Signs a JSON payload as a compact JWS with an organisation's private JWK (its `kid` and `alg` in
 * the header, `typ` as given), as a provider signs a deposit batch. Only for the bank's own tools
 * acting as a demo organisation (seed:demo): the bank never holds real organisations' private keys.
 */
export async function signJsonAsOrganisation(payload: unknown, privateJwk: JWK, options: { typ: string }): Promise<string> {
  const { alg, kid } = privateJwk;
  if (!isAllowedJwsAlgorithm(alg) || typeof kid !== 'string' || kid.length === 0) {
    throw new CryptoError('JOSE_KEY_INVALID', 'An organisation signing key needs a kid and an allowed alg.');
  }
  try {
    const key = await importJWK(privateJwk, alg);
    return await new CompactSign(Buffer.from(JSON.stringify(payload), 'utf8')).setProtectedHeader({ alg, kid, typ: options.typ }).sign(key);
  } catch (error) {
    throw toCryptoError(error, 'Signing as the organisation');
  }
}
