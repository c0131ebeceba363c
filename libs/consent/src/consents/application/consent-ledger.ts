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
  withActor,
  withTransaction,
} from '@infobank/platform';
import { TransparencyLog } from '@infobank/transparency-log';
import { decide, evolve, type ConsentCommand, type ConsentState, type GrantedConsent } from '../domain/consent';
import { consentLeafBody, CONSENT_LEAF_KIND } from '../domain/consent-leaf';
import { CONSENT_RECEIPT_TYPE, receiptPayload, type ConsentedOffer, type ReceiptActor } from '../domain/consent-receipt';
import { ConsentCommandRefusedError, ConsentExistsError, ConsentNotFoundError, ConsentVersionConflictError } from '../../consent.errors';
import { CONSENT_ENDED_JOB } from '../../consent.jobs';
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
const LEDGER_ACTOR = { type: 'system', name: 'consent.ledger' } as const;

/**
 * Writes the consent ledger: decides a command with the pure rules, then in one transaction writes
 * the current-state row (checking and bumping `version`), appends the event with its signed receipt
 * (chained to the previous receipt's hash) and appends the event's transparency log leaf.
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
   * Decides and records one command in the caller's transaction (a grant inserts the row; the partial unique
   * index allows one live consent per offer). A revocation or expiry also writes CONSENT_ENDED_JOB to the outbox.
   */
  async record(
    tx: TransactionalContext,
    state: ConsentState,
    command: ConsentCommand,
    context: { actor: ReceiptActor; offer: ConsentedOffer },
  ): Promise<RecordedConsentChange> {
    const decision = decide(command, state);
    if (decision.outcome === 'refused') throw new ConsentCommandRefusedError(decision.reason);
    let next: ConsentState = state;
    let last: RecordedConsentChange | undefined;
    for (const event of decision.events) {
      const previous = next;
      next = evolve(previous, event) as GrantedConsent;
      const values = rowValuesOf(next, event);
      if (previous.status === 'none') {
        // A live consent to this offer (uq_consents_live_individual_offer) refuses the grant cleanly.
        if (!(await this.consents.insertUnlessLive(tx, values, context.offer))) throw new ConsentExistsError(next.offerId);
      } else if (!(await this.consents.updateAtVersion(tx, previous.version, values))) {
        throw new ConsentVersionConflictError();
      }
      last = await this.appendEvent(tx, next, event, context);
      if (event.type === 'consent_revoked' || event.type === 'consent_expired') {
        // Withdrawal propagates to recipients (notices, work in flight stopped) from this commit on.
        await enqueueJob({ ...tx, actor: LEDGER_ACTOR }, CONSENT_ENDED_JOB, { consentId: next.consentId });
      }
    }
    return last as RecordedConsentChange;
  }

  private async appendEvent(
    tx: TransactionalContext,
    state: GrantedConsent,
    event: Parameters<typeof evolve>[1],
    context: { actor: ReceiptActor; offer: ConsentedOffer },
  ): Promise<RecordedConsentChange> {
    const previousReceiptHash = state.version === 1 ? null : await this.events.receiptHashOf(tx, state.consentId, state.version - 1);
    const eventId = randomUUID();
    const receiptId = randomUUID();
    const portal = this.config.http.publicUrls.portal;
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
    const receiptHash = createHash('sha256').update(receipt).digest('base64url');
    const body = consentLeafBody({
      consentId: state.consentId,
      eventId,
      version: state.version,
      type: event.type,
      occurredAt: event.at,
      receiptHash,
    });
    const leafId = await this.log.append(withTransaction(withActor(tx, LEDGER_ACTOR), tx.transaction), {
      kind: CONSENT_LEAF_KIND,
      body: Buffer.from(body, 'utf8'),
    });
    await this.events.append(tx, {
      id: eventId,
      consentId: state.consentId,
      version: state.version,
      type: event.type,
      payload: eventPayload(event),
      actor: context.actor,
      occurredAt: event.at,
      receiptId,
      receiptJws: receipt,
      receiptHash,
      leafId,
    });
    return { state, receipt, eventId };
  }
}
