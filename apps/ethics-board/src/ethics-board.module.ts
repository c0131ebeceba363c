import { Module } from '@nestjs/common';
import { BankKeysHttpModule } from '@infobank/crypto';

/** The data ethics board's API (データ倫理審査会): reviews, votes, stop-use orders and audits. */
@Module({ imports: [BankKeysHttpModule] })
export class EthicsBoardModule {}
