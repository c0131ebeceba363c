import { Injectable } from '@nestjs/common';
import { LockConsentsForProvisionUseCase, mayProvide } from '@infobank/consent';
import { GetOfferForProvisionUseCase, type OfferSnapshot } from '@infobank/offers';
import type { RequestContext } from '@infobank/platform';
import { FindChangedRecordsUseCase, type PackagedRecordRef } from '@infobank/vault';
import type { DenialReason } from '../domain/transfer-status';
import type { WorkSubject } from '../infrastructure/transfer.repository';

/** What the delivery re-check found for the subjects of one part. */
export interface DeliveryVerdict {
  offer: OfferSnapshot;
  /** Subjects that may not be provided now (consent ended or paused, offer stopped), with why. */
  denied: { subjectId: string; reason: DenialReason }[];
  /** Subjects still consenting whose consent version moved, or whose records are not as packaged. */
  changed: string[];
  /** Subjects with a packaged record that no longer exists in the vault (erased). */
  erased: string[];
}

/**
 * The re-check every download makes before bytes leave the bank, in the download's transaction: the offer
 * FOR SHARE, the subjects' consents FOR SHARE (so a revocation or stop-use order either committed before
 * and is seen, or waits until the download commits), then each packaged record's current version in the
 * vault (an erasure or newer deposit that committed before is seen; no further lock is taken). A subject
 * without record references (packaged before they were kept) counts as changed.
 */
@Injectable()
export class DeliveryCheck {
  constructor(
    private readonly getOffer: GetOfferForProvisionUseCase,
    private readonly lockConsents: LockConsentsForProvisionUseCase,
    private readonly findChangedRecords: FindChangedRecordsUseCase,
  ) {}

  async check(txCtx: RequestContext, offerId: string, subjects: readonly WorkSubject[], now: Date): Promise<DeliveryVerdict> {
    const offer = await this.getOffer.execute(txCtx, offerId, { lock: 'share' });
    const consents = await this.lockConsents.execute(txCtx, { consentIds: subjects.map((subject) => subject.consentId as string) });
    const refs: PackagedRecordRef[] = subjects.flatMap((subject) =>
      (subject.recordIds ?? []).map((id, index) => ({ id, version: (subject.recordVersions ?? [])[index] as number })),
    );
    const records = await this.findChangedRecords.execute(txCtx, { records: refs });
    const verdict: DeliveryVerdict = { offer, denied: [], changed: [], erased: [] };
    for (const subject of subjects) {
      const consent = consents.get(subject.consentId as string);
      const allowed =
        consent === undefined ? { allowed: false as const, reason: 'no_consent' as const } : mayProvide(consent, offer, consent.items, now);
      if (!allowed.allowed) {
        verdict.denied.push({ subjectId: subject.subjectId, reason: allowed.reason });
        continue;
      }
      const changes = (subject.recordIds ?? []).map((id) => records.get(id));
      if (changes.includes('erased')) verdict.erased.push(subject.subjectId);
      if (consent?.version !== subject.consentVersion || subject.recordIds === null || changes.some((change) => change !== undefined)) {
        verdict.changed.push(subject.subjectId);
      }
    }
    return verdict;
  }
}
