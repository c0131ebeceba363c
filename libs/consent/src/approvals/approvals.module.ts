import { Module } from '@nestjs/common';
import { AccountsModule } from '@infobank/identity';
import { RightsModule } from '@infobank/rights';
import { ConsentEligibility } from '../consents/application/consent-eligibility';
import { CancelPendingApprovalsUseCase } from './application/cancel-pending-approvals.use-case';
import { ExpireApprovalUseCase } from './application/expire-approval.use-case';
import { GetApprovalOutcomeUseCase } from './application/get-approval-outcome.use-case';
import { DecideApprovalUseCase, ListOwnApprovalsUseCase } from './application/own-approvals.use-cases';
import { RemindApprovalUseCase } from './application/remind-approval.use-case';
import { RequestApprovalUseCase } from './application/request-approval.use-case';
import { ConsentStore } from '../consents/infrastructure/consent.store';
import { ApprovalRequestStore } from './infrastructure/approval-request.store';

const APPROVAL_PROVIDERS = [
  RequestApprovalUseCase,
  ListOwnApprovalsUseCase,
  DecideApprovalUseCase,
  ExpireApprovalUseCase,
  GetApprovalOutcomeUseCase,
  CancelPendingApprovalsUseCase,
  RemindApprovalUseCase,
];

/** Ask mode (個別確認): approval requests, the individual's answers, the reminder and the timeout. Needs DataSource and APP_CONFIG. */
@Module({
  imports: [AccountsModule, RightsModule],
  providers: [...APPROVAL_PROVIDERS, ApprovalRequestStore, ConsentStore, ConsentEligibility],
  exports: APPROVAL_PROVIDERS,
})
export class ApprovalsModule {}
