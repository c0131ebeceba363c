export {
  AuthenticateOrganisationRequestUseCase,
  type AuthenticatedOrganisation,
  type OrganisationRequest,
} from './application/authenticate-organisation-request.use-case';
export {
  ACCESS_TOKEN_TYPE as ORGANISATION_ACCESS_TOKEN_TYPE,
  IssueAccessTokenUseCase,
  JWT_BEARER_ASSERTION_TYPE,
  TOKEN_ENDPOINT_PATH,
  type IssueAccessTokenCommand,
  type IssuedAccessToken,
} from './application/issue-access-token.use-case';
export { ORGANISATION_CLIENT_SETTINGS, type OrganisationClientSettings } from './application/organisation-client-settings';
export {
  ACCESS_TOKEN_LIFETIME_SECONDS as ORGANISATION_ACCESS_TOKEN_LIFETIME_SECONDS,
  DPOP_PROOF_WINDOW_SECONDS,
  MAX_CLIENT_ASSERTION_LIFETIME_SECONDS,
} from './domain/client-authentication-policy';
export { endpointUrl } from './domain/http-target';
export { OrganisationAuthGuard } from './http/organisation-auth.guard';
export { CurrentOrganisation, OrganisationRequestContext, OrganisationRoute } from './http/organisation-route.decorator';
export { OrganisationNameDto, OrganisationProfileDto, TokenRequestDto, TokenResponseDto } from './http/token.dto';
export { TokenController } from './http/token.controller';
export { ORGANISATION_CLIENT_ENTITIES } from './infrastructure/replay-cache-marker.entity';
export { OrganisationClientModule, type OrganisationApiOptions } from './organisation-client.module';
