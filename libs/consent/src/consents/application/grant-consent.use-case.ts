import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { GetCatalogueOfferUseCase, type CatalogueOfferDetail } from '@infobank/offers';
import { inTransaction, requireIndividual, ValidationFailedError, type FieldProblem, type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { CONSENT_MODES, type ConsentExplanation, type ConsentMode, type ConsentSource, type ConsentStatus } from '../domain/consent';
import type { ConsentedOffer } from '../domain/consent-receipt';
import { ConsentStepUpRequiredError, SensitiveItemsNeedIndividualError } from '../../consent.errors';
import { ConsentLedger, type RecordedConsentChange } from './consent-ledger';

/** What granting a consent needs: the offer, the optional items chosen, the mode and an optional end. */
export interface GrantConsentCommand {
  offerId: string;
  /** Optional items of the offer the individual also consents to (the required ones always are). */
  optionalItems: string[];
  mode: ConsentMode;
  /** ISO 8601 instant after which the consent lets nothing out. */
  expiresAt?: string | null;
  /** For an offer processed outside Japan: must equal its processing countries. */
  acknowledgedCountries?: string[];
  /** The portal verified a fresh step-up token with this request (needed for sensitive items). */
  stepUp?: boolean;
  /** `standing_condition`: the bank grants on the individual's behalf (system actors only; never sensitive items). */
  source?: ConsentSource;
  /** Required with `standing_condition`: each criterion checked, in Japanese and English. */
  explanation?: ConsentExplanation;
  /** The individual, for `standing_condition` grants (an individual actor always grants for themself). */
  individualId?: string;
}

/** A consent command's answer: the consent, its state and version, and the receipt the bank signed for the event. */
export interface ConsentChangeResult {
  consentId: string;
  state: ConsentStatus;
  version: number;
  receipt: string;
}

/**
 * Grants a consent to an approved offer (同意): by the individual in the portal, or by the bank on
 * the individual's standing conditions. One live consent per individual and offer (CONSENT_EXISTS);
 * sensitive items need a step-up (CONSENT_STEP_UP_REQUIRED) and are never granted on standing
 * conditions; an offer processed abroad needs its countries acknowledged.
 */
@Injectable()
export class GrantConsentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly offers: GetCatalogueOfferUseCase,
    private readonly ledger: ConsentLedger,
  ) {}

  async execute(ctx: RequestContext, command: GrantConsentCommand): Promise<ConsentChangeResult> {
    const source = command.source ?? 'individual';
    const individualId = grantingIndividual(ctx, source, command);
    const offer = await this.offers.execute(ctx, { offerId: command.offerId, language: 'ja' });
    const problems = grantProblems(command, offer, source);
    if (problems.length > 0) throw new ValidationFailedError(problems);
    if (offer.items.some((item) => item.sensitive)) {
      if (source === 'standing_condition') throw new SensitiveItemsNeedIndividualError();
      if (command.stepUp !== true) throw new ConsentStepUpRequiredError();
    }
    const items = offer.items.filter((item) => item.required || command.optionalItems.includes(item.itemId)).map((item) => item.itemId);
    const now = new Date();
    const recorded = await inTransaction(ctx, this.dataSource, (manager) =>
      this.ledger.record(
        manager,
        { status: 'none' },
        {
          type: 'grant',
          terms: {
            consentId: randomUUID(),
            individualId,
            offerId: offer.id,
            recipientId: offer.recipient.id,
            items,
            mode: command.mode,
            source,
            expiresAt: command.expiresAt ? new Date(command.expiresAt) : null,
            explanation: source === 'standing_condition' ? (command.explanation ?? null) : null,
          },
          now,
        },
        { actor: source === 'individual' ? 'individual' : 'bank', offer: consentedOffer(offer) },
      ),
    );
    return changeResultOf(recorded);
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

function grantProblems(command: GrantConsentCommand, offer: CatalogueOfferDetail, source: ConsentSource): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!CONSENT_MODES.includes(command.mode)) problems.push({ path: '/mode', message: `must be one of ${CONSENT_MODES.join(', ')}` });
  const optional = new Set(offer.items.filter((item) => !item.required).map((item) => item.itemId));
  command.optionalItems.forEach((itemId, index) => {
    if (!optional.has(itemId)) problems.push({ path: `/optionalItems/${index}`, message: 'is not an optional item of this offer' });
    else if (command.optionalItems.indexOf(itemId) !== index)
      problems.push({ path: `/optionalItems/${index}`, message: 'is listed twice' });
  });
  if (command.expiresAt !== undefined && command.expiresAt !== null) {
    const expiresAt = new Date(command.expiresAt);
    if (Number.isNaN(expiresAt.getTime())) problems.push({ path: '/expiresAt', message: 'must be an ISO 8601 date-time' });
    else if (expiresAt.getTime() <= Date.now()) problems.push({ path: '/expiresAt', message: 'must be in the future' });
  }
  const abroad = offer.processingCountries.some((country) => country !== 'JP');
  if (abroad && !sameCountries(command.acknowledgedCountries ?? [], offer.processingCountries)) {
    problems.push({
      path: '/acknowledgedCountries',
      message: `this offer is processed in ${offer.processingCountries.join(', ')}: acknowledge exactly these countries`,
    });
  }
  if (source === 'standing_condition' && (command.explanation === undefined || command.explanation.ja.length === 0)) {
    problems.push({ path: '/explanation', message: 'a standing-condition consent must explain each criterion checked' });
  }
  return problems;
}

function sameCountries(acknowledged: readonly string[], processing: readonly string[]): boolean {
  const a = [...new Set(acknowledged)].sort();
  const b = [...new Set(processing)].sort();
  return a.length === b.length && a.every((country, index) => country === b[index]);
}

/** The offer as the individual consents to it, kept with the consent for every receipt. */
function consentedOffer(offer: CatalogueOfferDetail): ConsentedOffer {
  return {
    recipient: offer.recipient,
    purpose: { code: offer.purpose.code, dpv: offer.purpose.dpv, label: offer.purpose.label, text: offer.purposeText },
    items: offer.items.map(({ itemId, categoryId, required, sensitive }) => ({ itemId, categoryId, required, sensitive })),
    dataRange: offer.dataRange,
    fetch: offer.fetch,
    dataLifeDays: offer.dataLifeDays,
    processingCountries: offer.processingCountries,
    profiling: offer.profiling,
    termsVersion: offer.termsVersion,
    validUntil: offer.validUntil,
  };
}
