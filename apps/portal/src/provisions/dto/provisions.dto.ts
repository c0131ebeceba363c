import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BENEFIT_TYPES } from '@infobank/rights';
import { DEFAULT_PROVISION_PAGE, MAX_PROVISION_PAGE } from '@infobank/provision';
import { BilingualTextDto } from '../../shared/bilingual-text.dto';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** `GET /v1/me/provisions` query: which of my provisions, from where, how many (checked by the use case, every problem at once). */
export class ListMyProvisionsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only provisions to this recipient' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  recipient?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only provisions under this offer' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  offer?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Provided at or after this instant (ISO 8601 with offset)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Provided before this instant (ISO 8601 with offset)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  to?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cursor?: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: MAX_PROVISION_PAGE, default: DEFAULT_PROVISION_PAGE })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  limit?: string;
}

class LabelDto {
  @ApiProperty()
  ja: string;

  @ApiProperty()
  en: string;
}

class ProvisionRecipientDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: BilingualTextDto })
  name: BilingualTextDto;
}

class ProvisionOfferDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Purpose code of the catalog vocabulary' })
  purposeCode: string;

  @ApiProperty({ type: BilingualTextDto, description: 'The purpose of use (利用目的) the offer stated' })
  purpose: BilingualTextDto;
}

class ItemLabelDto {
  @ApiProperty({ description: 'Data item id (`<category>#<pointer>`)' })
  itemId: string;

  @ApiProperty({ type: LabelDto })
  label: LabelDto;
}

class ProvisionConsentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'The consent version the provision was made under' })
  version: number;
}

class ProvisionBenefitDto {
  @ApiProperty({ enum: BENEFIT_TYPES })
  type: string;

  @ApiProperty({ type: Number, nullable: true })
  amount: number | null;

  @ApiProperty({ type: BilingualTextDto })
  description: BilingualTextDto;
}

/** One provision (提供記録): which items of how many of my records reached whom, when, under which consent. */
export class MyProvisionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: ProvisionRecipientDto })
  recipient: ProvisionRecipientDto;

  @ApiProperty({ type: ProvisionOfferDto })
  offer: ProvisionOfferDto;

  @ApiProperty({ type: [String] })
  items: string[];

  @ApiProperty({ type: [ItemLabelDto] })
  itemLabels: ItemLabelDto[];

  @ApiProperty({ description: 'How many of my records were provided' })
  records: number;

  @ApiProperty({ format: 'date-time' })
  providedAt: string;

  @ApiProperty({ type: ProvisionConsentDto })
  consent: ProvisionConsentDto;

  @ApiProperty({ type: ProvisionBenefitDto })
  benefit: ProvisionBenefitDto;

  @ApiProperty({ format: 'date-time', description: 'When the recipient must have deleted the data (data life end)' })
  dataLifeEndsAt: string;
}

/** A page of my provision history, newest first. */
export class MyProvisionsPageDto {
  @ApiProperty({ type: [MyProvisionDto] })
  provisions: MyProvisionDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}

class ProvenProvisionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  providedAt: string;

  @ApiProperty({ type: ProvisionRecipientDto })
  recipient: ProvisionRecipientDto;

  @ApiProperty({ format: 'uuid' })
  offerId: string;

  @ApiProperty({ type: ProvisionConsentDto })
  consent: ProvisionConsentDto;

  @ApiProperty({ format: 'uuid' })
  transferId: string;

  @ApiProperty()
  part: number;

  @ApiProperty({ type: [String] })
  items: string[];
}

/**
 * The transparency log inclusion proof of my provision. Save it as a file and check it offline with
 * `npm run admin -- log:verify-proof FILE` against the bank's `/.well-known/jwks.json`.
 */
export class ProvisionProofDto {
  @ApiProperty({ type: ProvenProvisionDto })
  provision: ProvenProvisionDto;

  @ApiProperty({ description: 'The leaf body as text: the canonical JSON of the provision the leaf hash covers' })
  leafBody: string;

  @ApiProperty({ description: 'The leaf body, base64url (what the RFC 9162 leaf hash covers)' })
  leaf: string;

  @ApiProperty()
  leafIndex: number;

  @ApiProperty({ type: [String], description: 'RFC 9162 audit path, base64url hashes' })
  auditPath: string[];

  @ApiProperty({ description: 'Compact JWS (typ checkpoint+jwt) of the tree size and root hash, signed by the bank' })
  checkpoint: string;
}
