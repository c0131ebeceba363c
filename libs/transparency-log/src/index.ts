// The public surface of libs/transparency-log: the Merkle transparency log every ledger appends to (consent events, provision records).
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
export { CHECKPOINT_TYPE, type CheckpointPayload } from './transparency-log/domain/checkpoint';
export {
  consistencyProofRanges,
  leafHash,
  nodeHash,
  perfectSubtreesOf,
  rangeHashes,
  rootFromEdge,
  subtreeKey,
  type LeafRange,
  type PerfectSubtree,
} from './transparency-log/domain/merkle-tree';
export { verifyConsistencyProof } from './transparency-log/domain/proof-verification';
export { TransparencyLogStore } from './transparency-log/infrastructure/transparency-log.store';
export { TRANSPARENCY_LOG_ENTITIES } from './transparency-log/infrastructure/transparency-log.entities';
export * from './transparency-log.errors';
export { TRANSPARENCY_LOG_JOBS, SEAL_TRANSPARENCY_LOG_JOB } from './transparency-log.jobs';
export { TransparencyLogModule } from './transparency-log.module';
export { TransparencyLogHttpModule } from './transparency-log-http.module';
