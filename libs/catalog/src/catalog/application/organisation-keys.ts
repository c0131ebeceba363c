import {
  jwkThumbprint,
  toPublicJwk,
  validatePublicEncryptionJwk,
  validatePublicSigningJwk,
  type JWK,
  type PublicJwk,
} from '@infobank/crypto';
import type { FieldProblem } from '@infobank/platform';

/** Most signing keys one organisation may register at once (enough for rotation, bounded for lookups). */
export const MAX_SIGNING_KEYS = 10;

/** A checked signing key reduced to its public members, or the problems found with it. */
export type CheckedKey = { problems: FieldProblem[]; key?: undefined } | { problems: []; key: PublicJwk };

/** Validates an organisation's signing JWK and keeps only its public members. */
export async function checkSigningKey(jwk: unknown, path: string): Promise<CheckedKey> {
  const problems = await validatePublicSigningJwk(jwk, path);
  if (problems.length > 0) return { problems };
  return { problems: [], key: toPublicJwk(jwk as JWK) };
}

/** Validates an encryption JWK, keeps its public members and names it by thumbprint when it has no kid. */
export async function checkEncryptionKey(jwk: unknown, path: string): Promise<CheckedKey> {
  const problems = await validatePublicEncryptionJwk(jwk, path);
  if (problems.length > 0) return { problems };
  const key = toPublicJwk(jwk as JWK);
  return { problems: [], key: { ...key, kid: key.kid ?? (await jwkThumbprint(key)) } };
}

/** Validates a list of signing keys: non-empty, bounded, each valid, kids distinct. */
export async function checkSigningKeys(jwks: unknown, path: string): Promise<{ problems: FieldProblem[]; keys: PublicJwk[] }> {
  if (!Array.isArray(jwks) || jwks.length === 0)
    return { problems: [{ path, message: 'must be a non-empty list of public JWKs' }], keys: [] };
  if (jwks.length > MAX_SIGNING_KEYS) return { problems: [{ path, message: `must hold at most ${MAX_SIGNING_KEYS} keys` }], keys: [] };
  const checked = await Promise.all(jwks.map((jwk, index) => checkSigningKey(jwk, `${path}/${index}`)));
  const problems = checked.flatMap((result) => result.problems);
  const keys = checked.flatMap((result) => (result.key === undefined ? [] : [result.key]));
  const seen = new Set<string>();
  checked.forEach(({ key }, index) => {
    if (key === undefined) return;
    if (seen.has(key.kid as string))
      problems.push({ path: `${path}/${index}/kid`, message: 'must be unique among the organisation’s keys' });
    seen.add(key.kid as string);
  });
  return { problems, keys };
}

/** A JWK as canonical JSON (members sorted), so that equal keys compare equal whatever their member order. */
export function canonicalJwk(jwk: PublicJwk | null | undefined): string {
  if (jwk === null || jwk === undefined) return 'null';
  const record = jwk as Record<string, unknown>;
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((member) => [member, record[member]]),
    ),
  );
}
