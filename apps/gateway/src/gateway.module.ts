import { Module } from '@nestjs/common';
import { BankKeysHttpModule } from '@infobank/crypto';

/** The recipients' API (提供先向け): offers, transfers and deletion attestations. */
@Module({ imports: [BankKeysHttpModule] })
export class GatewayModule {}
