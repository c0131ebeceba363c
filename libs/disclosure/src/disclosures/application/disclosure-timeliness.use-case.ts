import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type RequestContext, requireBoardMember } from '@infobank/platform';
import type { DisclosureStatus } from '../domain/disclosure';
import { DisclosureRequestStore } from '../infrastructure/disclosure-request.store';

/** How the bank keeps its disclosure duty, for the board: counts and times only, no individual. */
export interface DisclosureTimeliness {
  /** DISCLOSURE_DUE_DAYS: the promise the counts are measured against. */
  dueDays: number;
  total: number;
  byStatus: Record<DisclosureStatus, number>;
  /** Requests ready after their due date, or still not ready past it. */
  overdue: number;
  /** Of those, the ones still not ready now. */
  openOverdue: number;
  /** Median hours from request to ready, over every request that became ready; null before the first. */
  medianHoursToReady: number | null;
  /** The longest such time, in hours; null before the first. */
  maxHoursToReady: number | null;
  /** The oldest request still not ready, or null. */
  oldestOpenRequestedAt: string | null;
}

/** The data ethics board reads how timely the bank answers disclosure requests (開示請求). */
@Injectable()
export class GetDisclosureTimelinessUseCase {
  constructor(
    private readonly store: DisclosureRequestStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(ctx: RequestContext): Promise<DisclosureTimeliness> {
    requireBoardMember(ctx, { code: 'NOT_A_BOARD_MEMBER' });
    const summary = await this.store.timeliness(ctx, ctx.now());
    return { dueDays: this.config.disclosure.dueDays, ...summary };
  }
}
