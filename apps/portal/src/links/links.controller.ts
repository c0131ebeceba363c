import { Body, Controller, Delete, Get, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard } from '@infobank/auth';
import { UuidParam, type RequestContext } from '@infobank/platform';
import { RemoveLinkAndStopDeliveryUseCase } from '@infobank/revocation';
import { CreateLinkUseCase, ListOwnLinksUseCase, RemoveOwnLinkUseCase } from '@infobank/vault';
import { CreateLinkDto, LinkCreatedDto, OwnLinkDto, RemoveLinkQueryDto } from './dto/links.dto';
import { StepUpWhenErasingGuard } from './step-up-when-erasing.guard';

/** My provider links (預託の同意): which companies may deposit which of my data with the bank. */
@ApiTags('links')
@Controller('v1/me/links')
@UseGuards(IndividualAuthGuard)
export class LinksController {
  constructor(
    private readonly createLink: CreateLinkUseCase,
    private readonly listLinks: ListOwnLinksUseCase,
    private readonly removeLink: RemoveOwnLinkUseCase,
    private readonly removeLinkAndErase: RemoveLinkAndStopDeliveryUseCase,
  ) {}

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Let a provider deposit these categories: returns a one-time link code for it (15 minutes)' })
  @ApiCreatedResponse({ type: LinkCreatedDto })
  @ApiNotFoundResponse({ description: 'PROVIDER_NOT_FOUND: no active provider has this id' })
  create(@CurrentRequestContext() ctx: RequestContext, @Body() body: CreateLinkDto): Promise<LinkCreatedDto> {
    return this.createLink.execute(ctx, body);
  }

  @Get()
  @ApiOperation({ summary: 'My provider links, newest first (removed ones included)' })
  @ApiOkResponse({ type: [OwnLinkDto] })
  list(@CurrentRequestContext() ctx: RequestContext): Promise<OwnLinkDto[]> {
    return this.listLinks.execute(ctx);
  }

  @Delete(':linkId')
  @HttpCode(204)
  @UseGuards(StepUpWhenErasingGuard)
  @ApiOperation({
    summary:
      "Remove a link: the provider may deposit nothing more under it (idempotent); with erase=true also erase that provider's records about me (transfers in flight stop providing them at once)",
  })
  @ApiHeader({
    name: 'X-Step-Up-Token',
    required: false,
    description: 'step-up token from POST /v1/auth/step-up; required with erase=true',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'LINK_NOT_FOUND: you have no link with this id' })
  @ApiUnauthorizedResponse({ description: 'STEP_UP_REQUIRED: erase=true without a step-up token' })
  async remove(
    @CurrentRequestContext() ctx: RequestContext,
    @UuidParam('linkId') linkId: string,
    @Query() query: RemoveLinkQueryDto,
  ): Promise<void> {
    if (query.erase === 'true') await this.removeLinkAndErase.execute(ctx, { linkId });
    else await this.removeLink.execute(ctx, { linkId });
  }
}
