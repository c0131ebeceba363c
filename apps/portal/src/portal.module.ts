import { Module } from '@nestjs/common';
import { CatalogHttpModule } from '@infobank/catalog';
import { BankKeysHttpModule } from '@infobank/crypto';
import { PortalAuthModule } from './auth/portal-auth.module';

/** The individuals' API (本人向け): links, consents, provision history, disclosure requests. */
@Module({ imports: [BankKeysHttpModule, CatalogHttpModule, PortalAuthModule.forRoot()] })
export class PortalModule {}
