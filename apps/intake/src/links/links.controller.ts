import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { OrganisationRequestContext, OrganisationRoute } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { RedeemLinkCodeUseCase, UnlinkCustomerUseCase } from '@infobank/vault';
import { RedeemedLinkDto, RedeemLinkCodeDto } from './dto/links.dto';

/** Linking a provider's customers to their bank accounts with the link codes the customers hand over. */
@ApiTags('links')
@Controller('v1/links')
@OrganisationRoute('provider')
export class LinksController {
  constructor(
    private readonly redeem: RedeemLinkCodeUseCase,
    private readonly unlink: UnlinkCustomerUseCase,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: "Redeem a customer's link code, binding your customer reference to their bank account" })
  @ApiOkResponse({ type: RedeemedLinkDto })
  @ApiBadRequestResponse({ description: 'LINK_CODE_INVALID: unknown, expired, used or made for another provider (all alike)' })
  @ApiConflictResponse({ description: 'CUSTOMER_REF_IN_USE: this reference is actively linked to another individual' })
  redeemCode(@OrganisationRequestContext() ctx: RequestContext, @Body() body: RedeemLinkCodeDto): Promise<RedeemedLinkDto> {
    return this.redeem.execute(ctx, body);
  }

  @Delete(':customerRef')
  @HttpCode(204)
  @ApiOperation({ summary: 'End your active link for this customer: no more deposits for them' })
  @ApiParam({ name: 'customerRef', description: 'Your reference for the customer, percent-encoded' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'LINK_NOT_FOUND: you have no active link for this customer reference' })
  unlinkCustomer(@OrganisationRequestContext() ctx: RequestContext, @Param('customerRef') customerRef: string): Promise<void> {
    return this.unlink.execute(ctx, { customerRef });
  }
}
