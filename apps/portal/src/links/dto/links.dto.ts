import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OrganisationNameDto } from '@infobank/auth';
import {
  CUSTOMER_REF_MAX_LENGTH,
  LINK_CODE_ALPHABET,
  LINK_CODE_LENGTH,
  MAX_LINK_CATEGORIES,
  type LinkDisplayStatus,
} from '@infobank/vault';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** `POST /v1/me/links`: which provider may deposit which data categories about me. */
export class CreateLinkDto {
  @ApiProperty({ format: 'uuid', description: 'The provider (情報提供元), as listed by the bank' })
  @IsUUID()
  providerId: string;

  @ApiProperty({
    type: [String],
    example: ['purchase.receipts'],
    maxItems: MAX_LINK_CATEGORIES,
    description: 'Distinct data category codes from GET /v1/catalog; at least one',
  })
  @IsArray()
  @ArrayMaxSize(MAX_LINK_CATEGORIES)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  categories: string[];
}

/** `DELETE /v1/me/links/:linkId` query. */
export class RemoveLinkQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: "true: also erase every record this link's provider deposited about me (needs a step-up token)",
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  erase?: 'true' | 'false';
}

/** A new pending link and its one-time code (shown only in this answer). */
export class LinkCreatedDto {
  @ApiProperty({ format: 'uuid' })
  linkId: string;

  @ApiProperty({
    example: 'K7M2QX9TRB',
    minLength: LINK_CODE_LENGTH,
    maxLength: LINK_CODE_LENGTH,
    description: `Give this to the provider. ${LINK_CODE_LENGTH} characters from ${LINK_CODE_ALPHABET}; works once, for this provider, until expiresAt`,
  })
  linkCode: string;

  @ApiProperty({ format: 'date-time', description: '15 minutes after creation' })
  expiresAt: Date;
}

/** One of my provider links. */
export class OwnLinkDto {
  @ApiProperty({ format: 'uuid' })
  linkId: string;

  @ApiProperty({ format: 'uuid' })
  providerId: string;

  @ApiProperty({ type: OrganisationNameDto, nullable: true })
  providerName: OrganisationNameDto | null;

  @ApiProperty({ type: [String], example: ['purchase.receipts'] })
  categories: string[];

  @ApiProperty({
    enum: ['pending', 'active', 'removed', 'expired'],
    description: 'pending: waiting for the provider to redeem the code; expired: the code ran out unused',
  })
  status: LinkDisplayStatus;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: CUSTOMER_REF_MAX_LENGTH,
    description: "The provider's own reference for you, set when it redeemed the code",
  })
  customerRef: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time', description: 'Until when the link code could be redeemed' })
  codeExpiresAt: Date;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  linkedAt: Date | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  removedAt: Date | null;
}

/** A provider I may link (`GET /v1/providers`). */
export class ProviderDto {
  @ApiProperty({ format: 'uuid', description: 'what POST /v1/me/links takes as providerId' })
  providerId: string;

  @ApiProperty({ type: OrganisationNameDto })
  name: OrganisationNameDto;

  @ApiProperty({ example: '9700110000001', description: '法人番号 (13 digits)' })
  corporateNumber: string;

  @ApiProperty({ example: 'JP' })
  country: string;
}
