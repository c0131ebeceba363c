import { ApiProperty } from '@nestjs/swagger';
import { BENEFIT_TYPES, FETCH_PERIODS, type BenefitType, type DataRange, type FetchRule, type OfferText } from '@infobank/offers';
import { LANGUAGES, type Language } from '@infobank/identity';
import { LocalisedTextDto } from '@infobank/catalog';

/** Text in Japanese, with English when the recipient wrote it. */
class OfferTextDto {
  @ApiProperty()
  ja: string;

  @ApiProperty({ required: false })
  en?: string;
}

/** Who asks for the data. */
class CatalogueRecipientDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: OfferTextDto })
  name: OfferText;

  @ApiProperty({ example: '1234567890123', description: '法人番号' })
  corporateNumber: string;

  @ApiProperty({ example: 'JP' })
  country: string;
}

/** Why (the purpose from the vocabulary). */
class CataloguePurposeDto {
  @ApiProperty({ example: 'marketing' })
  code: string;

  @ApiProperty({ type: LocalisedTextDto })
  label: LocalisedTextDto;

  @ApiProperty({ example: 'https://w3id.org/dpv#Marketing' })
  dpv: string;
}

/** One data item the offer asks for. */
class CatalogueItemDto {
  @ApiProperty({ example: 'purchase.receipts#/lineItems' })
  itemId: string;

  @ApiProperty({ example: 'purchase.receipts' })
  categoryId: string;

  @ApiProperty({ type: LocalisedTextDto })
  label: LocalisedTextDto;

  @ApiProperty({ description: 'false: you may leave it out' })
  required: boolean;

  @ApiProperty({ description: '要配慮個人情報' })
  sensitive: boolean;
}

/** What the individual gets. */
class CatalogueBenefitDto {
  @ApiProperty({ enum: BENEFIT_TYPES })
  type: BenefitType;

  @ApiProperty({ required: false })
  amount?: number;

  @ApiProperty({ type: OfferTextDto })
  description: OfferText;
}

/** An approved offer individuals may consider. */
export class CatalogueOfferDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: CatalogueRecipientDto })
  recipient: CatalogueRecipientDto;

  @ApiProperty({ type: CataloguePurposeDto })
  purpose: CataloguePurposeDto;

  @ApiProperty({ type: OfferTextDto })
  purposeText: OfferText;

  @ApiProperty({ type: [CatalogueItemDto] })
  items: CatalogueItemDto[];

  @ApiProperty({ description: '{ fromDaysAgo } or { from, to }', example: { fromDaysAgo: 90 } })
  dataRange: DataRange;

  @ApiProperty({ description: `{ type: one_time } or { type: periodic, per: ${FETCH_PERIODS.join('|')}, max }` })
  fetch: FetchRule;

  @ApiProperty({ description: 'days the recipient may keep what it receives' })
  dataLifeDays: number;

  @ApiProperty({ type: CatalogueBenefitDto })
  benefit: CatalogueBenefitDto;

  @ApiProperty({ type: [String], example: ['JP'] })
  processingCountries: string[];

  @ApiProperty()
  profiling: boolean;

  @ApiProperty({ enum: ['forbidden'] })
  onwardTransfer: 'forbidden';

  @ApiProperty()
  termsVersion: string;

  @ApiProperty({ format: 'date-time' })
  validUntil: string;

  @ApiProperty({ format: 'date-time', nullable: true, description: 'when the data ethics board approved it' })
  approvedAt: string | null;
}

/** The offer in plain words, one sentence per question. */
class OfferSummaryDto {
  @ApiProperty({ description: 'who the recipient is' })
  recipient: string;

  @ApiProperty({ description: 'what it will receive' })
  receives: string;

  @ApiProperty({ description: 'why' })
  purpose: string;

  @ApiProperty({ description: 'how long it may keep the data' })
  retention: string;

  @ApiProperty({ description: 'what you get' })
  benefit: string;

  @ApiProperty({ description: 'where it is processed' })
  processing: string;

  @ApiProperty({ description: 'whether it profiles' })
  profiling: string;

  @ApiProperty({ description: 'onward transfer is forbidden' })
  onwardTransfer: string;

  @ApiProperty({ description: 'the board’s decision date' })
  boardDecision: string;
}

/** One offer with its plain-language summary in the individual's language. */
export class CatalogueOfferDetailDto extends CatalogueOfferDto {
  @ApiProperty({ enum: LANGUAGES })
  language: Language;

  @ApiProperty({ type: OfferSummaryDto })
  summary: OfferSummaryDto;
}
