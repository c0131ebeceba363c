import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DISCLOSURE_FORMATS,
  DISCLOSURE_SECTIONS,
  DISCLOSURE_STATUSES,
  type DisclosureFormat,
  type DisclosureSection,
  type DisclosureStatus,
} from '@infobank/disclosure';
import { Allow } from 'class-validator';

/** `POST /v1/me/disclosures`: what to disclose and in which format (checked by the use case, every problem at once). */
export class RequestDisclosureDto {
  @ApiProperty({
    oneOf: [
      { type: 'string', enum: ['all'] },
      { type: 'array', items: { type: 'string', enum: [...DISCLOSURE_SECTIONS] }, minItems: 1 },
    ],
    description: '"all", or the sections to include',
  })
  @Allow()
  scope: unknown;

  @ApiProperty({ enum: DISCLOSURE_FORMATS })
  @Allow()
  format: unknown;
}

/** `POST /v1/disclosures/download`: the token from `POST /v1/me/disclosures/:id/download-token`. */
export class DownloadDisclosureDto {
  @ApiProperty({ description: 'single-use download token' })
  @Allow()
  token: unknown;
}

/** One of my disclosure requests (開示請求). */
export class DisclosureDto {
  @ApiProperty({ format: 'uuid' })
  disclosureId: string;

  @ApiProperty({ enum: DISCLOSURE_SECTIONS, isArray: true })
  sections: DisclosureSection[];

  @ApiProperty({ enum: DISCLOSURE_FORMATS })
  format: DisclosureFormat;

  @ApiProperty({ enum: DISCLOSURE_STATUSES })
  status: DisclosureStatus;

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;

  @ApiProperty({ format: 'date-time', description: 'when the bundle is due (DISCLOSURE_DUE_DAYS after the request)' })
  dueAt: string;

  @ApiProperty({ description: 'not ready by the due date' })
  overdue: boolean;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  readyAt: string | null;

  @ApiPropertyOptional({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'when the bundle is deleted (7 days after ready)',
  })
  expiresAt: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  expiredAt: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  bundleBytes: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'SHA-256 of the archive, hex' })
  bundleSha256: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'the manifest signed by the bank (compact JWS, typ disclosure-manifest+jwt)',
  })
  manifest: string | null;
}

/** A single-use download token. */
export class DisclosureDownloadTokenDto {
  @ApiProperty({ description: 'send it in the body of POST /v1/disclosures/download; never in a URL' })
  token: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}
