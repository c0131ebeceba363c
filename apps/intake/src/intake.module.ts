import { Module } from '@nestjs/common';
import { BankKeysHttpModule } from '@infobank/crypto';

/** The providers' API (情報提供元向け): linking customers and depositing their records. */
@Module({ imports: [BankKeysHttpModule] })
export class IntakeModule {}
