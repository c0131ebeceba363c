import { Body, Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentOrganisation,
  OrganisationProfileDto,
  OrganisationRequestContext,
  OrganisationRoute,
  type AuthenticatedOrganisation,
} from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { AcceptTermsDto, AcceptOwnContractUseCase, GetOwnContractUseCase, OwnContractDto } from '@infobank/rights';

/** `GET /v1/organisation`: which recipient the bank takes the caller for; its recipient contract with the bank and its acceptance. */
@ApiTags('organisation')
@Controller('v1/organisation')
export class OrganisationController {
  constructor(
    private readonly contract: GetOwnContractUseCase,
    private readonly acceptContract: AcceptOwnContractUseCase,
  ) {}

  @Get()
  @OrganisationRoute('recipient')
  @ApiOperation({ summary: 'The calling organisation: id, current roles and registered names' })
  @ApiOkResponse({ type: OrganisationProfileDto })
  whoAmI(@CurrentOrganisation() organisation: AuthenticatedOrganisation): OrganisationProfileDto {
    return { id: organisation.id, roles: organisation.roles, name: organisation.name };
  }

  @Get('contract')
  @OrganisationRoute('recipient')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'My recipient contract with the bank: the current version (ja/en), the version still to accept, my acceptances',
  })
  @ApiOkResponse({ type: OwnContractDto })
  getContract(@OrganisationRequestContext() ctx: RequestContext): Promise<OwnContractDto> {
    return this.contract.execute(ctx, 'recipient');
  }

  @Post('contract/accept')
  @HttpCode(200)
  @OrganisationRoute('recipient')
  @ApiOperation({ summary: 'Accept the current version of my recipient contract (recorded with its time)' })
  @ApiOkResponse({ type: OwnContractDto })
  @ApiConflictResponse({ description: 'TERMS_VERSION_NOT_CURRENT: not the current version (currentVersion names it)' })
  @ApiNotFoundResponse({ description: 'TERMS_NOT_PUBLISHED: no version of the contract has been published' })
  accept(@OrganisationRequestContext() ctx: RequestContext, @Body() body: AcceptTermsDto): Promise<OwnContractDto> {
    return this.acceptContract.execute(ctx, 'recipient', { version: body.version });
  }
}
