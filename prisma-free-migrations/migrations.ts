import { CreateOutboxAndDataKeys1795335390954 } from './1795335390954-create-outbox-and-data-keys';
import { CreateOrganisations1795340000000 } from './1795340000000-create-organisations';
import { CreateAccountsAndSessions1795340001000 } from './1795340001000-create-accounts-and-sessions';
import { CreateBoardMembers1795340002000 } from './1795340002000-create-board-members';
import { CreateProviderLinks1795340003000 } from './1795340003000-create-provider-links';
import { CreateOffers1795340005000 } from './1795340005000-create-offers';
import { CreateReviewCasesAndOrders1795340006000 } from './1795340006000-create-review-cases-and-orders';
import { CreateVaultRecords1795340007000 } from './1795340007000-create-vault-records';
import { CreateTransparencyLog1795340008000 } from './1795340008000-create-transparency-log';
import { CreateConsentLedger1795340009000 } from './1795340009000-create-consent-ledger';
import { CreateStandingConditionsApprovalsNotifications1795340010000 } from './1795340010000-create-standing-conditions-approvals-notifications';
import { CreateTransfersAndProvisions1795340011000 } from './1795340011000-create-transfers-and-provisions';
import { CreateBenefitLedger1795340012000 } from './1795340012000-create-benefit-ledger';
import { CreateWithdrawalNotices1795340013000 } from './1795340013000-create-withdrawal-notices';
import { AddWithdrawalAttestedNotification1795340013500 } from './1795340013500-add-withdrawal-attested-notification';
import { IndexReadySubjectsByIndividual1795340014000 } from './1795340014000-index-ready-subjects-by-individual';
import { RecordRefsAndInFlightSubjects1795340015000 } from './1795340015000-record-refs-and-in-flight-subjects';
import { AddKekGenerations1795340017000 } from './1795340017000-add-kek-generations';
import { GrantLeastPrivilegeToAppRole1795340018000 } from './1795340018000-grant-least-privilege-to-app-role';
import { CreateReplayCacheMarkers1795340019500 } from './1795340019500-create-replay-cache-markers';
import { AddTransferStatusCounters1795340020000 } from './1795340020000-add-transfer-status-counters';
import { IndexUnpackagedSubjects1795340020100 } from './1795340020100-index-unpackaged-subjects';
import { IndexProvisionRecordsByTime1795340032000 } from './1795340032000-index-provision-records-by-time';
import { IndexTransfersByTime1795340032100 } from './1795340032100-index-transfers-by-time';
import { CreateLogVerifications1795340033000 } from './1795340033000-create-log-verifications';
import { CreatePeriodicReports1795340033100 } from './1795340033100-create-periodic-reports';
import { CreateTermsAndAcceptances1795340040000 } from './1795340040000-create-terms-and-acceptances';
import { AddMailAndEmailVerification1795340041000 } from './1795340041000-add-mail-and-email-verification';
import { CreateDisclosureRequests1795340042000 } from './1795340042000-create-disclosure-requests';
import { CreateComplaintsDesk1795340043000 } from './1795340043000-create-complaints-desk';
import { CreateIncidents1795340044000 } from './1795340044000-create-incidents';
import { PartitionLedgersByMonth1795340049000 } from './1795340049000-partition-ledgers-by-month';
import { GuardLeafUpdatesByCondition1795340052000 } from './1795340052000-guard-leaf-updates-by-condition';
import { StoreLargeConsentValuesUncompressed1795340054000 } from './1795340054000-store-large-consent-values-uncompressed';
import { StartLogSealsInOneCall1795340064000 } from './1795340064000-start-log-seals-in-one-call';
import { IndexSealedLeafIndexesOnly1795340068000 } from './1795340068000-index-sealed-leaf-indexes-only';
import { FitSealIdleLimitToItsLeaves1795340068100 } from './1795340068100-fit-seal-idle-limit-to-its-leaves';
import { SealLeavesInPlace1795340076000 } from './1795340076000-seal-leaves-in-place';
import { ReturnSealedLeavesTimes1795340076100 } from './1795340076100-return-sealed-leaves-times';
import { IndexExpiringLiveConsentsOnly1795340077000 } from './1795340077000-index-expiring-live-consents-only';

/** Every migration, oldest first. Add new ones at the end; never edit one that has landed. */
export const MIGRATIONS = [
  CreateOutboxAndDataKeys1795335390954,
  CreateOrganisations1795340000000,
  CreateAccountsAndSessions1795340001000,
  CreateBoardMembers1795340002000,
  CreateProviderLinks1795340003000,
  CreateOffers1795340005000,
  CreateReviewCasesAndOrders1795340006000,
  CreateVaultRecords1795340007000,
  CreateTransparencyLog1795340008000,
  CreateConsentLedger1795340009000,
  CreateStandingConditionsApprovalsNotifications1795340010000,
  CreateTransfersAndProvisions1795340011000,
  CreateBenefitLedger1795340012000,
  CreateWithdrawalNotices1795340013000,
  AddWithdrawalAttestedNotification1795340013500,
  IndexReadySubjectsByIndividual1795340014000,
  RecordRefsAndInFlightSubjects1795340015000,
  AddKekGenerations1795340017000,
  GrantLeastPrivilegeToAppRole1795340018000,
  CreateReplayCacheMarkers1795340019500,
  AddTransferStatusCounters1795340020000,
  IndexUnpackagedSubjects1795340020100,
  IndexProvisionRecordsByTime1795340032000,
  IndexTransfersByTime1795340032100,
  CreateLogVerifications1795340033000,
  CreatePeriodicReports1795340033100,
  CreateTermsAndAcceptances1795340040000,
  AddMailAndEmailVerification1795340041000,
  CreateDisclosureRequests1795340042000,
  CreateComplaintsDesk1795340043000,
  CreateIncidents1795340044000,
  PartitionLedgersByMonth1795340049000,
  GuardLeafUpdatesByCondition1795340052000,
  StoreLargeConsentValuesUncompressed1795340054000,
  StartLogSealsInOneCall1795340064000,
  IndexSealedLeafIndexesOnly1795340068000,
  FitSealIdleLimitToItsLeaves1795340068100,
  SealLeavesInPlace1795340076000,
  ReturnSealedLeavesTimes1795340076100,
  IndexExpiringLiveConsentsOnly1795340077000,
];
