import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { BankKeyRing } from '@infobank/crypto';
import {
  APP_CONFIG,
  enqueueJob,
  Transactions,
  type AppConfig,
  type RequestContext,
  type TransactionalContext,
  sql,
  type SqlPiece,
  withActor,
  withTransaction,
} from '@infobank/platform';
import { OfferNotFoundError } from '@infobank/offers';
import { TransparencyLog, type LogLeafInput } from '@infobank/transparency-log';
import { decide, evolve, type ConsentCommand, type ConsentEvent, type ConsentTerms, type GrantedConsent } from '../domain/consent';
import { consentLeafBody, CONSENT_LEAF_KIND } from '../domain/consent-leaf';
import { CONSENT_RECEIPT_TYPE, receiptPayload, type ConsentedOffer, type ReceiptActor } from '../domain/consent-receipt';
import { ConsentCommandRefusedError, ConsentNotFoundError, ConsentVersionConflictError } from '../../consent.errors';
import { CONSENT_ENDED_JOB } from '../../consent.jobs';
import type { ConsentEventEntity } from '../infrastructure/consent-event.entity';
import { ConsentEventStore } from '../infrastructure/consent-event.store';
import { eventPayload, rowValuesOf, stateOfRow } from '../infrastructure/consent-state.mapper';
import { ConsentStore } from '../infrastructure/consent.store';

/** The bank as the controller named in every receipt. */
export const BANK_NAME = { ja: 'Infobank 情報銀行', en: 'Infobank information bank' } as const;

/** What one recorded command left: the consent's new state and the receipt signed for its event. */
export interface RecordedConsentChange {
  state: GrantedConsent;
  receipt: string;
  eventId: string;
}

const ATTEMPTS = 3;

/** Grants a page writes per statement, the next slice's receipts signed while Postgres writes this one. */
const GRANT_SLICE = 250;

/**
 * Receipts of a slice in flight at once. WebCrypto signs on libuv's thread pool; one signature at a time pays a
 * thread hand-off and a wake-up of the event loop for each, a few at a time share them: process CPU per receipt
 * 129 -> 104 µs with 4 to 16 in flight (median of 6 alternated rounds of 2,500 4-KB payloads, load 15); more in
 * flight gains nothing.
 */
const RECEIPTS_SIGNED_AT_ONCE = 8;

/** An event with the receipt signed for it, ready to be appended. */
interface SignedEvent {
  state: GrantedConsent;
  event: ConsentEvent;
  eventId: string;
  receiptId: string;
  receipt: string;
  receiptHash: string;
}
const LEDGER_ACTOR = { type: 'system', name: 'consent.ledger' } as const;

/**
 * Writes the consent ledger: decides a command with the pure rules, then in one transaction writes
 * the current-state row (inserting it for a grant, else checking and bumping `version`), appends the event
 * with its signed receipt (chained to the previous receipt's hash) and appends the event's transparency log leaf.
 */
