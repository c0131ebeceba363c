import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { GetCatalogueOfferUseCase, type CatalogueOfferDetail } from '@infobank/offers';
import { readTogether, requireIndividual, Transactions, ValidationFailedError, type RequestContext } from '@infobank/platform';
import type { ConsentSource, ConsentStatus, ConsentTerms } from '../domain/consent';
import { consentedOffer, grantedItems, grantProblems, type GrantConsentCommand } from '../domain/consent-grant';
import { ConsentExistsError, ConsentStepUpRequiredError, SensitiveItemsNeedIndividualError } from '../../consent.errors';
import { ConsentEligibility } from './consent-eligibility';
import { ConsentLedger, type RecordedConsentChange } from './consent-ledger';

export type { GrantConsentCommand } from '../domain/consent-grant';

/** A consent command's answer: the consent, its state and version, and the receipt the bank signed for the event. */
export interface ConsentChangeResult {
  consentId: string;
  state: ConsentStatus;
  version: number;
  receipt: string;
}

/**
 * Grants a consent to an approved offer (同意): by the individual in the portal, or by the bank on
 * the individual's standing conditions. The individual must be eligible (ConsentEligibility: a
 * verified address). One live consent per individual and offer (CONSENT_EXISTS);
 * sensitive items need a step-up (CONSENT_STEP_UP_REQUIRED) and are never granted on standing
 * conditions; an offer processed abroad needs its countries acknowledged. The individual must have
 * accepted the current terms first (TERMS_ACCEPTANCE_REQUIRED), whoever grants.
 */
@Injectable()
export class GrantConsentUseCase {
  constructor(
    private readonly offers: GetCatalogueOfferUseCase,
    private readonly ledger: ConsentLedger,
    private readonly eligibility: ConsentEligibility,
    private readonly transactions: Transactions,
  ) {}

  async execute(ctx: RequestContext, command: GrantConsentCommand): Promise<ConsentChangeResult> {
    const source = command.source ?? 'individual';
    const individualId = grantingIndividual(ctx, source, command);
    // Whoever grants: a standing condition's grant also waits for the current terms to be accepted. One statement reads
    // the individual's eligibility (identity, rights) and the offer (offers, catalog); an individual who may not consent
    // hears that first, whatever the offer.
    const { offer } = await this.transactions.read(
      ctx,
      readTogether({
        eligible: this.eligibility.mayConsentPiece(individualId),
        offer: this.offers.readPiece({ offerId: command.offerId, language: 'ja' }, ctx.now()),
      }),
    );
    // The single grant is the bulk grant of one: one statement, its own transaction.
    const [granted] = await this.grantAll(ctx, offer, [{ individualId, command }]);
    if (granted === null) throw new ConsentExistsError(offer.id);
    return granted;
  }

  /**
   * Grants consents to one loaded offer for several individuals, in the caller's transaction when it has one (standing
   * conditions grant a page of individuals at once; the portal's grant is a page of one, written by one statement). The caller has
   * checked each individual's eligibility (ConsentEligibility). Every command is checked first: any problem
   * refuses them all and writes nothing. Returns each grant's result in order, or null where the individual
   * already holds a live consent to the offer (nothing is written for them).
   */
  async grantAll(
    ctx: RequestContext,
    offer: CatalogueOfferDetail,
    grants: readonly { individualId: string; command: GrantConsentCommand }[],
  ): Promise<(ConsentChangeResult | null)[]> {
    if (grants.length === 0) return [];
    const source = grants[0].command.source ?? 'individual';
    // One receipt actor for the call: the individual for themself, or the bank on standing conditions.
    if (grants.some(({ command }) => (command.source ?? 'individual') !== source)) {
      throw new Error('One grant call is by individuals for themselves or by the bank on standing conditions, not both.');
    }
    const now = ctx.now();
    const terms = grants.map(({ individualId, command }): ConsentTerms => {
      const problems = grantProblems(command, offer, source, now);
      if (problems.length > 0) throw new ValidationFailedError(problems);
      if (offer.items.some((item) => item.sensitive)) {
        if (source === 'standing_condition') throw new SensitiveItemsNeedIndividualError();
        if (command.stepUp !== true) throw new ConsentStepUpRequiredError();
      }
      return {
        consentId: randomUUID(),
        individualId,
        offerId: offer.id,
        recipientId: offer.recipient.id,
        items: grantedItems(offer, command.optionalItems),
        mode: command.mode,
        source,
        expiresAt: command.expiresAt ? new Date(command.expiresAt) : null,
        explanation: source === 'standing_condition' ? (command.explanation ?? null) : null,
      };
    });
    const actor = source === 'individual' ? 'individual' : 'bank';
    const recorded = await this.ledger.grant(ctx, terms, now, {
      actor,
      offer: consentedOffer(offer),
      offerStillVisible: this.offers.stillVisiblePiece(offer, now),
    });
    return recorded.map((change) => (change === null ? null : changeResultOf(change)));
  }
}

/** The answer to a consent command: the consent's new state and version, and its event's receipt. */
export function changeResultOf(recorded: RecordedConsentChange): ConsentChangeResult {
  return { consentId: recorded.state.consentId, state: recorded.state.status, version: recorded.state.version, receipt: recorded.receipt };
}

function grantingIndividual(ctx: RequestContext, source: ConsentSource, command: GrantConsentCommand): string {
  if (source === 'individual') {
    return requireIndividual(ctx, { detail: 'An individual consents for themself: the route needs the individual guard.' });
  }
  if (ctx.actor.type !== 'system' || command.individualId === undefined) {
    throw new Error('Standing-condition consents are granted by the worker for a named individual.');
  }
  return command.individualId;
}
