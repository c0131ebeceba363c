import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard } from '@infobank/auth';
import { OrganisationDirectory } from '@infobank/catalog';
import type { RequestContext } from '@infobank/platform';
import { ProviderDto } from './dto/links.dto';

/** The providers (情報提供元) an individual may link: the データ screen's choice before `POST /v1/me/links`. */
@ApiTags('links')
@Controller('v1/providers')
@UseGuards(IndividualAuthGuard)
export class ProvidersController {
  constructor(private readonly directory: OrganisationDirectory) {}

  @Get()
  @ApiOperation({ summary: 'Active providers I may link, by Japanese name' })
  @ApiOkResponse({ type: [ProviderDto] })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED' })
  async list(@CurrentRequestContext() ctx: RequestContext): Promise<ProviderDto[]> {
    const providers = await this.directory.activeProviders(ctx);
    return providers.map((provider) => ({
      providerId: provider.id,
      name: provider.name,
      corporateNumber: provider.corporateNumber,
      country: provider.country,
    }));
  }
}
