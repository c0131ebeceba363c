import { Injectable } from '@nestjs/common';
import { OpenIndividualAccounts } from '@infobank/identity';
import { GetCatalogueOfferUseCase, OfferNotFoundError, type CatalogueOfferDetail } from '@infobank/offers';
import { enqueueJob, Transactions, type RequestContext, type TransactionalContext } from '@infobank/platform';
import { NotifyIndividual, type NewNotification } from '@infobank/rights';
import { GrantConsentUseCase } from '../../consents/application/grant-consent.use-case';
import { ConsentEligibility } from '../../consents/application/consent-eligibility';
import { matchStandingConditions, type MatchableOffer, type StandingConditionMatch } from '../domain/standing-condition-match';
import type { StandingConditionsEntity } from '../infrastructure/standing-conditions.entity';
import { StandingConditionsStore } from '../infrastructure/standing-conditions.store';
import { EVALUATE_STANDING_CONDITIONS_JOB } from '../standing-conditions.jobs';
import { conditionsOfRow } from './own-standing-conditions.use-cases';

/** Individuals evaluated per page (one job, one transaction, one statement per table for the page's grants). */
export const STANDING_CONDITIONS_PAGE_SIZE = 1_000;

/** Where to start: before every individual id. */
export const FIRST_INDIVIDUAL_CURSOR = '00000000-0000-0000-0000-000000000000';

/** What one page did. */
export interface StandingConditionsPageResult {
  evaluated: number;
  granted: number;
  /** The cursor of the next page's job, or null when this was the last page (or the offer is no longer approved). */
  nextAfterIndividualId: string | null;
}

/**
 * The bank judges an approved offer on behalf of one page of individuals who set standing conditions
 * naming its purpose: wherever it fits, it grants a `standing_condition` consent carrying the
 * explanation of every criterion (ja/en) and notifies the individual. The offer is loaded once; the page's
 * grants are written together (GrantConsentUseCase.grantAll: one statement per table, receipts signed in
 * the same pass) in the caller's (job's) transaction. A full page first commits the next page's job to the
 * outbox in a transaction of its own, so that pages run side by side. Running a page again grants nothing twice.
 */
@Injectable()
export class EvaluateStandingConditionsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly conditions: StandingConditionsStore,
    private readonly offers: GetCatalogueOfferUseCase,
    private readonly grant: GrantConsentUseCase,
    private readonly notifications: NotifyIndividual,
    private readonly accounts: OpenIndividualAccounts,
    private readonly eligibility: ConsentEligibility,
  ) {}

  async execute(
    ctx: RequestContext,
    page: { offerId: string; afterIndividualId: string },
    pageSize: number = STANDING_CONDITIONS_PAGE_SIZE,
  ): Promise<StandingConditionsPageResult> {
    const offer = await this.approvedOffer(ctx, page.offerId);
    if (offer === null) return { evaluated: 0, granted: 0, nextAfterIndividualId: null };
    const matchable: MatchableOffer = {
      status: 'approved',
      recipientId: offer.recipient.id,
      purposeCode: offer.purpose.code,
      purposeLabel: offer.purpose.label,
      items: offer.items,
      processingCountries: offer.processingCountries,
      profiling: offer.profiling,
      benefit: offer.benefit,
    };
    return this.transactions.run(ctx, async (tx) => {
      const rows = await this.conditions.pageNamingPurpose(tx, offer.purpose.code, page.afterIndividualId, pageSize);
      const last = rows.at(-1);
      const nextAfterIndividualId = rows.length === pageSize && last !== undefined ? last.individualId : null;
      if (nextAfterIndividualId !== null) {
        // Committed at once, before this page's grants: the next page runs beside this one (the worker's
        // concurrency) instead of after it. Pages hold different individuals; a retried page grants nothing twice.
        await this.transactions.runOwn(ctx, (own) =>
          enqueueJob(own, EVALUATE_STANDING_CONDITIONS_JOB, { offerId: offer.id, afterIndividualId: nextAfterIndividualId }),
        );
      }
      const individualIds = rows.map((row) => row.individualId);
      // A closed account keeps its id (ledgers refer to it) but is never granted anything again; an individual
      // who is not eligible (address not verified, current terms not accepted) is granted nothing until they are.
      const open = await this.accounts.among(tx, individualIds);
      const eligible = await this.eligibility.eligibleAmong(
        tx,
        individualIds.filter((individualId) => open.has(individualId)),
      );
      const fitting = rows.flatMap((row) => {
        if (!eligible.has(row.individualId)) return [];
        const match = matchStandingConditions(conditionsOfRow(row), matchable);
        return match.fits ? [{ row, match }] : [];
      });
      const granted = await this.grantAll(tx, offer, fitting);
      return { evaluated: rows.length, granted, nextAfterIndividualId };
    });
  }

  private async approvedOffer(ctx: RequestContext, offerId: string): Promise<CatalogueOfferDetail | null> {
    try {
      return await this.offers.execute(ctx, { offerId, language: 'ja' });
    } catch (error) {
      // Withdrawn, suspended or expired since approval: nothing to consent to any more.
      if (error instanceof OfferNotFoundError) return null;
      throw error;
    }
  }

  /**
   * Grants the page's fitting individuals at once and notifies each one granted; an individual who already
   * holds a live consent to the offer is granted and told nothing again. Returns how many were granted.
   */
  private async grantAll(
    tx: TransactionalContext,
    offer: CatalogueOfferDetail,
    fitting: readonly { row: StandingConditionsEntity; match: StandingConditionMatch }[],
  ): Promise<number> {
    const results = await this.grant.grantAll(
      tx,
      offer,
      fitting.map(({ row, match }) => ({
        individualId: row.individualId,
        command: {
          offerId: offer.id,
          optionalItems: match.optionalItems,
          mode: row.mode,
          acknowledgedCountries: row.allowCrossBorder ? [...offer.processingCountries] : [],
          source: 'standing_condition' as const,
          explanation: match.explanation,
        },
      })),
    );
    const notifications = fitting.flatMap(({ row, match }, index) => {
      const result = results[index];
      return result === null ? [] : [grantedNotification(row.individualId, result.consentId, offer, match)];
    });
    await this.notifications.notifyAll(tx, notifications);
    return notifications.length;
  }
}

/** What the individual reads in their inbox about a consent the bank granted on their standing conditions. */
function grantedNotification(
  individualId: string,
  consentId: string,
  offer: CatalogueOfferDetail,
  match: StandingConditionMatch,
): NewNotification {
  return {
    individualId,
    kind: 'consent_granted_by_standing_condition',
    subject: { type: 'consent', id: consentId },
    message: {
      title: {
        ja: `予め指定した条件に基づき、${offer.recipient.name.ja}のオファーに同意しました`,
        en: `Under your standing conditions, the bank consented to an offer of ${offer.recipient.name.en ?? offer.recipient.name.ja}`,
      },
      lines: {
        ja: [...match.explanation.ja, 'この同意はいつでも撤回できます（同意の一覧から）。'],
        en: [...match.explanation.en, 'You can revoke this consent at any time (from your consents).'],
      },
    },
  };
}
