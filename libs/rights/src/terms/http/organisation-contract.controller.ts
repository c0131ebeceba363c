import { Body, Controller, Get, Header, HttpCode, Post, type Type } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisationRequestContext, OrganisationRoute } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { AcceptOwnContractUseCase, GetOwnContractUseCase } from '../application/organisation-contract.use-cases';
import type { ContractAudience } from '../domain/terms';
import { AcceptTermsDto, OwnContractDto } from './terms.dto';

/**
 * `GET /v1/organisation/contract` and `POST /v1/organisation/contract/accept` for the organisations of one role:
 * the gateway serves them to recipients, intake to providers. An app lists
 * `organisationContractController(role)` among its controllers (it imports ContractsModule and
 * OrganisationClientModule).
 */
export function organisationContractController(audience: ContractAudience): Type<unknown> {
  @ApiTags('organisation')
  @Controller('v1/organisation')
  class OrganisationContractController {
    constructor(
      private readonly contract: GetOwnContractUseCase,
      private readonly acceptContract: AcceptOwnContractUseCase,
    ) {}

    @Get('contract')
    @OrganisationRoute(audience)
    @Header('Cache-Control', 'no-store')
    @ApiOperation({
      summary: `My ${audience} contract with the bank: the current version (ja/en), the version still to accept, my acceptances`,
    })
    @ApiOkResponse({ type: OwnContractDto })
    getContract(@OrganisationRequestContext() ctx: RequestContext): Promise<OwnContractDto> {
      return this.contract.execute(ctx, audience);
    }

    @Post('contract/accept')
    @HttpCode(200)
    @OrganisationRoute(audience)
    @ApiOperation({ summary: `Accept the current version of my ${audience} contract (recorded with its time)` })
    @ApiOkResponse({ type: OwnContractDto })
    @ApiConflictResponse({ description: 'TERMS_VERSION_NOT_CURRENT: not the current version (currentVersion names it)' })
    @ApiNotFoundResponse({ description: 'TERMS_NOT_PUBLISHED: no version of the contract has been published' })
    accept(@OrganisationRequestContext() ctx: RequestContext, @Body() body: AcceptTermsDto): Promise<OwnContractDto> {
      return this.acceptContract.execute(ctx, audience, { version: body.version });
    }
  }
  return OrganisationContractController;
}
