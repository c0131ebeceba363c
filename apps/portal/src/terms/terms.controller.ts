import { Body, Controller, Get, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard } from '@infobank/auth';
import { ApiPublic, type RequestContext } from '@infobank/platform';
import {
  AcceptMyTermsUseCase,
  AcceptTermsDto,
  GetCurrentTermsUseCase,
  GetMyTermsUseCase,
  MyTermsDto,
  TermsTextDto,
} from '@infobank/rights';

/** The bank's terms for individuals (利用規約・委任契約): anyone reads the current version; I accept it and see my history. */
@ApiTags('terms')
@Controller('v1')
export class TermsController {
  constructor(
    private readonly currentTerms: GetCurrentTermsUseCase,
    private readonly myTerms: GetMyTermsUseCase,
    private readonly acceptTerms: AcceptMyTermsUseCase,
  ) {}

  @Get('terms/current')
  @Header('Cache-Control', 'no-cache')
  @ApiPublic()
  @ApiOperation({ summary: 'The current terms for individuals, in Japanese and English (public)' })
  @ApiOkResponse({ type: TermsTextDto })
  @ApiNotFoundResponse({ description: 'TERMS_NOT_PUBLISHED: no version has been published yet' })
  current(@CurrentRequestContext() ctx: RequestContext): Promise<TermsTextDto> {
    return this.currentTerms.execute(ctx);
  }

  @Get('me/terms')
  @Header('Cache-Control', 'no-store')
  @UseGuards(IndividualAuthGuard)
  @ApiOperation({ summary: 'My acceptances of the terms (newest first) and the version I must still accept, if any' })
  @ApiOkResponse({ type: MyTermsDto })
  mine(@CurrentRequestContext() ctx: RequestContext): Promise<MyTermsDto> {
    return this.myTerms.execute(ctx);
  }

  @Post('me/terms/accept')
  @HttpCode(200)
  @UseGuards(IndividualAuthGuard)
  @ApiOperation({ summary: 'Accept the current terms (needed before a new consent or approval once a new version is published)' })
  @ApiOkResponse({ type: MyTermsDto })
  @ApiConflictResponse({ description: 'TERMS_VERSION_NOT_CURRENT: the version is not the current one (currentVersion names it)' })
  @ApiNotFoundResponse({ description: 'TERMS_NOT_PUBLISHED: no version has been published yet' })
  accept(@CurrentRequestContext() ctx: RequestContext, @Body() body: AcceptTermsDto): Promise<MyTermsDto> {
    return this.acceptTerms.execute(ctx, { version: body.version });
  }
}
