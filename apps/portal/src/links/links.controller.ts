import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';
import { CreateLinkUseCase, ListOwnLinksUseCase, RemoveOwnLinkUseCase } from '@infobank/vault';
import { CreateLinkDto, LinkCreatedDto, OwnLinkDto } from './dto/links.dto';

/** My provider links (預託の同意): which companies may deposit which of my data with the bank. */
@ApiTags('links')
@ApiBearerAuth()
@Controller('v1/me/links')
@UseGuards(IndividualAuthGuard)
export class LinksController {
  constructor(
    private readonly createLink: CreateLinkUseCase,
    private readonly listLinks: ListOwnLinksUseCase,
    private readonly removeLink: RemoveOwnLinkUseCase,
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
  @ApiOperation({ summary: 'Remove a link: the provider may deposit nothing more under it (idempotent)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'LINK_NOT_FOUND: you have no link with this id' })
  remove(@CurrentRequestContext() ctx: RequestContext, @Param('linkId') linkId: string): Promise<void> {
    return this.removeLink.execute(ctx, { linkId });
  }
}
