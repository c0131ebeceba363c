import { Module } from '@nestjs/common';
import { BankKeysHttpModule } from '@infobank/crypto';

/** The individuals' API (本人向け): links, consents, provision history, disclosure requests. */
@Module({ imports: [BankKeysHttpModule] })
export class PortalModule {}
