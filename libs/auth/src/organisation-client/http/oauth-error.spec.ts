import { oauthErrorCode, oauthErrorDescription, withOAuthErrorFields } from './oauth-error';

describe('token endpoint errors in the RFC 6749 §5.2 form', () => {
  it.each([
    ['INVALID_CLIENT', 401, 'invalid_client'],
    ['INVALID_DPOP_PROOF', 401, 'invalid_dpop_proof'],
    ['UNSUPPORTED_GRANT_TYPE', 400, 'unsupported_grant_type'],
    ['UNAUTHORIZED_CLIENT', 400, 'unauthorized_client'],
    ['VALIDATION_FAILED', 400, 'invalid_request'],
    ['UNSUPPORTED_MEDIA_TYPE', 415, 'invalid_request'],
    ['SERVICE_UNAVAILABLE', 503, 'temporarily_unavailable'],
    ['INTERNAL_ERROR', 500, 'server_error'],
  ])('maps %s (%i) to %s', (code, status, error) => {
    expect(oauthErrorCode({ code, status })).toBe(error);
  });

  it('keeps the problem fields and adds error and an ASCII-only error_description', () => {
    const problem = {
      type: 'urn:x',
      title: 'Invalid client',
      status: 401,
      code: 'INVALID_CLIENT',
      detail: 'The client assertion has no usable "jti" – ’ok’.',
    };
    expect(withOAuthErrorFields(problem)).toEqual({
      ...problem,
      error: 'invalid_client',
      error_description: "The client assertion has no usable 'jti'  'ok'.",
    });
  });

  it('leaves successful bodies alone', () => {
    const token = { access_token: 'a', token_type: 'DPoP', expires_in: 600 };
    expect(withOAuthErrorFields(token)).toBe(token);
  });

  it('strips characters RFC 6749 does not allow in error_description', () => {
    expect(oauthErrorDescription('a\\b\n日本')).toBe('a/b');
  });
});
