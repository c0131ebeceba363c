import { Injectable } from '@nestjs/common';
import type { TransactionalContext } from '@infobank/platform';
import { NotifyIndividual } from '@infobank/rights';
import { WithdrawalNoticeStore } from '../infrastructure/withdrawal-notice.store';

/** What the individual reads when every recipient has attested deleting the data of one of their consents. */
const ALL_ATTESTED_MESSAGE = {
  title: { ja: 'すべての提供先がデータの削除を報告しました', en: 'Every recipient has reported deleting your data' },
  lines: {
    ja: ['この同意でデータを受け取ったすべての提供先が、署名付きの削除証明を提出しました。'],
    en: ['Every recipient that received data under this consent has sent a signed deletion attestation.'],
  },
};

/**
 * Tells each individual, once per consent, when the last notice covering that consent is attested.
 * Runs in the attestation's transaction after the notice is marked attested; the notification is dated `tx.now()`.
 */
@Injectable()
export class WithdrawalCompletion {
  constructor(
    private readonly notifyIndividual: NotifyIndividual,
    private readonly notices: WithdrawalNoticeStore,
  ) {}

  async notifyCompletedConsents(tx: TransactionalContext, noticeId: string): Promise<number> {
    let notified = 0;
    for (const { consent_id: consentId, individual_id: individualId } of await this.notices.consentsOf(tx, noticeId)) {
      // Two recipients attesting a consent's last two notices at once must not both miss (or both send)
      // the notification: the store checks one consent at a time, after the other's commit is visible.
      if ((await this.notices.unattestedOfConsent(tx, consentId)) > 0) continue;
      await this.notifyIndividual.notify(tx, {
        individualId,
        kind: 'withdrawal_attested',
        subject: { type: 'consent', id: consentId },
        message: ALL_ATTESTED_MESSAGE,
      });
      notified += 1;
    }
    return notified;
  }
}
