// The public surface of libs/crypto: the only module in Infobank that talks to jose.
import './jose/infrastructure/native-base64';
export type { JWK, JWTPayload } from 'jose';
export { BankKeyRing, type BankJwtOptions, type VerifiedBankJws } from './keys/infrastructure/bank-key-ring';
export { BatchEnvelopeEncryption, OpenedDataKeys } from './envelopes/application/batch-envelope-encryption';
export { BankJwksController, BankKeysHttpModule } from './keys/http/bank-keys-http.module';
export { CryptoError, isCryptoError, type CryptoErrorCode } from './crypto.errors';
export {
  CryptoModule,
  keyMaterialSettingsFrom,
  DATA_KEY_STORE,
  KEY_MANAGEMENT_SERVICE,
  KEY_MATERIAL,
  type CryptoModuleOptions,
} from './crypto.module';
export type { DataKeyStore, StoredDataKey } from './envelopes/application/data-key-store';
export { verifyDpopProofSignature, type VerifiedDpopProof } from './jose/infrastructure/dpop-proof';
export { EnvelopeEncryption, type EnvelopeCiphertext, type EnvelopePlaintext } from './envelopes/application/envelope-encryption';
export { CRYPTO_ENTITIES, DataKeyEntity } from './envelopes/infrastructure/data-key.entity';
export { TypeOrmDataKeyStore } from './envelopes/infrastructure/typeorm-data-key.store';
export {
  ALLOWED_JWE_CONTENT_ENCRYPTION,
  ALLOWED_JWE_KEY_MANAGEMENT,
  ALLOWED_JWS_ALGORITHMS,
  BANK_SIGNING_ALGORITHM,
  type AllowedJwsAlgorithm,
} from './jose/infrastructure/jose-algorithms';
export { decryptJwe, encryptJweForRecipient, type DecryptedJwe } from './jose/infrastructure/jwe';
export {
  generateKeyPairJwk,
  jwkThumbprint,
  toPublicJwk,
  type GeneratedKeyAlgorithm,
  type GeneratedKeyPairJwk,
  type PublicJwk,
} from './jose/infrastructure/jwk';
export {
  MINIMUM_RSA_MODULUS_BITS,
  ORGANISATION_SIGNING_ALGORITHMS,
  validatePublicEncryptionJwk,
  validatePublicSigningJwk,
} from './jose/infrastructure/jwk-validation';
export {
  parseJsonPayload,
  verifyJwsWithKeys,
  verifyJwtWithKeys,
  type JwsVerificationOptions,
  type JwtVerificationOptions,
  type VerifiedJws,
  type VerifiedJwt,
} from './jose/infrastructure/jws';
export { parseJsonPayloadBytes, verifyJwsBytesWithKeys, type VerifiedJwsBytes } from './jose/infrastructure/jws-bytes';
export { installNativeBase64Decoding } from './jose/infrastructure/native-base64';
export { LocalKeyManagementService, unwrapWithKek, type KeyManagementService } from './keys/application/key-management.service';
export { DestroyKekGenerationUseCase, type DestroyedKekGeneration } from './kek-generations/application/destroy-kek-generation.use-case';
export { KekStatusUseCase, type KekGenerationStatus, type KekStatus } from './kek-generations/application/kek-status.use-case';
export { MaintainKekGenerationsUseCase, type KekMaintenance } from './kek-generations/application/maintain-kek-generations.use-case';
export {
  RewrapDataKeysUseCase,
  type RewrapCommand,
  type RewrapProgressReport,
  type RewrapRun,
} from './kek-generations/application/rewrap-data-keys.use-case';
export { RotateKekUseCase, type RotatedKek } from './kek-generations/application/rotate-kek.use-case';
export {
  destroyableFrom,
  mayDestroy,
  rotationDue,
  type DestructionVerdict,
  type KekGeneration,
  type KekGenerationPolicy,
  type KekGenerationState,
} from './kek-generations/domain/kek-generation';
export { GenerationKeyManagementService } from './kek-generations/application/generation-key-management.service';
export { generationOfKekId, kekIdOfGeneration } from './kek-generations/domain/kek-generation-id';
export { KekGenerationFiles } from './kek-generations/infrastructure/kek-generation-files';
export { KekGenerationStore } from './kek-generations/infrastructure/kek-generation.store';
export { KEK_GENERATION_POLICY } from './kek-generations/kek-generation.tokens';
export { CRYPTO_JOBS, MAINTAIN_KEK_GENERATIONS_JOB } from './kek-generations/kek-generations.jobs';
export { KeyedDigest } from './keys/infrastructure/keyed-digest';
export { KeyedSeal } from './keys/infrastructure/keyed-seal';
export { signJsonAsOrganisation } from './jose/infrastructure/organisation-jws';
export {
  generateKeyEncryptionKeyEntry,
  KeyMaterial,
  loadKeyMaterial,
  rotateSigningKey,
  type KeyEncryptionKeys,
  type KeyMaterialSettings,
} from './keys/infrastructure/key-material';
export { PseudonymousIds, pseudonymousSubjectId } from './keys/infrastructure/pseudonymous-id';
export type { BankSigningKey, BankSigningKeys } from './jose/infrastructure/signing-keys';
