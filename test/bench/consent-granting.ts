// What the consent-grants benchmark and the standing-conditions integration test share: the libraries wired as the worker wires them for
// standing conditions, an approved marketing offer, and individuals seeded with multi-row SQL.
import { randomInt, randomUUID } from 'node:crypto';
import { DynamicModule, Module, type INestApplicationContext } from '@nestjs/common';
import { CatalogModule, CreateOrganisationUseCase, validCorporateNumber } from '@infobank/catalog';
import { ConsentModule, StandingConditionsModule } from '@infobank/consent';
import { CryptoModule } from '@infobank/crypto';
import { CreateOfferUseCase, OffersModule, RecordReviewOutcomeUseCase, SubmitOfferUseCase, type OfferTerms } from '@infobank/offers';
import { createRequestContext, PlatformModule, type PlatformOptions } from '@infobank/platform';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import { marketingOfferTerms } from './provision-path';

/** Consents and standing conditions with what they need (offers, catalog, accounts, rights, the log) in one context. */
@Module({})
export class ConsentGrantingModule {
  static register(options: PlatformOptions): DynamicModule {
    return {
      module: ConsentGrantingModule,
      imports: [
        PlatformModule.forRoot(options),
        CryptoModule.forPlatform(),
        CatalogModule.forRoot(),
        OffersModule,
        ConsentModule,
        StandingConditionsModule,
      ],
    };
  }
}

/** A recipient organisation with a signing key, and its offer (marketing, purchase receipts, processed in Japan) submitted for review. */
export async function submittedMarketingOffer(app: INestApplicationContext): Promise<{ offerId: string; recipientId: string }> {
  const recipientId = await registeredRecipient(app);
  return { offerId: await submitMarketingOffer(app, recipientId), recipientId };
}

/** A recipient organisation registered by the operator, with an ES256 signing key. */
export async function registeredRecipient(app: INestApplicationContext): Promise<string> {
  const { publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  const operator = createRequestContext({ type: 'operator', name: 'test' });
  const { id } = await app.get(CreateOrganisationUseCase, { strict: false }).execute(operator, {
    corporateNumber: validCorporateNumber(String(randomInt(100_000, 999_999)) + String(randomInt(100_000, 999_999))),
    name: { ja: 'テスト分析株式会社', en: 'Test Analytics K.K.' },
    country: 'JP',
    roles: ['recipient'],
    signingKeys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }],
    termsVersion: '2026-04',
  });
  return id;
}

/** The recipient's marketing offer (purchase receipts, processed in Japan) drafted and submitted for review. */
export async function submitMarketingOffer(app: INestApplicationContext, recipientId: string): Promise<string> {
  const recipient = createRequestContext({ type: 'organisation', id: recipientId, roles: ['recipient'] });
  const { id } = await app.get(CreateOfferUseCase, { strict: false }).execute(
    recipient,
    marketingOfferTerms([
      { itemId: 'purchase.receipts#/lineItems', required: true },
      { itemId: 'purchase.receipts#/store', required: false },
    ]) as unknown as OfferTerms,
  );
  await app.get(SubmitOfferUseCase, { strict: false }).execute(recipient, id);
  return id;
}

/** The board's approval of the offer as the review context records it (which enqueues OFFER_APPROVED_JOB). */
export async function approveOffer(app: INestApplicationContext, offerId: string): Promise<void> {
  await app.get(RecordReviewOutcomeUseCase, { strict: false }).execute(createRequestContext({ type: 'system', name: 'test.review' }), {
    offerId,
    round: 1,
    outcome: 'approved',
    reasons: ['テスト用の承認'],
    decidedAt: new Date(),
    caseId: randomUUID(),
    suspended: false,
  });
}

/** How a seeded individual stands: address verified or not, and the standing conditions' consent mode. */
export interface SeededIndividuals {
  ids: readonly string[];
  verified?: boolean;
  mode?: 'auto' | 'ask';
}

/**
 * Individual accounts (address verified unless told otherwise) whose standing conditions accept marketing
 * offers processed in Japan without profiling: the rows sign-up and PUT /v1/me/standing-conditions write,
 * inserted with one statement per table (no scrypt), as the benchmarks seed at size.
 */
export async function seedStandingConditionIndividuals(
  query: (text: string, values: unknown[]) => Promise<unknown>,
  { ids, verified = true, mode = 'auto' }: SeededIndividuals,
): Promise<void> {
  await query(
    `INSERT INTO "accounts" ("id", "kind", "email", "password_hash", "display_name", "language", "email_verified_at")
     SELECT id, 'individual', 'standing-' || id || '@test.example.jp', 'no-sign-in', 'テスト 花子', 'ja', CASE WHEN $2 THEN now() END
       FROM unnest($1::uuid[]) AS t(id)`,
    [ids, verified],
  );
  await query(
    `INSERT INTO "standing_conditions" ("individual_id", "purposes", "allow_cross_border", "allow_profiling", "minimum_benefit_type",
       "minimum_benefit_amount", "excluded_recipients", "mode", "updated_at")
     SELECT id, ARRAY['marketing'], false, false, NULL, NULL, ARRAY[]::uuid[], $2, now() FROM unnest($1::uuid[]) AS t(id)`,
    [ids, mode],
  );
}
