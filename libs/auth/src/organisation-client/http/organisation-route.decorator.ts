import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiHeader, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { OrganisationRole } from '@infobank/catalog';
import { createRequestContext, type RequestContext } from '@infobank/platform';
import type { AuthenticatedOrganisation } from '../application/authenticate-organisation-request.use-case';
import {
  AUTHENTICATED_ORGANISATION,
  ORGANISATION_ROLE_KEY,
  OrganisationAuthGuard,
  type OrganisationAuthenticatedRequest,
} from './organisation-auth.guard';

/**
 * Marks a route as callable by organisations holding `role`, with `Authorization: DPoP <token>` and a
 * fresh `DPoP` proof. The app must import OrganisationClientModule.
 */
export function OrganisationRoute(role: OrganisationRole): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ORGANISATION_ROLE_KEY, role),
    UseGuards(OrganisationAuthGuard),
    // Authorization is not describable as an OpenAPI header parameter; the description says it.
    ApiHeader({
      name: 'DPoP',
      required: true,
      description: 'A DPoP proof (RFC 9449) for this request, with `ath`; send the token as `Authorization: DPoP <token>`',
    }),
    ApiUnauthorizedResponse({ description: 'INVALID_TOKEN or INVALID_DPOP_PROOF (problem+json, WWW-Authenticate: DPoP)' }),
    ApiForbiddenResponse({ description: `WRONG_ROLE: the organisation is not a ${role}` }),
  );
}

function authenticatedOrganisation(context: ExecutionContext): AuthenticatedOrganisation {
  const organisation = context.switchToHttp().getRequest<OrganisationAuthenticatedRequest>()[AUTHENTICATED_ORGANISATION];
  if (organisation === undefined) throw new Error('@CurrentOrganisation() is used on a route without @OrganisationRoute(role).');
  return organisation;
}

/** The organisation that called an `@OrganisationRoute`: id, current roles, names and actor. */
export const CurrentOrganisation = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedOrganisation =>
  authenticatedOrganisation(context),
);

/** The request context (organisation actor, correlation id) to pass first to use cases from an `@OrganisationRoute`. */
export const OrganisationRequestContext = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<OrganisationAuthenticatedRequest>();
  return createRequestContext(authenticatedOrganisation(context).actor, request.id);
});
