import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPLAINT_CATEGORIES, COMPLAINT_TEXT_MAX_LENGTH, type ComplaintCategory } from '@infobank/rights';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

// Characters are counted as a person counts them by the use case; this only bounds the UTF-16 length.
const TEXT_UTF16_LIMIT = COMPLAINT_TEXT_MAX_LENGTH * 2;

/** `POST /v1/me/complaints`: a complaint or enquiry to the complaints desk (苦情相談窓口). */
export class FileComplaintDto {
  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  @IsIn(COMPLAINT_CATEGORIES)
  category: ComplaintCategory;

  @ApiProperty({ description: `what happened and what you ask for, 1 to ${COMPLAINT_TEXT_MAX_LENGTH} characters; stored encrypted` })
  @IsString()
  @MaxLength(TEXT_UTF16_LIMIT)
  text: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'one of my consents the complaint is about (another’s is 404)' })
  @IsOptional()
  @IsUUID()
  relatedConsentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'one of my provision records the complaint is about (another’s is 404)' })
  @IsOptional()
  @IsUUID()
  relatedProvisionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the recipient the complaint is about (an unknown recipient is 400)' })
  @IsOptional()
  @IsUUID()
  relatedRecipientId?: string;
}

/** A message in a complaint's thread: my answer to the desk, or the desk's reply, question or explanation. */
export class ComplaintMessageDto {
  @ApiProperty({ description: `1 to ${COMPLAINT_TEXT_MAX_LENGTH} characters; stored encrypted` })
  @IsString()
  @MaxLength(TEXT_UTF16_LIMIT)
  text: string;
}
