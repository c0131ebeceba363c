import { Injectable } from '@nestjs/common';
import { NotifyIndividual } from '@infobank/rights';
import type { EntityManager } from 'typeorm';

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
 * Runs in the attestation's transaction after the notice is marked attested.
 */
@Injectable()
export class WithdrawalCompletion {
  constructor(private readonly notifyIndividual: NotifyIndividual) {}

  async notifyCompletedConsents(manager: EntityManager, noticeId: string, now: Date): Promise<number> {
    const consents: Array<{ consent_id: string; individual_id: string }> = await manager.query(
      `SELECT DISTINCT consent_id, individual_id FROM withdrawal_notice_provisions WHERE notice_id = $1 ORDER BY consent_id`,
      [noticeId],
    );
    let notified = 0;
    for (const { consent_id: consentId, individual_id: individualId } of consents) {
      // Two recipients attesting a consent's last two notices at once must not both miss (or both send)
      // the notification: the check runs one consent at a time, after the other's commit is visible.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('withdrawal-completion:' || $1, 0))`, [consentId]);
      const [{ unattested }]: Array<{ unattested: number }> = await manager.query(
        `SELECT count(*)::int AS unattested
           FROM withdrawal_notices n
          WHERE n.status <> 'attested'
            AND n.id IN (SELECT p.notice_id FROM withdrawal_notice_provisions p WHERE p.consent_id = $1)`,
        [consentId],
      );
      if (unattested > 0) continue;
      await this.notifyIndividual.notify(
        manager,
        { individualId, kind: 'withdrawal_attested', subject: { type: 'consent', id: consentId }, message: ALL_ATTESTED_MESSAGE },
        now,
      );
      notified += 1;
    }
    return notified;
  }
}
