import { Injectable } from '@nestjs/common';
import { categoryOfItem } from '@infobank/catalog';
import { ListConsentsForOfferUseCase, mayProvide, RequestApprovalUseCase, type GrantedConsent } from '@infobank/consent';
import { PseudonymousIds } from '@infobank/crypto';
import type { OfferSnapshot } from '@infobank/offers';
import type { TransactionalContext } from '@infobank/platform';
import { CountRecordsForProvisionUseCase, MAX_PROVISION_INDIVIDUALS, type RecordCounts } from '@infobank/vault';
import { fetchAllowance, observationRange } from '../domain/offer-limits';
import { admitSubject, type AdmissionOutcome } from '../domain/transfer-lifecycle';
import type { DenialReason } from '../domain/transfer-status';
import { TransferRepository, type NewTransferSubject } from '../infrastructure/transfer.repository';
import type { TransferEntity } from '../infrastructure/transfer.entity';

type Context = TransactionalContext;

/**
 * Admits a transfer's subjects once, when building starts: resolves the recipient's pseudonymous ids
 * (or takes everyone with a live consent), and for each applies `mayProvide`, the offer's fetch limit
 * (reserved under a per-offer lock so concurrent transfers cannot overrun it) and its data range.
 * Ask-mode subjects get an approval request and wait; the others are `pending` for packaging. Each
 * subject's first state is decided by the lifecycle model (`admitSubject`); the repository stores those states.
 */
@Injectable()
export class TransferAdmission {
  constructor(
    private readonly listConsents: ListConsentsForOfferUseCase,
    private readonly countRecords: CountRecordsForProvisionUseCase,
    private readonly requestApproval: RequestApprovalUseCase,
    private readonly pseudonyms: PseudonymousIds,
    private readonly transfers: TransferRepository,
  ) {}

  async admit(ctx: Context, transfer: TransferEntity, offer: OfferSnapshot, now: Date): Promise<void> {
    const consents = await this.listConsents.execute(ctx, { offerId: offer.id });
    const bySubject = new Map(
      consents.map((consent) => [this.pseudonyms.forRecipient(transfer.recipientId, consent.individualId), consent]),
    );
    const wanted =
      transfer.requestedSubjects ??
      [...bySubject].filter(([, consent]) => consent.status === 'active' || consent.status === 'paused').map(([subject]) => subject);

    const verdicts = new Map<string, DenialReason | 'ask' | 'auto'>();
    for (const subject of wanted) {
      const consent = bySubject.get(subject);
      const verdict = consent === undefined ? undefined : mayProvide(consent, offer, consent.items, now);
      verdicts.set(subject, verdict === undefined ? 'no_consent' : verdict.allowed ? verdict.mode : verdict.reason);
    }
    const admissible = wanted.filter((subject) => verdicts.get(subject) === 'ask' || verdicts.get(subject) === 'auto');
    const individualIds = admissible.map((subject) => (bySubject.get(subject) as GrantedConsent).individualId);

    await this.transfers.lockOfferReservations(ctx, offer.id);
    const allowance = fetchAllowance(offer.fetch, now);
    const used = await this.transfers.reservationCounts(ctx, offer.id, individualIds, allowance.since, transfer.id);
    const counts = await this.recordCounts(ctx, individualIds, offer, now);

    const rows: NewTransferSubject[] = [];
    for (const subject of wanted) {
      const consent = bySubject.get(subject);
      let verdict = verdicts.get(subject) as DenialReason | 'ask' | 'auto';
      if (consent !== undefined && (verdict === 'ask' || verdict === 'auto')) {
        if ((used.get(consent.individualId) ?? 0) >= allowance.limit) verdict = 'frequency_exceeded';
        else verdict = recordsVerdict(counts, consent) ?? verdict;
      }
      let outcome: AdmissionOutcome;
      if (verdict === 'ask') {
        const approval = await this.requestApproval.execute(ctx, {
          consentId: (consent as GrantedConsent).consentId,
          reference: transfer.id,
        });
        outcome = { mode: 'ask', approvalRequestId: approval.approvalRequestId };
      } else {
        outcome = verdict === 'auto' ? { mode: 'auto' } : { mode: 'denied', reason: verdict };
      }
      rows.push({
        subjectId: subject,
        individualId: consent?.individualId ?? null,
        consentId: consent?.consentId ?? null,
        consentVersion: consent?.version ?? null,
        state: admitSubject(subject, outcome).to,
      });
    }
    await this.transfers.insertSubjects(ctx, transfer, rows, now);
  }

  /** How many records each individual holds in the offer's categories, in and out of its range (asked 1,000 individuals at a time). */
  private async recordCounts(ctx: Context, individualIds: readonly string[], offer: OfferSnapshot, now: Date): Promise<RecordCounts> {
    const categories = [...new Set(offer.items.map((item) => item.categoryId))];
    const range = observationRange(offer.dataRange, now);
    const counts: RecordCounts = new Map();
    for (let start = 0; start < individualIds.length; start += MAX_PROVISION_INDIVIDUALS) {
      const chunk = individualIds.slice(start, start + MAX_PROVISION_INDIVIDUALS);
      for (const [individualId, byCategory] of await this.countRecords.execute(ctx, { individualIds: chunk, categories, range })) {
        counts.set(individualId, byCategory);
      }
    }
    return counts;
  }
}

/** `no_records` when the individual holds nothing in the consented categories, `out_of_range` when nothing in the data range. */
function recordsVerdict(counts: RecordCounts, consent: GrantedConsent): DenialReason | undefined {
  const categories = new Set(consent.items.map((item) => categoryOfItem(item)?.code));
  const held = counts.get(consent.individualId);
  let total = 0;
  let inRange = 0;
  for (const [category, count] of held ?? []) {
    if (!categories.has(category)) continue;
    total += count.total;
    inRange += count.inRange;
  }
  if (total === 0) return 'no_records';
  return inRange === 0 ? 'out_of_range' : undefined;
}
