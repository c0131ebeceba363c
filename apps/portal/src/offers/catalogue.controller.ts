import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext, GetOwnAccountUseCase, IndividualAuthGuard } from '@infobank/auth';
import { GetCatalogueOfferUseCase, ListCatalogueOffersUseCase } from '@infobank/offers';
import { UuidParam, type RequestContext } from '@infobank/platform';
import { CatalogueOfferDetailDto, CatalogueOfferDto } from './dto/catalogue-offer.dto';
import { CatalogueLanguageQueryDto, CatalogueQueryDto } from './dto/catalogue-query.dto';

/** The catalogue of offers the data ethics board approved, for individuals deciding whether to consent. */
@ApiTags('offers')
@Controller('v1/offers')
@UseGuards(IndividualAuthGuard)
export class CatalogueController {
  constructor(
    private readonly listOffers: ListCatalogueOffersUseCase,
    private readonly getOffer: GetCatalogueOfferUseCase,
    private readonly ownAccount: GetOwnAccountUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Approved, valid offers, newest first; filter by purpose and data category' })
  @ApiOkResponse({ type: [CatalogueOfferDto] })
  list(@CurrentRequestContext() ctx: RequestContext, @Query() query: CatalogueQueryDto): Promise<CatalogueOfferDto[]> {
    return this.listOffers.execute(ctx, { purpose: query.purpose, category: query.category });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One offer with a plain-language summary in your language (or ?lang=ja|en)' })
  @ApiOkResponse({ type: CatalogueOfferDetailDto })
  @ApiNotFoundResponse({ description: 'OFFER_NOT_FOUND: no such offer, or not open to individuals' })
  async get(
    @CurrentRequestContext() ctx: RequestContext,
    @UuidParam('id') id: string,
    @Query() query: CatalogueLanguageQueryDto,
  ): Promise<CatalogueOfferDetailDto> {
    // The summary speaks the individual's language unless they ask for the other one.
    const language = query.lang ?? (await this.ownAccount.execute(ctx)).language;
    return this.getOffer.execute(ctx, { offerId: id, language });
  }
}
