// The public surface of libs/provision: the transparency log (provision records come with transfers).
export { SealTransparencyLogUseCase, type SealOutcome } from './transparency-log/application/seal-transparency-log.use-case';
export {
  TransparencyLog,
  type ConsistencyProofView,
  type InclusionProofView,
  type LogCheckpointView,
  type LogLeafInput,
} from './transparency-log/application/transparency-log';
export {
  parseBankJwks,
  verifyCheckpoint,
  verifyConsistencyProofAgainstJwks,
  verifyInclusionProofAgainstJwks,
  verifyLogProofDocument,
  type BankJwks,
  type VerifiedLogProofDocument,
} from './transparency-log/application/verify-log-proofs';
export type { CheckpointPayload } from './transparency-log/domain/checkpoint';
export { TRANSPARENCY_LOG_ENTITIES as PROVISION_ENTITIES } from './transparency-log/infrastructure/transparency-log.entities';
export * from './provision.errors';
export { PROVISION_JOBS, SEAL_TRANSPARENCY_LOG_JOB } from './provision.jobs';
export { ProvisionModule } from './provision.module';
export { TransparencyLogHttpModule } from './transparency-log-http.module';
