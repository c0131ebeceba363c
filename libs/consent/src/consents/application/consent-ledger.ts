import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { BankKeyRing } from '@infobank/crypto';
import {
  APP_CONFIG,
  enqueueJob,
  inTransaction,
  type AppConfig,
  type RequestContext,
  withTransaction,
  createRequestContext,
} from '@infobank/platform';
import { TransparencyLog } from '@infobank/transparency-log';
import { DataSource, type EntityManager } from 'typeorm';
import { decide, evolve, type ConsentCommand, type ConsentState, type GrantedConsent } from '../domain/consent';
import { consentLeafBody, CONSENT_LEAF_KIND } from '../domain/consent-leaf';
import { CONSENT_RECEIPT_TYPE, receiptPayload, type ConsentedOffer, type ReceiptActor } from '../domain/consent-receipt';
import { ConsentCommandRefusedError, ConsentExistsError, ConsentNotFoundError, ConsentVersionConflictError } from '../../consent.errors';
import { CONSENT_ENDED_JOB } from '../../consent.jobs';
import { ConsentEventEntity } from '../infrastructure/consent-event.entity';
import { ConsentEntity } from '../infrastructure/consent.entity';
import { eventPayload, rowValuesOf, stateOfRow } from '../infrastructure/consent-state.mapper';

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
    private readonly dataSource: DataSource,
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
        return await inTransaction(ctx, this.dataSource, async (manager) => {
          const row = await manager.findOne(ConsentEntity, { where: { id: consentId } });
          if (row === null || (owner.individualId !== undefined && row.individualId !== owner.individualId)) {
            throw new ConsentNotFoundError(consentId);
          }
          return this.record(manager, stateOfRow(row), command(new Date()), {
            actor,
            offer: row.offerSnapshot,
            correlationId: ctx.correlationId,
          });
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
    manager: EntityManager,
    state: ConsentState,
    command: ConsentCommand,
    context: { actor: ReceiptActor; offer: ConsentedOffer; correlationId?: string },
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
        // ON CONFLICT DO NOTHING: a live consent to this offer (uq_consents_live_individual_offer) refuses the grant cleanly.
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(ConsentEntity)
          .values(manager.create(ConsentEntity, { ...values, offerSnapshot: context.offer }))
          .orIgnore()
          .returning(['id'])
          .execute();
        if ((inserted.raw as unknown[]).length !== 1) throw new ConsentExistsError(next.offerId);
      } else {
        const result = await manager.update(ConsentEntity, { id: next.consentId, version: previous.version }, values);
        if (result.affected !== 1) throw new ConsentVersionConflictError();
      }
      last = await this.appendEvent(manager, next, event, context);
      if (event.type === 'consent_revoked' || event.type === 'consent_expired') {
        // Withdrawal propagates to recipients (notices, work in flight stopped) from this commit on.
        const jobCtx = withTransaction(createRequestContext(LEDGER_ACTOR, context.correlationId), manager);
        await enqueueJob(jobCtx, CONSENT_ENDED_JOB, { consentId: next.consentId });
      }
    }
    return last as RecordedConsentChange;
  }

  private async appendEvent(
    manager: EntityManager,
    state: GrantedConsent,
    event: Parameters<typeof evolve>[1],
    context: { actor: ReceiptActor; offer: ConsentedOffer },
  ): Promise<RecordedConsentChange> {
    const previousReceipt =
      state.version === 1
        ? null
        : await manager.findOne(ConsentEventEntity, {
            where: { consentId: state.consentId, version: state.version - 1 },
            select: { receiptHash: true },
          });
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
        previousReceiptHash: previousReceipt?.receiptHash ?? null,
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
    const leafId = await this.log.append(withTransaction(createRequestContext(LEDGER_ACTOR), manager), {
      kind: CONSENT_LEAF_KIND,
      body: Buffer.from(body, 'utf8'),
    });
    const row = manager.create(ConsentEventEntity, {
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
    await manager.save(ConsentEventEntity, row, { reload: false });
    return { state, receipt, eventId };
  }
}
