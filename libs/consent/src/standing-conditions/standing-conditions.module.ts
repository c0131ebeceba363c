import { Module } from '@nestjs/common';
import { AccountsModule } from '@infobank/identity';
import { OffersModule } from '@infobank/offers';
import { RightsModule } from '@infobank/rights';
import { ConsentModule } from '../consent.module';
import { EvaluateStandingConditionsUseCase } from './application/evaluate-standing-conditions.use-case';
import { GetOwnStandingConditionsUseCase, PutOwnStandingConditionsUseCase } from './application/own-standing-conditions.use-cases';
import { StandingConditionsStore } from './infrastructure/standing-conditions.store';
import { ConsentEligibility } from '../consents/application/consent-eligibility';

const STANDING_CONDITION_PROVIDERS = [GetOwnStandingConditionsUseCase, PutOwnStandingConditionsUseCase, EvaluateStandingConditionsUseCase];

/**
 * Standing conditions (予め指定した条件): the individual's rules, and the bank's evaluation of each
 * approved offer against them, granting through the consent ledger and notifying (libs/rights).
 * Needs what ConsentModule needs.
 */
@Module({
  imports: [AccountsModule, ConsentModule, OffersModule, RightsModule],
  providers: [...STANDING_CONDITION_PROVIDERS, StandingConditionsStore, ConsentEligibility],
  exports: STANDING_CONDITION_PROVIDERS,
})
export class StandingConditionsModule {}
