import { Module, type DynamicModule } from '@nestjs/common';
import { CatalogModule, type OrganisationRole } from '@infobank/catalog';
import { BankKeysHttpModule } from '@infobank/crypto';
import { APP_CONFIG, type AppConfig } from '@infobank/platform';
import { AuthenticateOrganisationRequestUseCase } from './application/authenticate-organisation-request.use-case';
import { ClientAssertionVerifier } from './application/client-assertion.verifier';
import { DpopProofChecker } from './application/dpop-proof.checker';
import { IssueAccessTokenUseCase } from './application/issue-access-token.use-case';
import { ORGANISATION_CLIENT_SETTINGS, type OrganisationClientSettings } from './application/organisation-client-settings';
import { AuthorizationServerMetadataController } from './http/authorization-server-metadata.controller';
import { AUTHENTICATE_BEFORE_BODY_ROUTES, OrganisationClientHttpHooks, type BodyRoute } from './http/authenticate-before-body';
import { OrganisationAuthGuard } from './http/organisation-auth.guard';
import { TokenController } from './http/token.controller';
import { ReplayCache } from './infrastructure/redis-replay-cache';

/** Which organisation-facing API a process is: its key in config.http.publicUrls and the role it serves. */
export interface OrganisationApiOptions {
  api: 'intake' | 'gateway';
  role: OrganisationRole;
  /** Routes with large bodies (deposits, attestations): the organisation is authenticated before the body is read. */
  authenticateBeforeBody?: readonly BodyRoute[];
}

/**
 * Organisation client authentication for one API: `POST /oauth/token`, its RFC 8414 metadata and the
 * OrganisationAuthGuard behind `@OrganisationRoute(role)`. Needs PlatformModule (config, Redis, TypeORM).
 */
@Module({})
export class OrganisationClientModule {
  /** Registers the token endpoint and guard for `api`, which issues tokens to organisations holding `role`. */
  static forApi(options: OrganisationApiOptions): DynamicModule {
    return {
      module: OrganisationClientModule,
      // BankKeysHttpModule, not CryptoModule.forPlatform() again: a second dynamic registration would load
      // (or, in development, generate) the key material twice. The bank's JWKS is what verifiers need anyway.
      imports: [CatalogModule, BankKeysHttpModule],
      controllers: [TokenController, AuthorizationServerMetadataController],
      providers: [
        {
          provide: ORGANISATION_CLIENT_SETTINGS,
          useFactory: (config: AppConfig): OrganisationClientSettings => ({
            publicUrl: config.http.publicUrls[options.api],
            role: options.role,
          }),
          inject: [APP_CONFIG],
        },
        { provide: AUTHENTICATE_BEFORE_BODY_ROUTES, useValue: options.authenticateBeforeBody ?? [] },
        OrganisationClientHttpHooks,
        ReplayCache,
        DpopProofChecker,
        ClientAssertionVerifier,
        IssueAccessTokenUseCase,
        AuthenticateOrganisationRequestUseCase,
        OrganisationAuthGuard,
      ],
      exports: [ORGANISATION_CLIENT_SETTINGS, AuthenticateOrganisationRequestUseCase, OrganisationAuthGuard],
    };
  }
}
