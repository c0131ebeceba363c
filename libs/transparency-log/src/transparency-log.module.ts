import { Module } from '@nestjs/common';
import { SealTransparencyLogUseCase } from './transparency-log/application/seal-transparency-log.use-case';
import { TransparencyLog } from './transparency-log/application/transparency-log';
import { TransparencyLogStore } from './transparency-log/infrastructure/transparency-log.store';

const TRANSPARENCY_LOG_PROVIDERS = [TransparencyLog, SealTransparencyLogUseCase];

/**
 * The transparency log (appends, sealer, checkpoints, proofs). Needs TypeORM's DataSource and Transactions (PlatformModule) and, for
 * the sealer, the bank key ring (CryptoModule.forPlatform()).
 */
@Module({ providers: [...TRANSPARENCY_LOG_PROVIDERS, TransparencyLogStore], exports: TRANSPARENCY_LOG_PROVIDERS })
export class TransparencyLogModule {}
