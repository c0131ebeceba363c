import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { categoryOfItem, OrganisationDirectory } from '@infobank/catalog';
import { LockConsentsForProvisionUseCase, mayProvide, type GrantedConsent } from '@infobank/consent';
import { BankKeyRing, encryptJweForRecipient, KEY_MATERIAL, KeyedDigest, type KeyMaterial } from '@infobank/crypto';
import { GetOfferForProvisionUseCase, type OfferSnapshot } from '@infobank/offers';
import {
  APP_CONFIG,
  Transactions,
  yieldToEventLoop,
  type AppConfig,
  type RequestContext,
  type TransactionalContext,
} from '@infobank/platform';
import { FindChangedRecordsUseCase, ReadRecordsForProvisionUseCase, type ProvisionSourceRecord } from '@infobank/vault';
import { PROVISION_RECORD_DIGEST_PURPOSE } from '../../provisions/domain/record-digest';
import { EncryptionKeyMissingError } from '../../provision.errors';
import { observationRange } from '../domain/offer-limits';
import { selectItems, type PackagedRecord, type PackagedSubject, type PackagePayload } from '../domain/package-contents';
import { PACKAGE_JWE_TYPE, PACKAGE_JWS_TYPE } from '../domain/package-format';
import { changePart, changeSubject, type StoppedSubject } from '../domain/transfer-lifecycle';
import type { DenialReason } from '../domain/transfer-status';
import type { TransferPartEntity } from '../infrastructure/transfer-part.entity';
import type { TransferEntity } from '../infrastructure/transfer.entity';
import {
  partStateOf,
  subjectStateOf,
  TransferRepository,
  type PackagedEntry,
  type SealedPart,
  type WorkSubject,
} from '../infrastructure/transfer.repository';

const HOUR_MS = 60 * 60 * 1000;
/** The part size (TRANSFER_PART_MAX_SUBJECTS) from which parts are drafted before the transfer is locked. */
const DRAFTED_PART_MIN_SUBJECTS = 100;
/**
 * Subjects packaged between two yields to the event loop: a draft runs while the part before it is saved under
 * the transfer's lock, and that save's database replies must not wait for the whole draft (downloads wait for the lock).
 */
const SUBJECTS_PER_SLICE = 100;

/** Hooks for tests that stop a build between packaging a part and saving it, or between parts. */
export interface BuildPartHooks {
  afterDraft?: (part: number) => void | Promise<void>;
  afterPart?: (built: number) => void | Promise<void>;
}

/** The work one part is built from, read at one moment: a stale part or pending subjects, with what packaging them needs. */
interface PartInputs {
  transfer: TransferEntity;
  stale: TransferPartEntity | null;
  subjects: WorkSubject[];
  offer: OfferSnapshot;
  consents: Map<string, GrantedConsent>;
  now: Date;
}

/** A part packaged and sealed from its inputs, not saved yet. */
interface PartDraft {
  inputs: PartInputs;
  partNumber: number;
  entries: PackagedEntry[];
  denied: { subjectId: string; reason: DenialReason }[];
  /** Every record packaged, with the version packaged and its observation time. */
  records: { id: string; version: number; observedAt: Date }[];
  sealed: SealedPart | null;
}

/**
 * Packages a transfer one part at a time, each part saved in its own transaction (a crash loses at most
 * the part being built; the retry continues with the subjects still pending). A stale part is rebuilt first,
 * under its own number; otherwise up to TRANSFER_PART_MAX_SUBJECTS pending subjects make a new part.
 * Only consented items of in-range records go in. One JWS (bank signature) and one JWE (to the recipient's
 * key) per part, never per subject.
 *
 * The costly work (reading and decrypting records, signing, encrypting) happens before the transfer is
 * locked, so that downloads of earlier parts go on meanwhile. Then, under the transfer's lock and the
 * consents' FOR SHARE locks, the draft is saved only if nothing it was built from moved: the same work is
 * next, every consent is at the version packaged with the same verdict, and every packaged record is still
 * in the vault at that version and inside the data range. Otherwise the part is built again under the locks,
 * as it always was. Either way what is saved was decided under the locks (a revocation that committed
 * first is seen; one that comes later waits for the commit, and the download re-checks it).
 * Load → decide (each subject packaged or denied, the part packaged, rebuilt or voided, by the lifecycle model) → save.
 */
