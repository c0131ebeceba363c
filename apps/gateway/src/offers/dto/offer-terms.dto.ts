import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { BENEFIT_TYPES, FETCH_PERIODS, OFFER_LIMITS, type BenefitType, type FetchPeriod } from '@infobank/offers';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** Text for individuals: Japanese required, English optional. */
export class OfferTextDto {
  @ApiProperty({ example: 'お買い物の傾向に合わせたクーポンをお届けします。', maxLength: OFFER_LIMITS.textLength })
  @IsString()
  @IsNotEmpty()
  @MaxLength(OFFER_LIMITS.textLength)
  ja: string;

  @ApiPropertyOptional({ example: 'We send you coupons that match how you shop.', maxLength: OFFER_LIMITS.textLength })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(OFFER_LIMITS.textLength)
  en?: string;
}

/** One catalog data item the offer asks for. */
export class OfferItemDto {
  @ApiProperty({ example: 'purchase.receipts#/lineItems', description: 'a data item id from GET /v1/catalog' })
  @IsString()
  itemId: string;

  @ApiProperty({ description: 'false: the individual may leave this item out' })
  @IsBoolean()
  required: boolean;
}

/** `{ fromDaysAgo }` (a rolling window) or `{ from, to }` (a fixed period), never both. */
export class DataRangeDto {
  @ApiPropertyOptional({ minimum: OFFER_LIMITS.fromDaysAgo.min, maximum: OFFER_LIMITS.fromDaysAgo.max, example: 90 })
  @IsOptional()
  @IsInt()
  fromDaysAgo?: number;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsString()
  to?: string;
}

/** `{ type: "one_time" }` or `{ type: "periodic", per, max }`. */
export class FetchRuleDto {
  @ApiProperty({ enum: ['one_time', 'periodic'] })
  @IsIn(['one_time', 'periodic'])
  type: 'one_time' | 'periodic';

  @ApiPropertyOptional({ enum: FETCH_PERIODS, description: 'periodic only' })
  @IsOptional()
  @IsIn(FETCH_PERIODS)
  per?: FetchPeriod;

  @ApiPropertyOptional({ minimum: OFFER_LIMITS.fetchMax.min, maximum: OFFER_LIMITS.fetchMax.max, description: 'periodic only' })
  @IsOptional()
  @IsInt()
  max?: number;
}

/** What the individual gets (便益). */
export class BenefitDto {
  @ApiProperty({ enum: BENEFIT_TYPES })
  @IsIn(BENEFIT_TYPES)
  type: BenefitType;

  @ApiPropertyOptional({ description: 'points or yen: required; service: optional; social: not allowed', example: 500 })
  @IsOptional()
  @IsInt()
  amount?: number;

  @ApiProperty({ type: OfferTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => OfferTextDto)
  description: OfferTextDto;
}

/** Everything a recipient writes in an offer (`POST /v1/offers`). Onward transfer is always forbidden. */
export class OfferTermsDto {
  @ApiProperty({ example: 'marketing', description: 'a purpose code from GET /v1/catalog' })
  @IsString()
  purposeCode: string;

  @ApiProperty({ type: OfferTextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => OfferTextDto)
  purposeText: OfferTextDto;

  @ApiProperty({ type: [OfferItemDto], minItems: 1, maxItems: OFFER_LIMITS.items })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(OFFER_LIMITS.items)
  @ValidateNested({ each: true })
  @Type(() => OfferItemDto)
  items: OfferItemDto[];

  @ApiProperty({ type: DataRangeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DataRangeDto)
  dataRange: DataRangeDto;

  @ApiProperty({ type: FetchRuleDto })
  @IsObject()
  @ValidateNested()
  @Type(() => FetchRuleDto)
  fetch: FetchRuleDto;

  @ApiProperty({ minimum: OFFER_LIMITS.dataLifeDays.min, maximum: OFFER_LIMITS.dataLifeDays.max, example: 365 })
  @IsInt()
  @Min(OFFER_LIMITS.dataLifeDays.min)
  @Max(OFFER_LIMITS.dataLifeDays.max)
  dataLifeDays: number;

  @ApiProperty({ type: BenefitDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BenefitDto)
  benefit: BenefitDto;

  @ApiProperty({ type: [String], example: ['JP'], description: 'ISO 3166-1 alpha-2 codes' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(OFFER_LIMITS.processingCountries)
  @IsString({ each: true })
  processingCountries: string[];

  @ApiProperty({ description: 'the recipient analyses or predicts individuals with the data' })
  @IsBoolean()
  profiling: boolean;

  @ApiProperty({ example: '2025-01' })
  @IsString()
  termsVersion: string;

  @ApiProperty({ format: 'date-time', description: 'after this the offer expires' })
  @IsISO8601({ strict: true })
  validUntil: string;
}

/** `PATCH /v1/offers/:id`: any subset of the terms; each field given replaces the stored one whole. */
export class OfferChangesDto extends PartialType(OfferTermsDto) {}
