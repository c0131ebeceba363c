// @infobank/sdk: what an organisation needs to integrate with an Infobank information bank.
// Depends on jose only; runs on Node.js 20.19 or later (and anywhere with fetch and WebCrypto).
export {
  InfobankApiError,
  InfobankClient,
  type ApiResponse,
  type FetchFunction,
  type InfobankClientOptions,
  type RequestOptions,
} from './client.js';
export {
  generateEncryptionKey,
  generateSigningKey,
  PACKAGE_KEY_MANAGEMENT_ALGORITHM,
  signingKeyFromPrivateJwk,
  type EncryptionKey,
  type SigningAlgorithm,
  type SigningKey,
} from './keys.js';
export {
  DEPOSIT_BATCH_JWS_TYPE,
  ProviderClient,
  type DepositRecord,
  type DepositRecordResult,
  type DepositResult,
  type RedeemedLink,
  type RetryOptions,
} from './provider.js';
export {
  BANK_SIGNING_ALGORITHM,
  DELETION_ATTESTATION_JWS_TYPE,
  PACKAGE_JWE_TYPE,
  PACKAGE_JWS_TYPE,
  RecipientClient,
  WITHDRAWAL_NOTICE_JWS_TYPE,
  type AttestationOptions,
  type Notice,
  type NoticeStatus,
  type Offer,
  type OpenedPart,
  type PackagedRecord,
  type PackagedSubject,
  type PackagePayload,
  type Transfer,
  type TransferStatus,
  type WebhookNotice,
} from './recipient.js';
