import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BENEFIT_TYPES, DEFAULT_BENEFIT_PAGE, MAX_BENEFIT_PAGE, type BenefitType } from '@infobank/rights';
import { BilingualTextDto } from '../../shared/bilingual-text.dto';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** `GET /v1/me/benefits` query: from where in my entries, how many (checked by the use case, every problem at once). */
export class GetMyBenefitsQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: MAX_BENEFIT_PAGE, default: DEFAULT_BENEFIT_PAGE })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  limit?: string;
}

/** My benefits summed over every provision. */
export class BenefitBalanceDto {
  @ApiProperty({ description: 'Points received, summed' })
  points: number;

  @ApiProperty({ description: 'Yen received, summed' })
  yen: number;

  @ApiProperty({ description: 'How many services received' })
  services: number;

  @ApiProperty({ description: 'How many times my data went to a social good only' })
  social: number;
}

class BenefitRecipientDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: BilingualTextDto })
  name: BilingualTextDto;
}

/** One benefit (便益) credited to me for one provision of my data. */
export class BenefitEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The provision (提供記録) the benefit is for' })
  provisionId: string;

  @ApiProperty({ format: 'uuid' })
  offerId: string;

  @ApiProperty({ type: BenefitRecipientDto })
  recipient: BenefitRecipientDto;

  @ApiProperty({ type: BilingualTextDto, description: 'The purpose of use the offer stated' })
  purpose: BilingualTextDto;

  @ApiProperty({ enum: BENEFIT_TYPES })
  type: BenefitType;

  @ApiProperty({ type: Number, nullable: true, description: 'Points or yen; for a service, its amount when named; else null' })
  amount: number | null;

  @ApiProperty({ type: BilingualTextDto })
  description: BilingualTextDto;

  @ApiProperty({ format: 'date-time' })
  creditedAt: string;
}

/** My benefits: the balance over all my entries and one page of entries, newest first. */
export class MyBenefitsDto {
  @ApiProperty({ type: BenefitBalanceDto })
  balance: BenefitBalanceDto;

  @ApiProperty({ type: [BenefitEntryDto] })
  entries: BenefitEntryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}
