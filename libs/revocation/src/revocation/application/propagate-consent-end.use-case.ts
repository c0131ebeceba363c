import { Injectable } from '@nestjs/common';
import { ACCOUNT_CLOSED_REASON, CancelPendingApprovalsUseCase, LockConsentsForProvisionUseCase } from '@infobank/consent';
import { Transactions, type RequestContext } from '@infobank/platform';
import { ProvisionsForNoticeUseCase, WithdrawFromTransfersUseCase } from '@infobank/provision';
import type { NoticeKind } from '../domain/notice';
import { NoticeIssuer } from './notice-issuer';
import type { Propagation } from './propagation';

/**
 * A consent ended (the `consent.ended` job): work in flight under it is denied (`revoked` or `expired`)
 * and its waiting approval requests cancelled, and every recipient that received data under it gets a
 * notice — `account_closed` when the bank revoked it because the account closed. Idempotent: a second
 * run finds nothing in flight and every provision already noticed. A consent that has not ended does nothing.
 */
@Injectable()
export class PropagateConsentEndUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly lockConsents: LockConsentsForProvisionUseCase,
    private readonly withdraw: WithdrawFromTransfersUseCase,
    private readonly cancelApprovals: CancelPendingApprovalsUseCase,
    private readonly provisions: ProvisionsForNoticeUseCase,
    private readonly issuer: NoticeIssuer,
  ) {}

  async execute(ctx: RequestContext, command: { consentId: string }): Promise<Propagation> {
    const now = ctx.now();
    return this.transactions.run(ctx, async (txCtx) => {
      // The lock order (docs/architecture.md §6): the transfers holding the consent's work first, then the consent.
      const { result: consent, withdrawn } = await this.withdraw.around(
        { ...txCtx, now: () => now },
        { consentIds: [command.consentId], reason: 'revoked' },
        async () => {
          const found = (await this.lockConsents.execute(txCtx, { consentIds: [command.consentId] })).get(command.consentId);
          const ended = found !== undefined && (found.status === 'revoked' || found.status === 'expired');
          return { result: ended ? found : undefined, withdraw: ended, reason: found?.status === 'expired' ? 'expired' : 'revoked' };
        },
      );
      if (consent === undefined) {
        return { noticeIds: [], deniedSubjects: 0, cancelledApprovals: 0 };
      }
      const kind: NoticeKind =
        consent.status === 'expired' ? 'consent_expired' : consent.reason === ACCOUNT_CLOSED_REASON ? 'account_closed' : 'consent_revoked';
      const cancelled = await this.cancelApprovals.execute({ ...txCtx, now: () => now }, { consentIds: [command.consentId] });
      const noticeIds = await this.issuer.issue(txCtx, {
        kind,
        sourceKey: `consent:${command.consentId}`,
        provisions: await this.provisions.byConsent(txCtx, command.consentId),
      });
      return { noticeIds, deniedSubjects: withdrawn.deniedSubjects, cancelledApprovals: cancelled.length };
    });
  }
}
