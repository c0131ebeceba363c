import { Module } from '@nestjs/common';
import { SealTransparencyLogUseCase } from './transparency-log/application/seal-transparency-log.use-case';
import { TransparencyLog } from './transparency-log/application/transparency-log';

const PROVISION_PROVIDERS = [TransparencyLog, SealTransparencyLogUseCase];

/**
 * Provision records and the transparency log. Needs TypeORM's DataSource (PlatformModule) and, for
 * the sealer, the bank key ring (CryptoModule.forPlatform()).
 */
@Module({ providers: PROVISION_PROVIDERS, exports: PROVISION_PROVIDERS })
export class ProvisionModule {}
