import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentOrganisation, OrganisationProfileDto, OrganisationRoute, type AuthenticatedOrganisation } from '@infobank/auth';

/**
 * `GET /v1/organisation`: which recipient the bank takes the caller for. Its recipient contract with the bank
 * (`/v1/organisation/contract`) is served by organisationContractController('recipient') from @infobank/rights.
 */
@ApiTags('organisation')
@Controller('v1/organisation')
export class OrganisationController {
  @Get()
  @OrganisationRoute('recipient')
  @ApiOperation({ summary: 'The calling organisation: id, current roles and registered names' })
  @ApiOkResponse({ type: OrganisationProfileDto })
  whoAmI(@CurrentOrganisation() organisation: AuthenticatedOrganisation): OrganisationProfileDto {
    return { id: organisation.id, roles: organisation.roles, name: organisation.name };
  }
}