@Injectable()
export class PartPackager {
  private readonly recordDigest: KeyedDigest;

  constructor(
    private readonly transactions: Transactions,
    private readonly getOffer: GetOfferForProvisionUseCase,
    private readonly lockConsents: LockConsentsForProvisionUseCase,
    private readonly readRecords: ReadRecordsForProvisionUseCase,
    private readonly findChangedRecords: FindChangedRecordsUseCase,
    private readonly organisations: OrganisationDirectory,
    private readonly keyRing: BankKeyRing,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(KEY_MATERIAL) material: KeyMaterial,
    private readonly transfers: TransferRepository,
  ) {
    this.recordDigest = KeyedDigest.derive(material.pseudonymSecret, PROVISION_RECORD_DIGEST_PURPOSE);
  }

  /**
   * Builds every part left, one after another. Each new part's draft is packaged while the part before it is
   * saved (its subjects are the pending ones after that part's last), so the worker's CPU and the database overlap.
   */
  async buildAll(ctx: RequestContext, transferId: string, hooks: BuildPartHooks = {}): Promise<void> {
    // Small parts are built under the locks at once: a draft would double their round trips for little packaging work.
    const drafts = this.config.transfers.partMaxSubjects >= DRAFTED_PART_MIN_SUBJECTS;
    let drafting: Promise<PartDraft | null> = drafts ? this.draft(ctx, transferId, null) : Promise.resolve(null);
    let built = 0;
    for (;;) {
      const draft = await drafting;
      if (draft !== null) await hooks.afterDraft?.(draft.partNumber);
      const last = draft?.inputs.subjects.at(-1);
      drafting =
        drafts && draft !== null && draft.inputs.stale === null && last !== undefined
          ? // A draft that fails is only a missed head start: the part is then built under the locks.
            this.draft(ctx, transferId, { subjectId: last.subjectId, part: draft.partNumber + 1 }).catch(() => null)
          : Promise.resolve(null);
      if (!(await this.saveNext(ctx, transferId, draft))) {
        await drafting;
        return;
      }
      built += 1;
      await hooks.afterPart?.(built);
    }
  }

  /**
   * A draft of the next part, read and packaged without the transfer's lock (the consents' share locks end
   * with the short read). With `after`, of the pending subjects after that one, as part `after.part`.
   */
  private async draft(
    ctx: RequestContext,
    transferId: string,
    after: { subjectId: string; part: number } | null,
  ): Promise<PartDraft | null> {
    const read = await this.transactions.runOwn(ctx, async (tx) => {
      const inputs = await this.loadInputs(tx, transferId, false, after);
      return inputs === null ? null : { inputs, records: await this.recordsOf(tx, inputs) };
    });
    return read === null ? null : this.draftPart(ctx, read.inputs, read.records, after?.part);
  }

  /** Under the locks: saves the draft if it still holds, or builds the next part again under them; false when nothing was left. */
  private async saveNext(ctx: RequestContext, transferId: string, draft: PartDraft | null): Promise<boolean> {
    return this.transactions.runOwn(ctx, async (tx) => {
      const inputs = await this.loadInputs(tx, transferId, true, null);
      if (inputs === null) return false;
      const part =
        draft !== null && (await this.stillHolds(tx, draft, inputs))
          ? draft
          : await this.draftPart(tx, inputs, await this.recordsOf(tx, inputs));
      await this.save(tx, part);
      return true;
    });
  }

  /**
   * The next part's work: the transfer (locked when `locked`), its first stale part or up to a part's worth of
   * pending subjects, the offer and the subjects' consents (both FOR SHARE); null when nothing is left to build.
   */
  private async loadInputs(
    tx: TransactionalContext,
    transferId: string,
    locked: boolean,
    after: { subjectId: string } | null,
  ): Promise<PartInputs | null> {
    const now = tx.now();
    const transfer = locked ? await this.transfers.lockTransfer(tx, transferId) : await this.transfers.findTransfer(tx, transferId);
    if (transfer === null || transfer.status === 'requested' || transfer.status === 'cancelled' || transfer.status === 'expired')
      return null;
    // The counters say whether a part is stale or a subject pending: no scan of the parts when none is.
    if (transfer.partsStale === 0 && transfer.subjectsPending === 0) return null;
    const stale = transfer.partsStale === 0 || after !== null ? null : await this.transfers.findStalePart(tx, transferId);
    const subjects = await this.transfers.pendingSubjects(
      tx,
      transferId,
      stale?.part ?? null,
      this.config.transfers.partMaxSubjects,
      after?.subjectId ?? null,
    );
    if (stale === null && subjects.length === 0) return null;
    const offer = await this.getOffer.execute(tx, transfer.offerId, { lock: 'share' });
    const consents = await this.lockConsents.execute(tx, { consentIds: subjects.map((subject) => subject.consentId as string) });
    return { transfer, stale, subjects, offer, consents, now };
  }

