// What the benchmarks of the provision path share: the libraries wired as the bank's apps wire them,
// and a realistic marketing offer over purchase receipts.
import { DynamicModule, Module } from '@nestjs/common';
import { CatalogModule } from '@infobank/catalog';
import { ConsentModule } from '@infobank/consent';
import { CryptoModule } from '@infobank/crypto';
import { OffersModule } from '@infobank/offers';
import { PlatformModule, type PlatformOptions } from '@infobank/platform';
import { ProvisionModule } from '@infobank/provision';
import { VaultModule } from '@infobank/vault';

/** The libraries on the provision path (deposits, offers, consents, transfers) in one context. */
@Module({})
export class ProvisionPathModule {
  static register(options: PlatformOptions): DynamicModule {
    return {
      module: ProvisionPathModule,
      imports: [
        PlatformModule.forRoot(options),
        CryptoModule.forPlatform(),
        CatalogModule.forRoot(),
        VaultModule,
        OffersModule,
        ConsentModule,
        ProvisionModule,
      ],
    };
  }
}

/** A marketing offer over purchase receipts of the last 90 days, asking for `items`, valid for a year. */
export function marketingOfferTerms(items: { itemId: string; required: boolean }[]) {
  return {
    purposeCode: 'marketing',
    purposeText: { ja: 'お買い物の傾向に合わせたクーポンをお届けします。', en: 'We send you coupons that match how you shop.' },
    items,
    dataRange: { fromDaysAgo: 90 },
    fetch: { type: 'periodic' as const, per: 'month' as const, max: 4 },
    dataLifeDays: 365,
    benefit: { type: 'points' as const, amount: 500, description: { ja: '毎月500ポイント', en: '500 points a month' } },
    processingCountries: ['JP'],
    profiling: false,
    termsVersion: '2025-01',
    validUntil: new Date(Date.now() + 365 * 24 * 3_600_000).toISOString(),
  };
}
