/**
 * URLs a DPoP proof and a client assertion are bound to. Pure: no Nest, no jose.
 */

/** The absolute URL of `path` on an API reachable at `publicUrl` (which may carry a path prefix). */
export function endpointUrl(publicUrl: string, path: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  const withoutQuery = path.split(/[?#]/, 1)[0];
  return `${base}${withoutQuery.startsWith('/') ? '' : '/'}${withoutQuery}`;
}

/**
 * The form two `htu` values are compared in (RFC 9449 §4.3 step 9, RFC 3986 §6.2.2–6.2.3): scheme and
 * host lower-cased, default port dropped, dot segments resolved, query and fragment removed.
 * Returns undefined for anything that is not an absolute http(s) URL.
 */
export function normaliseHttpTarget(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 4096) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** True when the proof's `htu` names the same resource as the request's URL (query and fragment ignored). */
export function sameHttpTarget(claimed: unknown, expected: string): boolean {
  const normalisedClaim = normaliseHttpTarget(claimed);
  return normalisedClaim !== undefined && normalisedClaim === normaliseHttpTarget(expected);
}

/** The credentials an `Authorization` header carries under the DPoP scheme, or why it carries none. */
export type DpopAuthorization = { kind: 'dpop'; token: string } | { kind: 'missing' } | { kind: 'other-scheme' } | { kind: 'malformed' };

// RFC 6750 §2.1 b64token.
const b64token = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Reads `Authorization: DPoP <token>` (scheme case-insensitive, RFC 9110 §11.1). */
export function parseDpopAuthorization(header: unknown): DpopAuthorization {
  if (header === undefined || header === '') return { kind: 'missing' };
  if (typeof header !== 'string') return { kind: 'malformed' };
  const match = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+) +(\S+)$/.exec(header.trim());
  if (match === null) return { kind: 'malformed' };
  if (match[1].toLowerCase() !== 'dpop') return { kind: 'other-scheme' };
  return b64token.test(match[2]) ? { kind: 'dpop', token: match[2] } : { kind: 'malformed' };
}
