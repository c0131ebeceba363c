import { REFRESH_TOKEN_LIFETIME_MS } from './refresh-token';

/** The request header by which a browser asks for a cookie session instead of tokens in the JSON body. */
export const SESSION_MODE_HEADER = 'x-infobank-session';
/** The value of SESSION_MODE_HEADER that selects the cookie session. */
export const COOKIE_SESSION_MODE = 'cookie';
/** The path the refresh cookie is scoped to: the browser sends it to the auth routes only. */
export const REFRESH_COOKIE_PATH = '/v1/auth';

/**
 * `Set-Cookie` value holding a refresh token: unreadable by scripts (HttpOnly), sent over TLS only
 * (Secure; browsers treat localhost as secure), never on cross-site requests (SameSite=Strict), and
 * only to the auth routes. Lives as long as the token.
 */
export function refreshCookie(cookieName: string, refreshToken: string): string {
  const maxAgeSeconds = Math.floor(REFRESH_TOKEN_LIFETIME_MS / 1000);
  return `${cookieName}=${refreshToken}; HttpOnly; Secure; SameSite=Strict; Path=${REFRESH_COOKIE_PATH}; Max-Age=${maxAgeSeconds}`;
}

/** `Set-Cookie` value that makes the browser forget the refresh cookie. */
export function clearedRefreshCookie(cookieName: string): string {
  return `${cookieName}=; HttpOnly; Secure; SameSite=Strict; Path=${REFRESH_COOKIE_PATH}; Max-Age=0`;
}

/** The value of cookie `name` in a `Cookie` request header (the first one, as browsers send the most specific first), or undefined. */
export function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  if (cookieHeader === undefined) return undefined;
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return undefined;
}

/**
 * Whether a cookie-session request may proceed: its `Origin` must be exactly the origin the request
 * was addressed to (`ownOrigin`) or one of `allowedOrigins`. A missing or opaque (`null`) Origin fails.
 */
export function isOriginAllowed(origin: string | undefined, ownOrigin: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (origin === undefined || origin === 'null') return false;
  return origin === ownOrigin || allowedOrigins.includes(origin);
}

/**
 * The origin (`scheme://host[:port]`; default port left out, host lower-cased, as browsers write `Origin`)
 * of a request made with this protocol and Host, or undefined when they do not form one.
 */
export function originOf(protocol: string, host: string | undefined): string | undefined {
  if (host === undefined || host === '' || !/^https?$/.test(protocol)) return undefined;
  try {
    const url = new URL(`${protocol}://${host}`);
    // A Host carrying a path, credentials, a query or a fragment names no origin.
    if (url.pathname !== '/' || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}
