import { Inject, Injectable } from '@nestjs/common';
import { BankKeyRing } from '@infobank/crypto';
import type { RequestContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { UnauthorizedClientError, UnsupportedGrantTypeError } from '../../auth.errors';
import { ACCESS_TOKEN_LIFETIME_SECONDS } from '../domain/client-authentication-policy';
import { endpointUrl } from '../domain/http-target';
import { ClientAssertionVerifier } from './client-assertion.verifier';
import { DpopProofChecker } from './dpop-proof.checker';
import { ORGANISATION_CLIENT_SETTINGS, type OrganisationClientSettings } from './organisation-client-settings';

/** The `client_assertion_type` of RFC 7523 §2.2. */
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Where organisations ask for tokens, on intake and on the gateway. */
export const TOKEN_ENDPOINT_PATH = '/oauth/token';
/** The `typ` of the bank's access tokens (RFC 9068). */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** A token request as the token endpoint received it (form fields already validated for shape). */
export interface IssueAccessTokenCommand {
  grantType: string;
  clientAssertion: string;
  /** `client_id`, optional with an assertion (RFC 7523 §3.1); when sent it must name the assertion's issuer. */
  clientId?: string;
  /** The request's `DPoP` header, as received (absent, once, or repeated). */
  dpopProof: string | string[] | undefined;
  /** The HTTP method the request came with (bound by the proof's `htm`). */
  method: string;
}

/** What the token endpoint returns (RFC 6749 §5.1, `token_type` DPoP per RFC 9449 §5). */
export interface IssuedAccessToken {
  accessToken: string;
  tokenType: 'DPoP';
  expiresIn: number;
}

/**
 * Issues a DPoP-bound access token to an organisation that authenticated with `private_key_jwt`:
 * signed by the bank (EdDSA, `at+jwt`), for this API only, 10 minutes, `cnf.jkt` = the proof key.
 */
@Injectable()
export class IssueAccessTokenUseCase {
  constructor(
    @Inject(ORGANISATION_CLIENT_SETTINGS) private readonly settings: OrganisationClientSettings,
    private readonly assertions: ClientAssertionVerifier,
    private readonly proofs: DpopProofChecker,
    private readonly keyRing: BankKeyRing,
  ) {}

  /** Checks everything first, then spends the assertion and proof `jti`s, then signs the token. */
  async execute(ctx: RequestContext, command: IssueAccessTokenCommand): Promise<IssuedAccessToken> {
    if (command.grantType !== 'client_credentials') throw new UnsupportedGrantTypeError();
    const now = Math.floor(ctx.now().getTime() / 1000);
    const tokenEndpointUrl = endpointUrl(this.settings.publicUrl, TOKEN_ENDPOINT_PATH);
    const proof = await this.proofs.check(command.dpopProof, { method: command.method, url: tokenEndpointUrl, now });
    const assertion = await this.assertions.verify(command.clientAssertion, {
      issuer: this.settings.publicUrl,
      tokenEndpointUrl,
      clientId: command.clientId,
      now,
    });
    const { organisation } = assertion;
    if (!organisation.roles.includes(this.settings.role)) throw new UnauthorizedClientError(this.settings.role);
    await this.assertions.spend(assertion, now);
    await this.proofs.spend(proof, now);
    const accessToken = await this.keyRing.signJwt(
      { client_id: organisation.id, roles: [...organisation.roles], cnf: { jkt: proof.jkt } },
      {
        typ: ACCESS_TOKEN_TYPE,
        expiresIn: ACCESS_TOKEN_LIFETIME_SECONDS,
        issuer: this.settings.publicUrl,
        audience: this.settings.publicUrl,
        subject: organisation.id,
        jti: randomUUID(),
      },
    );
    return { accessToken, tokenType: 'DPoP', expiresIn: ACCESS_TOKEN_LIFETIME_SECONDS };
  }
}
