/** `typ` of the bank's signature over a package part (the JWS inside the JWE). */
export const PACKAGE_JWS_TYPE = 'infobank-package+jws';

/** `typ` of the encrypted package part a recipient downloads. */
export const PACKAGE_JWE_TYPE = 'infobank-package+jwe';

/** Media type of a downloaded part. */
export const PACKAGE_MEDIA_TYPE = 'application/jose';
