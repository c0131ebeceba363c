import { Injectable } from '@nestjs/common';
import { findPurpose } from '@infobank/catalog';
import { Transactions, ValidationFailedError, type RequestContext, requireIndividual } from '@infobank/platform';
import { standingConditionsProblems, type StandingConditions, NO_STANDING_CONDITIONS } from '../domain/standing-conditions';
import type { StandingConditionsEntity } from '../infrastructure/standing-conditions.entity';
import { StandingConditionsStore } from '../infrastructure/standing-conditions.store';
import { ConsentEligibility } from '../../consents/application/consent-eligibility';

/** An individual's standing conditions as they read them; `updatedAt` is null while they never set any. */
export interface OwnStandingConditions extends StandingConditions {
  updatedAt: Date | null;
}

const ONLY_INDIVIDUALS = { code: 'UNAUTHENTICATED', detail: 'Only a signed-in individual manages their standing conditions.' };

/** The conditions a stored row holds. */
export function conditionsOfRow(row: StandingConditionsEntity): StandingConditions {
  return {
    purposes: row.purposes,
    allowCrossBorder: row.allowCrossBorder,
    allowProfiling: row.allowProfiling,
    minimumBenefit:
      row.minimumBenefitType === null || row.minimumBenefitAmount === null
        ? null
        : { type: row.minimumBenefitType, amount: row.minimumBenefitAmount },
    excludedRecipients: row.excludedRecipients,
    mode: row.mode,
  };
}

/** The acting individual's standing conditions (予め指定した条件), or the defaults (nothing granted) if never set. */
@Injectable()
export class GetOwnStandingConditionsUseCase {
  constructor(private readonly conditions: StandingConditionsStore) {}

  async execute(ctx: RequestContext): Promise<OwnStandingConditions> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS);
    const row = await this.conditions.findOfIndividual(ctx, individualId);
    return row === null ? { ...NO_STANDING_CONDITIONS, updatedAt: null } : { ...conditionsOfRow(row), updatedAt: row.updatedAt };
  }
}

/**
 * Replaces the acting individual's standing conditions (consent given ahead, so the individual must be
 * eligible: ConsentEligibility). They apply to offers approved from now on;
 * consents already granted stay as they are (the individual revokes them as usual).
 */
@Injectable()
export class PutOwnStandingConditionsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly stored: StandingConditionsStore,
    private readonly eligibility: ConsentEligibility,
  ) {}

  async execute(ctx: RequestContext, conditions: StandingConditions): Promise<OwnStandingConditions> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS);
    // Conditions naming no purpose can grant nothing: clearing them needs nothing.
    if (Array.isArray(conditions?.purposes) && conditions.purposes.length > 0) await this.eligibility.assertMayConsent(ctx, individualId);
    const problems = standingConditionsProblems(conditions, (code) => findPurpose(code) !== undefined);
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const updatedAt = ctx.now();
    const row: StandingConditionsEntity = {
      individualId,
      purposes: [...conditions.purposes],
      allowCrossBorder: conditions.allowCrossBorder,
      allowProfiling: conditions.allowProfiling,
      minimumBenefitType: conditions.minimumBenefit?.type ?? null,
      minimumBenefitAmount: conditions.minimumBenefit?.amount ?? null,
      excludedRecipients: [...conditions.excludedRecipients],
      mode: conditions.mode,
      updatedAt,
    };
    await this.transactions.run(ctx, (tx) => this.stored.put(tx, row));
    return { ...conditionsOfRow(row), updatedAt };
  }
}
