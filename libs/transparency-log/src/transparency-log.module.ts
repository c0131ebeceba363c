import { Module } from '@nestjs/common';
import { SealTransparencyLogUseCase } from './transparency-log/application/seal-transparency-log.use-case';
import { TransparencyLog } from './transparency-log/application/transparency-log';

const TRANSPARENCY_LOG_PROVIDERS = [TransparencyLog, SealTransparencyLogUseCase];

/**
 * The transparency log (appends, sealer, checkpoints, proofs). Needs TypeORM's DataSource (PlatformModule) and, for
 * the sealer, the bank key ring (CryptoModule.forPlatform()).
 */
@Module({ providers: TRANSPARENCY_LOG_PROVIDERS, exports: TRANSPARENCY_LOG_PROVIDERS })
export class TransparencyLogModule {}