@Injectable()
export class ConsentLedger {
  constructor(
    private readonly transactions: Transactions,
    private readonly consents: ConsentStore,
    private readonly events: ConsentEventStore,
    private readonly keyRing: BankKeyRing,
    private readonly log: TransparencyLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs `command` on the consent, owned by `individualId` when given (anyone else's reads as not
   * found). A concurrent change committed first makes the version check fail: the command is then
   * decided again on the new state (so a pause racing a revoke ends as a clean refusal, never a mix).
   */
  async change(
    ctx: RequestContext,
    consentId: string,
    owner: { individualId?: string },
    command: (now: Date) => Exclude<ConsentCommand, { type: 'grant' }>,
    actor: ReceiptActor,
  ): Promise<RecordedConsentChange> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.transactions.run(ctx, async (tx) => {
          const row = await this.consents.findById(tx, consentId);
          if (row === null || (owner.individualId !== undefined && row.individualId !== owner.individualId)) {
            throw new ConsentNotFoundError(consentId);
          }
          return this.record(tx, stateOfRow(row), command(tx.now()), { actor, offer: row.offerSnapshot });
        });
      } catch (error) {
        if (!(error instanceof ConsentVersionConflictError) || ctx.transaction !== undefined || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Grants new consents to one offer: one grant, or a page of them for standing conditions, written the same way,
   * in the context's transaction or as one of its own. Receipts are signed first; then one statement composed of the
   * owners' pieces re-checks the offer (still visible to individuals, its row share-locked against a suspension or
   * withdrawal until the write commits) and inserts the consents, their events with receipts and their transparency
   * log leaves. Returns what was recorded for each grant, in order, or null where the individual already holds a live
   * consent to the offer (the partial unique index refuses it), so granting a page again records nothing twice.
   * OFFER_NOT_FOUND when the offer stopped being visible after it was read (nothing is written).
   */
  async grant(
    ctx: RequestContext,
    grants: readonly ConsentTerms[],
    now: Date,
    context: { actor: ReceiptActor; offer: ConsentedOffer; offerStillVisible: SqlPiece },
  ): Promise<(RecordedConsentChange | null)[]> {
    const changes = grants.map((terms) => {
      const decision = decide({ type: 'grant', terms, now }, { status: 'none' });
      if (decision.outcome === 'refused') throw new ConsentCommandRefusedError(decision.reason);
      const [event] = decision.events;
      return { state: evolve({ status: 'none' }, event) as GrantedConsent, event, previousReceiptHash: null };
    });
    if (changes.length === 0) return [];
    // A page is written in slices, each slice's receipts signed while Postgres writes the slice before it (the
    // signing is the process's work, the write the database's); a single grant is one slice of one.
    const slices: (typeof changes)[] = [];
    for (let start = 0; start < changes.length; start += GRANT_SLICE) slices.push(changes.slice(start, start + GRANT_SLICE));
    if (slices.length > 1 && ctx.transaction === undefined) {
      // A page is all or nothing: its slices share one transaction.
      return this.transactions.run(ctx, (tx) => this.grant(tx, grants, now, context));
    }
    const recorded: (RecordedConsentChange | null)[] = [];
    let signing = this.signEvents(slices[0], context);
    for (let index = 0; index < slices.length; index += 1) {
      const signed = await signing;
      if (index + 1 < slices.length) {
        signing = this.signEvents(slices[index + 1], context);
        // Awaited on the next turn; a write that fails first must not leave it unhandled.
        signing.catch(() => undefined);
      }
      recorded.push(...(await this.writeGranted(ctx, grants[0].offerId, signed, context)));
    }
    return recorded;
  }

  /**
   * One statement composed of the owners' pieces: the offer re-checked (still visible to individuals, its row
   * share-locked until the write commits), then the consents, their transparency log leaves and their events with
   * receipts. OFFER_NOT_FOUND when the offer stopped being visible after it was read (nothing is written).
   */
  private async writeGranted(
    ctx: RequestContext,
    offerId: string,
    signed: readonly SignedEvent[],
    context: { actor: ReceiptActor; offer: ConsentedOffer; offerStillVisible: SqlPiece },
  ): Promise<(RecordedConsentChange | null)[]> {
    const grantedIds = sql`SELECT "id" FROM "granted"`;
    const leaves = this.log.appendPiece(
      signed.map((change) => ({ ...leafOf(change), key: change.state.consentId })),
      grantedIds,
    );
    const [written] = await this.transactions.runStatement<{ offerVisible: boolean; granted: string[] }>(
      ctx,
      sql`WITH "offer" AS (${context.offerStillVisible}),
         "granted" AS (${this.consents.insertUnlessLivePiece(
           signed.map((change) => rowValuesOf(change.state, change.event)),
           context.offer,
           sql`SELECT 1 FROM "offer"`,
         )}),
         "leaves" AS (${leaves.piece}),
         "events" AS (${this.events.appendPiece(eventRowsOf(signed, leaves.ids, context.actor), grantedIds)})
       SELECT EXISTS (SELECT 1 FROM "offer") AS "offerVisible", ARRAY(SELECT "id"::text FROM "granted") AS "granted"`,
    );
    if (!written.offerVisible) throw new OfferNotFoundError(offerId);
    const inserted = new Set(written.granted);
    return signed.map(({ state, receipt, eventId }) => (inserted.has(state.consentId) ? { state, receipt, eventId } : null));
  }

  /**
   * Decides and records one command on an existing consent in the caller's transaction (checking and bumping
   * its version). A revocation or expiry also writes CONSENT_ENDED_JOB to the outbox.
   */
  async record(
    tx: TransactionalContext,
    state: GrantedConsent,
    command: Exclude<ConsentCommand, { type: 'grant' }>,
    context: { actor: ReceiptActor; offer: ConsentedOffer },
  ): Promise<RecordedConsentChange> {
    const decision = decide(command, state);
    if (decision.outcome === 'refused') throw new ConsentCommandRefusedError(decision.reason);
    let next: GrantedConsent = state;
    let last: RecordedConsentChange | undefined;
    for (const event of decision.events) {
      const previous = next;
      next = evolve(previous, event) as GrantedConsent;
      if (!(await this.consents.updateAtVersion(tx, previous.version, rowValuesOf(next, event)))) {
        throw new ConsentVersionConflictError();
      }
      const previousReceiptHash = await this.events.receiptHashOf(tx, next.consentId, next.version - 1);
      [last] = await this.appendSigned(tx, await this.signEvents([{ state: next, event, previousReceiptHash }], context), context);
      if (event.type === 'consent_revoked' || event.type === 'consent_expired') {
        // Withdrawal propagates to recipients (notices, work in flight stopped) from this commit on.
        await enqueueJob({ ...tx, actor: LEDGER_ACTOR }, CONSENT_ENDED_JOB, { consentId: next.consentId });
      }
    }
    return last as RecordedConsentChange;
  }

  /** Signs each event's receipt (chained to the previous receipt's hash), a few at a time; returns them in order. */
  private async signEvents(
    changes: readonly { state: GrantedConsent; event: ConsentEvent; previousReceiptHash: string | null }[],
    context: { actor: ReceiptActor; offer: ConsentedOffer },
  ): Promise<SignedEvent[]> {
    const signed = new Array<SignedEvent>(changes.length);
    let next = 0;
    const signInTurn = async (): Promise<void> => {
      for (let index = next++; index < changes.length; index = next++) signed[index] = await this.signEvent(changes[index], context);
    };
    await Promise.all(Array.from({ length: Math.min(RECEIPTS_SIGNED_AT_ONCE, changes.length) }, signInTurn));
    return signed;
  }

  /** Signs one event's receipt. */
  private async signEvent(
    { state, event, previousReceiptHash }: { state: GrantedConsent; event: ConsentEvent; previousReceiptHash: string | null },
    context: { actor: ReceiptActor; offer: ConsentedOffer },
  ): Promise<SignedEvent> {
    const portal = this.config.http.publicUrls.portal;
    const eventId = randomUUID();
    const receiptId = randomUUID();
    const receipt = await this.keyRing.signJws(
      receiptPayload(state, {
        receiptId,
        eventId,
        event,
        actor: context.actor,
        offer: context.offer,
        bank: { name: BANK_NAME, url: portal },
        withdrawalUrl: `${portal}/v1/me/consents/${state.consentId}/revoke`,
        previousReceiptHash,
      }),
      { typ: CONSENT_RECEIPT_TYPE },
    );
    return { state, event, eventId, receiptId, receipt, receiptHash: createHash('sha256').update(receipt).digest('base64url') };
  }

  /** Appends signed events and their transparency log leaves, one statement per table whether there is one event or a page of them. */
  private async appendSigned(
    tx: TransactionalContext,
    signed: readonly SignedEvent[],
    context: { actor: ReceiptActor },
  ): Promise<RecordedConsentChange[]> {
    if (signed.length === 0) return [];
    const leafIds = await this.log.appendMany(withTransaction(withActor(tx, LEDGER_ACTOR), tx.transaction), signed.map(leafOf));
    await this.events.appendMany(tx, eventRowsOf(signed, leafIds, context.actor));
    return signed.map(({ state, receipt, eventId }) => ({ state, receipt, eventId }));
  }
}

/** The transparency log leaf of a signed event: its canonical record, covering the receipt by its hash. */
function leafOf({ state, event, eventId, receiptHash }: SignedEvent): LogLeafInput {
  const body = consentLeafBody({
    consentId: state.consentId,
    eventId,
    version: state.version,
    type: event.type,
    occurredAt: event.at,
    receiptHash,
  });
  return { kind: CONSENT_LEAF_KIND, body: Buffer.from(body, 'utf8') };
}

/** The event rows of signed events, each with its leaf's id. */
function eventRowsOf(signed: readonly SignedEvent[], leafIds: readonly string[], actor: ReceiptActor): ConsentEventEntity[] {
  return signed.map(({ state, event, eventId, receiptId, receipt, receiptHash }, index) => ({
    id: eventId,
    consentId: state.consentId,
    version: state.version,
    type: event.type,
    payload: eventPayload(event),
    actor,
    occurredAt: event.at,
    receiptId,
    receiptJws: receipt,
    receiptHash,
    leafId: leafIds[index],
  }));
}
