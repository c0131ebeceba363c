/** Why a recipient must stop using and delete data it received (docs/architecture.md §5, notice to a recipient). */
export type NoticeKind = 'consent_revoked' | 'consent_expired' | 'data_life_ended' | 'data_erased' | 'account_closed' | 'stop_use_order';

/** Every notice kind. */
export const NOTICE_KINDS: readonly NoticeKind[] = [
  'consent_revoked',
  'consent_expired',
  'data_life_ended',
  'data_erased',
  'account_closed',
  'stop_use_order',
];

/** `open → attested | overdue`; an overdue notice can still be attested (it then reads attested). */
export type NoticeStatus = 'open' | 'attested' | 'overdue';

/** Every notice status. */
export const NOTICE_STATUSES: readonly NoticeStatus[] = ['open', 'attested', 'overdue'];

/** What a recipient is told, in its words: the reason for each kind, in Japanese and English (never the individual's own text). */
export const NOTICE_REASONS: Readonly<Record<NoticeKind, { ja: string; en: string }>> = {
  consent_revoked: { ja: '本人が同意を撤回しました。', en: 'The individual withdrew their consent.' },
  consent_expired: { ja: '同意の有効期間が終了しました。', en: 'The consent expired.' },
  data_life_ended: { ja: '提案で定めた保存期間が終了しました。', en: 'The retention period the offer stated has ended.' },
  data_erased: { ja: '本人が預託データの消去を求めました。', en: 'The individual asked for their data to be erased.' },
  account_closed: { ja: '本人が情報銀行の口座を閉じました。', en: 'The individual closed their information bank account.' },
  stop_use_order: { ja: 'データ倫理審査会が利用停止を命じました。', en: 'The data ethics board ordered the use to stop.' },
};
