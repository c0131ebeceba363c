import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { OrganisationRequestContext, OrganisationRoute } from '@infobank/auth';
import {
  CreateOfferUseCase,
  GetOwnOfferUseCase,
  ListOwnOffersUseCase,
  UpdateOfferUseCase,
  WithdrawOfferUseCase,
  type OfferTerms,
} from '@infobank/offers';
import { UuidParam, type RequestContext } from '@infobank/platform';
import { SubmitOfferUnderContractUseCase } from '@infobank/rights';
import { OfferDto } from './dto/offer.dto';
import { OfferChangesDto, OfferTermsDto } from './dto/offer-terms.dto';

/** Recipients' data-use offers (利用提案): draft, change, submit to the data ethics board, withdraw, read the outcome. */
@ApiTags('offers')
@Controller('v1/offers')
@OrganisationRoute('recipient')
@ApiNotFoundResponse({ description: 'OFFER_NOT_FOUND: no such offer, or another recipient’s' })
export class OffersController {
  constructor(
    private readonly createOffer: CreateOfferUseCase,
    private readonly updateOffer: UpdateOfferUseCase,
    private readonly submitOffer: SubmitOfferUnderContractUseCase,
    private readonly withdrawOffer: WithdrawOfferUseCase,
    private readonly listOffers: ListOwnOffersUseCase,
    private readonly getOffer: GetOwnOfferUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Draft an offer (nothing reaches the board until it is submitted)' })
  @ApiCreatedResponse({ type: OfferDto })
  create(@OrganisationRequestContext() ctx: RequestContext, @Body() body: OfferTermsDto): Promise<OfferDto> {
    return this.createOffer.execute(ctx, body as OfferTerms);
  }

  @Get()
  @ApiOperation({ summary: 'The calling recipient’s offers, newest first' })
  @ApiOkResponse({ type: [OfferDto] })
  list(@OrganisationRequestContext() ctx: RequestContext): Promise<OfferDto[]> {
    return this.listOffers.execute(ctx);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One offer with its status and the board’s reasons' })
  @ApiOkResponse({ type: OfferDto })
  get(@OrganisationRequestContext() ctx: RequestContext, @UuidParam('id') id: string): Promise<OfferDto> {
    return this.getOffer.execute(ctx, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a draft, or an offer the board returned for changes' })
  @ApiOkResponse({ type: OfferDto })
  @ApiConflictResponse({ description: 'OFFER_NOT_EDITABLE' })
  update(@OrganisationRequestContext() ctx: RequestContext, @UuidParam('id') id: string, @Body() body: OfferChangesDto): Promise<OfferDto> {
    return this.updateOffer.execute(ctx, { offerId: id, changes: body as Partial<OfferTerms> });
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the offer to the data ethics board (starts the next review round)' })
  @ApiOkResponse({ type: OfferDto })
  @ApiConflictResponse({ description: 'OFFER_NOT_SUBMITTABLE' })
  @ApiForbiddenResponse({ description: 'CONTRACT_ACCEPTANCE_REQUIRED: accept the current recipient contract first (version names it)' })
  submit(@OrganisationRequestContext() ctx: RequestContext, @UuidParam('id') id: string): Promise<OfferDto> {
    return this.submitOffer.execute(ctx, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the offer; it reaches nobody from now on' })
  @ApiOkResponse({ type: OfferDto })
  @ApiConflictResponse({ description: 'OFFER_NOT_WITHDRAWABLE (while the board reviews it)' })
  withdraw(@OrganisationRequestContext() ctx: RequestContext, @UuidParam('id') id: string): Promise<OfferDto> {
    return this.withdrawOffer.execute(ctx, id);
  }
}
