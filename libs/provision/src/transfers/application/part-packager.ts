import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { categoryOfItem, OrganisationDirectory } from '@infobank/catalog';
import { LockConsentsForProvisionUseCase, mayProvide, type GrantedConsent } from '@infobank/consent';
import { BankKeyRing, encryptJweForRecipient, KEY_MATERIAL, KeyedDigest, type KeyMaterial } from '@infobank/crypto';
import { GetOfferForProvisionUseCase } from '@infobank/offers';
import { APP_CONFIG, Transactions, type AppConfig, type RequestContext } from '@infobank/platform';
import { ReadRecordsForProvisionUseCase, type ProvisionSourceRecord } from '@infobank/vault';
import { PROVISION_RECORD_DIGEST_PURPOSE } from '../../provisions/domain/record-digest';
import { EncryptionKeyMissingError } from '../../provision.errors';
import { observationRange } from '../domain/offer-limits';
import { selectItems, type PackagedRecord, type PackagedSubject, type PackagePayload } from '../domain/package-contents';
import { PACKAGE_JWE_TYPE, PACKAGE_JWS_TYPE } from '../domain/package-format';
import { changePart, changeSubject, type StoppedSubject } from '../domain/transfer-lifecycle';
import type { DenialReason } from '../domain/transfer-status';
import { partStateOf, subjectStateOf, TransferRepository, type PackagedEntry } from '../infrastructure/transfer.repository';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Packages a transfer one part at a time, each part in its own transaction (a crash loses at most the
 * part being built; the retry continues with the subjects still pending). A stale part is rebuilt first,
 * under its own number; otherwise up to TRANSFER_PART_MAX_SUBJECTS pending subjects make a new part.
 * Consents are re-checked under FOR SHARE while packaging; only consented items of in-range records
 * go in. One JWS (bank signature) and one JWE (to the recipient's key) per part, never per subject.
 * Load (transfer, stale part or pending subjects, offer, consents, records) → decide (each subject packaged
 * or denied, the part packaged, rebuilt or voided, by the lifecycle model) → save.
 */
@Injectable()
export class PartPackager {
  private readonly recordDigest: KeyedDigest;

  constructor(
    private readonly transactions: Transactions,
    private readonly getOffer: GetOfferForProvisionUseCase,
    private readonly lockConsents: LockConsentsForProvisionUseCase,
    private readonly readRecords: ReadRecordsForProvisionUseCase,
    private readonly organisations: OrganisationDirectory,
    private readonly keyRing: BankKeyRing,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(KEY_MATERIAL) material: KeyMaterial,
    private readonly transfers: TransferRepository,
  ) {
    this.recordDigest = KeyedDigest.derive(material.pseudonymSecret, PROVISION_RECORD_DIGEST_PURPOSE);
  }

  /** Builds the next part; false when nothing was left to build. */
  async buildNext(ctx: RequestContext, transferId: string): Promise<boolean> {
    return this.transactions.runOwn(ctx, async (tx) => {
      const now = tx.now();
      const transfer = await this.transfers.lockTransfer(tx, transferId);
      if (transfer === null || transfer.status === 'requested' || transfer.status === 'cancelled' || transfer.status === 'expired')
        return false;
      // The counters say whether a part is stale or a subject pending: no scan of the parts when none is.
      if (transfer.partsStale === 0 && transfer.subjectsPending === 0) return false;
      const stale = transfer.partsStale === 0 ? null : await this.transfers.findStalePart(tx, transferId);
      const subjects = await this.transfers.pendingSubjects(tx, transferId, stale?.part ?? null, this.config.transfers.partMaxSubjects);
      if (stale === null && subjects.length === 0) return false;

      const offer = await this.getOffer.execute(tx, transfer.offerId, { lock: 'share' });
      const consents = await this.lockConsents.execute(tx, { consentIds: subjects.map((subject) => subject.consentId as string) });
      const categories = [...new Set(offer.items.map((item) => item.categoryId))];
      const records = await this.readRecords.execute(tx, {
        individualIds: subjects.map((subject) => subject.individualId as string),
        categories,
        range: observationRange(offer.dataRange, now),
      });

      const packaged: PackagedSubject[] = [];
      const entries: PackagedEntry[] = [];
      const denied: { subjectId: string; reason: DenialReason }[] = [];
      for (const subject of subjects) {
        const consent = consents.get(subject.consentId as string);
        const verdict =
          consent === undefined
            ? { allowed: false as const, reason: 'no_consent' as const }
            : mayProvide(consent, offer, consent.items, now);
        if (!verdict.allowed) {
          denied.push({ subjectId: subject.subjectId, reason: verdict.reason });
          continue;
        }
        const categoriesConsented = consentedCategories(consent as GrantedConsent);
        const source = (records.get(subject.individualId as string) ?? []).filter((record) => categoriesConsented.has(record.category));
        const packagedRecords = packageRecords(source, consent as GrantedConsent);
        if (packagedRecords.length === 0) {
          denied.push({ subjectId: subject.subjectId, reason: 'out_of_range' });
          continue;
        }
        packaged.push({ subject: subject.subjectId, records: packagedRecords });
        entries.push({
          subjectId: subject.subjectId,
          items: [...(consent as GrantedConsent).items],
          recordDigests: packagedRecords.map((record) =>
            this.recordDigest.digest(transfer.recipientId, subject.subjectId, JSON.stringify(record)).toString('base64url'),
          ),
          recordIds: source.map((record) => record.id),
          recordVersions: source.map((record) => record.version),
          consentVersion: (consent as GrantedConsent).version,
        });
      }

      const partNumber = stale?.part ?? transfer.partCount + 1;
      let sealed = null;
      if (packaged.length > 0) {
        const pkg = await this.seal(ctx, transfer.recipientId, {
          transferId,
          part: partNumber,
          offerId: transfer.offerId,
          recipient: transfer.recipientId,
          createdAt: now.toISOString(),
          subjects: packaged,
        });
        sealed = {
          subjectCount: packaged.length,
          package: pkg,
          packageDigest: createHash('sha256').update(pkg).digest(),
          builtAt: now,
          expiresAt: new Date(now.getTime() + this.config.transfers.partTtlHours * HOUR_MS),
        };
      }
      // Decide: a new part is packaged only with subjects in it; a stale one is rebuilt, or voided when none is left.
      const partChange =
        stale === null
          ? changePart({ part: partNumber, state: { status: 'none' } }, { type: 'package', expiresAt: sealed?.expiresAt ?? now, now })
          : changePart(
              { part: stale.part, state: partStateOf(stale) },
              { type: 'rebuild', subjects: packaged.length, expiresAt: sealed?.expiresAt ?? now, now },
            );
      const states = new Map(subjects.map((subject) => [subject.subjectId, subjectStateOf(subject)]));
      const packagedEntries = entries.filter(
        (entry) =>
          changeSubject({ subjectId: entry.subjectId, state: states.get(entry.subjectId)! }, { type: 'package', part: partNumber }) !==
          null,
      );
      const stopped: StoppedSubject[] = denied.map(({ subjectId, reason }) => ({
        subject: { subjectId, state: states.get(subjectId)! },
        command: { type: 'deny', reason },
      }));
      const deniedChanges = stopped.map((entry) => changeSubject(entry.subject, entry.command)).filter((change) => change !== null);

      // Save.
      if (partChange !== null && stale === null && sealed !== null) {
        await this.transfers.insertPart(tx, transferId, partNumber, partChange.to, sealed);
      } else if (partChange !== null && stale !== null) {
        await this.transfers.storeRebuiltPart(tx, transferId, partChange, sealed);
      }
      if (sealed !== null) await this.transfers.savePackaged(tx, transferId, partNumber, packagedEntries, now);
      await this.transfers.saveSubjectChanges(
        tx,
        deniedChanges.map((change) => ({ ...change, transferId })),
        now,
      );
      await this.transfers.settleStatus(tx, transfer, now);
      return true;
    });
  }

  private async seal(ctx: RequestContext, recipientId: string, payload: PackagePayload): Promise<string> {
    const credentials = await this.organisations.findCredentials(ctx, recipientId);
    if (credentials?.encryptionKey == null) throw new EncryptionKeyMissingError();
    const jws = await this.keyRing.signJws(payload, { typ: PACKAGE_JWS_TYPE });
    return encryptJweForRecipient(jws, credentials.encryptionKey, { typ: PACKAGE_JWE_TYPE, contentType: PACKAGE_JWS_TYPE });
  }
}

/** The consented items' pointers per category (a category without a consented item is absent). */
function consentedPointers(consent: GrantedConsent): Map<string, string[]> {
  const pointers = new Map<string, string[]>();
  for (const item of consent.items) {
    const category = categoryOfItem(item)?.code;
    if (category === undefined) continue;
    pointers.set(category, [...(pointers.get(category) ?? []), item.slice(item.indexOf('#') + 1)]);
  }
  return pointers;
}

/** The categories the consent covers at least one item of. */
function consentedCategories(consent: GrantedConsent): Set<string> {
  return new Set(consentedPointers(consent).keys());
}

/** The records of one subject as the recipient gets them (records of consented categories, in order): consented items only. */
function packageRecords(records: readonly ProvisionSourceRecord[], consent: GrantedConsent): PackagedRecord[] {
  const pointers = consentedPointers(consent);
  return records
    .filter((record) => pointers.has(record.category))
    .map((record) => ({
      category: record.category,
      observedAt: record.observedAt.toISOString(),
      provenance: { providerId: record.providerId, receivedAt: record.receivedAt.toISOString() },
      items: selectItems(record.data, pointers.get(record.category) as string[]),
    }));
}
