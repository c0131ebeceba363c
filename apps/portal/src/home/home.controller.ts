import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard } from '@infobank/auth';
import { ListConsentsUseCase, ListOwnApprovalsUseCase } from '@infobank/consent';
import type { RequestContext } from '@infobank/platform';
import { ListMyProvisionsUseCase } from '@infobank/provision';
import { CountUnreadNotificationsUseCase, GetMyBenefitsUseCase } from '@infobank/rights';
import { SummariseMyDataUseCase } from '@infobank/vault';
import { HomeSummaryDto } from './dto/home.dto';

/** How many provisions the home screen lists. */
const RECENT_PROVISIONS = 5;

/**
 * The home screen's summary (ホーム): one request instead of six. It only reads, through each
 * context's own use case for the acting individual, so it shows exactly what the screens behind it show.
 */
@ApiTags('me')
@Controller('v1/me/summary')
@UseGuards(IndividualAuthGuard)
export class HomeController {
  constructor(
    private readonly holdings: SummariseMyDataUseCase,
    private readonly consents: ListConsentsUseCase,
    private readonly provisions: ListMyProvisionsUseCase,
    private readonly benefits: GetMyBenefitsUseCase,
    private readonly unreadNotifications: CountUnreadNotificationsUseCase,
    private readonly approvals: ListOwnApprovalsUseCase,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'What the bank holds about me, active consents, recent provisions, benefit balance, unread notifications, pending approvals',
  })
  @ApiOkResponse({ type: HomeSummaryDto })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED' })
  async summary(@CurrentRequestContext() ctx: RequestContext): Promise<HomeSummaryDto> {
    const [data, consents, provisions, benefits, unreadNotifications, pending] = await Promise.all([
      this.holdings.execute(ctx),
      this.consents.execute(ctx),
      this.provisions.execute(ctx, { limit: RECENT_PROVISIONS }),
      this.benefits.execute(ctx, { limit: 1 }),
      this.unreadNotifications.execute(ctx),
      this.approvals.execute(ctx, { pendingOnly: true }),
    ]);
    return {
      holdings: data.holdings,
      activeConsents: consents.filter((consent) => consent.state === 'active').length,
      recentProvisions: provisions.provisions,
      benefitBalance: benefits.balance,
      unreadNotifications,
      pendingApprovals: pending.length,
    };
  }
}
