/**
 * The RFC 6749 §5.2 error form of the token endpoint: `error` and `error_description` beside the
 * problem details fields, so that OAuth client libraries read our refusals as they expect.
 */

/** The OAuth `error` code for a problem the token endpoint answers with. */
export function oauthErrorCode(problem: { code: string; status: number }): string {
  switch (problem.code) {
    case 'INVALID_CLIENT':
      return 'invalid_client';
    case 'INVALID_DPOP_PROOF':
      return 'invalid_dpop_proof';
    case 'UNSUPPORTED_GRANT_TYPE':
      return 'unsupported_grant_type';
    case 'UNAUTHORIZED_CLIENT':
      return 'unauthorized_client';
  }
  if (problem.status === 503) return 'temporarily_unavailable';
  if (problem.status >= 500) return 'server_error';
  if (problem.status === 401) return 'invalid_client';
  // Validation, media type, size: the request itself is not a token request we can read.
  return 'invalid_request';
}

/** `error_description` holds only printable ASCII without `"` and `\` (RFC 6749 §5.2). */
export function oauthErrorDescription(detail: string): string {
  return detail
    .replace(/["\u2018\u2019\u201c\u201d]/g, "'")
    .replace(/\\/g, '/')
    .replace(/[^\x20-\x7e]/g, '')
    .trim();
}

/** A problem details body with the OAuth error fields added; anything else is returned as it is. */
export function withOAuthErrorFields(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null) return payload;
  const problem = payload as { code?: unknown; status?: unknown; detail?: unknown; title?: unknown };
  if (typeof problem.code !== 'string' || typeof problem.status !== 'number' || problem.status < 400) return payload;
  const description = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : '';
  return {
    ...payload,
    error: oauthErrorCode({ code: problem.code, status: problem.status }),
    ...(description === '' ? {} : { error_description: oauthErrorDescription(description) }),
  };
}
