import { Module } from '@nestjs/common';
import { RightsModule } from '@infobank/rights';
import { CancelPendingApprovalsUseCase } from './application/cancel-pending-approvals.use-case';
import { ExpireApprovalUseCase } from './application/expire-approval.use-case';
import { GetApprovalOutcomeUseCase } from './application/get-approval-outcome.use-case';
import { DecideApprovalUseCase, ListOwnApprovalsUseCase } from './application/own-approvals.use-cases';
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
];

/** Ask mode (個別確認): approval requests, the individual's answers and the timeout. Needs DataSource and APP_CONFIG. */
@Module({ imports: [RightsModule], providers: [...APPROVAL_PROVIDERS, ApprovalRequestStore, ConsentStore], exports: APPROVAL_PROVIDERS })
export class ApprovalsModule {}