  /** The subjects' records of the offer's categories inside its data range, decrypted. */
  private recordsOf(tx: TransactionalContext, inputs: PartInputs): Promise<Map<string, ProvisionSourceRecord[]>> {
    return this.readRecords.execute(tx, {
      individualIds: inputs.subjects.map((subject) => subject.individualId as string),
      categories: [...new Set(inputs.offer.items.map((item) => item.categoryId))],
      range: observationRange(inputs.offer.dataRange, inputs.now),
    });
  }

  /** Decides each subject (packaged or denied, by `mayProvide` and the records), then signs and encrypts the part. */
  private async draftPart(
    ctx: RequestContext,
    inputs: PartInputs,
    records: Map<string, ProvisionSourceRecord[]>,
    partNumber: number = inputs.stale?.part ?? inputs.transfer.partCount + 1,
  ): Promise<PartDraft> {
    const { transfer, subjects, offer, consents, now } = inputs;
    const packaged: PackagedSubject[] = [];
    const draft: PartDraft = {
      inputs,
      partNumber,
      entries: [],
      denied: [],
      records: [],
      sealed: null,
    };
    for (const [index, subject] of subjects.entries()) {
      if (index > 0 && index % SUBJECTS_PER_SLICE === 0) await yieldToEventLoop();
      const consent = consents.get(subject.consentId as string);
      const verdict = verdictOf(consent, offer, now);
      if (!verdict.allowed) {
        draft.denied.push({ subjectId: subject.subjectId, reason: verdict.reason });
        continue;
      }
      const categoriesConsented = consentedCategories(consent as GrantedConsent);
      const source = (records.get(subject.individualId as string) ?? []).filter((record) => categoriesConsented.has(record.category));
      const packagedRecords = packageRecords(source, consent as GrantedConsent);
      if (packagedRecords.length === 0) {
        draft.denied.push({ subjectId: subject.subjectId, reason: 'out_of_range' });
        continue;
      }
      packaged.push({ subject: subject.subjectId, records: packagedRecords });
      draft.records.push(...source.map((record) => ({ id: record.id, version: record.version, observedAt: record.observedAt })));
      draft.entries.push({
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
    if (packaged.length > 0) {
      const pkg = await this.seal(ctx, transfer.recipientId, {
        transferId: transfer.id,
        part: draft.partNumber,
        offerId: transfer.offerId,
        recipient: transfer.recipientId,
        createdAt: now.toISOString(),
        subjects: packaged,
      });
      draft.sealed = {
        subjectCount: packaged.length,
        package: pkg,
        packageDigest: createHash('sha256').update(pkg).digest(),
        builtAt: now,
        expiresAt: new Date(now.getTime() + this.config.transfers.partTtlHours * HOUR_MS),
      };
    }
    return draft;
  }

  /**
   * Under the locks: whether a draft made before them may be saved as it is. The same work must be next (same
   * part number, same stale part generation, same subjects), every consent at the version the draft saw with
   * the same verdict now, and every packaged record still in the vault at the version packaged and inside the range.
   */
  private async stillHolds(tx: TransactionalContext, draft: PartDraft, locked: PartInputs): Promise<boolean> {
    const drafted = draft.inputs;
    if (draft.partNumber !== (locked.stale?.part ?? locked.transfer.partCount + 1)) return false;
    if ((locked.stale?.part ?? null) !== (drafted.stale?.part ?? null)) return false;
    if ((locked.stale?.generation ?? null) !== (drafted.stale?.generation ?? null)) return false;
    if (locked.subjects.length !== drafted.subjects.length) return false;
    const deniedNow = new Map(draft.denied.map((entry) => [entry.subjectId, entry.reason]));
    for (const [index, subject] of locked.subjects.entries()) {
      const before = drafted.subjects[index];
      if (subject.subjectId !== before.subjectId || subject.consentId !== before.consentId) return false;
      const consent = locked.consents.get(subject.consentId as string);
      const earlier = drafted.consents.get(subject.consentId as string);
      if (consent?.version !== earlier?.version) return false;
      const verdict = verdictOf(consent, locked.offer, locked.now);
      const draftDenial = deniedNow.get(subject.subjectId);
      // Denied now: the draft must have denied it for the same reason. Allowed now: packaged, or denied for its records (none in range).
      if (!verdict.allowed ? draftDenial !== verdict.reason : draftDenial !== undefined && draftDenial !== 'out_of_range') return false;
    }
    const range = observationRange(locked.offer.dataRange, locked.now);
    const outOfRange = draft.records.some(
      (record) => (range.from !== null && record.observedAt < range.from) || (range.to !== null && record.observedAt >= range.to),
    );
    if (outOfRange) return false;
    const changed = await this.findChangedRecords.execute(tx, { records: draft.records });
    return changed.size === 0;
  }

  /** Saves a part decided by the lifecycle model: the part packaged, rebuilt or voided, its subjects packaged or denied. */
  private async save(tx: TransactionalContext, draft: PartDraft): Promise<void> {
    const { inputs, partNumber, entries, denied } = draft;
    const { transfer, stale, subjects } = inputs;
    const now = tx.now();
    // A part's built_at is when it is stored (visible once this commits), not when its draft started.
    const sealed = draft.sealed === null ? null : { ...draft.sealed, builtAt: now };
    // Decide: a new part is packaged only with subjects in it; a stale one is rebuilt, or voided when none is left.
    const partChange =
      stale === null
        ? changePart({ part: partNumber, state: { status: 'none' } }, { type: 'package', expiresAt: sealed?.expiresAt ?? now, now })
        : changePart(
            { part: stale.part, state: partStateOf(stale) },
            { type: 'rebuild', subjects: entries.length, expiresAt: sealed?.expiresAt ?? now, now },
          );
    const states = new Map(subjects.map((subject) => [subject.subjectId, subjectStateOf(subject)]));
    const packagedEntries = entries.filter(
      (entry) =>
        changeSubject({ subjectId: entry.subjectId, state: states.get(entry.subjectId)! }, { type: 'package', part: partNumber }) !== null,
    );
    const stopped: StoppedSubject[] = denied.map(({ subjectId, reason }) => ({
      subject: { subjectId, state: states.get(subjectId)! },
      command: { type: 'deny', reason },
    }));
    const deniedChanges = stopped.map((entry) => changeSubject(entry.subject, entry.command)).filter((change) => change !== null);

    if (partChange !== null && stale === null && sealed !== null) {
      await this.transfers.insertPart(tx, transfer.id, partNumber, partChange.to, sealed);
    } else if (partChange !== null && stale !== null) {
      await this.transfers.storeRebuiltPart(tx, transfer.id, partChange, sealed);
    }
    if (sealed !== null) await this.transfers.savePackaged(tx, transfer.id, partNumber, packagedEntries, now);
    await this.transfers.saveSubjectChanges(
      tx,
      deniedChanges.map((change) => ({ ...change, transferId: transfer.id })),
      now,
    );
    await this.transfers.settleStatus(tx, transfer, now);
  }

  private async seal(ctx: RequestContext, recipientId: string, payload: PackagePayload): Promise<string> {
    const credentials = await this.organisations.findCredentials(ctx, recipientId);
    if (credentials?.encryptionKey == null) throw new EncryptionKeyMissingError();
    const jws = await this.keyRing.signJws(payload, { typ: PACKAGE_JWS_TYPE });
    return encryptJweForRecipient(jws, credentials.encryptionKey, { typ: PACKAGE_JWE_TYPE, contentType: PACKAGE_JWS_TYPE });
  }
}

/** `mayProvide` for a subject whose consent may be gone. */
function verdictOf(
  consent: GrantedConsent | undefined,
  offer: OfferSnapshot,
  now: Date,
): { allowed: true } | { allowed: false; reason: DenialReason } {
  if (consent === undefined) return { allowed: false, reason: 'no_consent' };
  const verdict = mayProvide(consent, offer, consent.items, now);
  return verdict.allowed ? { allowed: true } : { allowed: false, reason: verdict.reason };
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
