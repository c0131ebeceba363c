import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COUNTABLE_BENEFIT_TYPES,
  MAX_EXCLUDED_RECIPIENTS,
  MAX_MINIMUM_BENEFIT,
  MAX_STANDING_PURPOSES,
  STANDING_CONDITION_MODES,
  type CountableBenefitType,
  type StandingConditionMode,
} from '@infobank/consent';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** The least benefit an offer must give (points or yen). */
export class MinimumBenefitDto {
  @ApiProperty({ enum: COUNTABLE_BENEFIT_TYPES })
  @IsIn(COUNTABLE_BENEFIT_TYPES)
  type: CountableBenefitType;

  @ApiProperty({ minimum: 1, maximum: MAX_MINIMUM_BENEFIT, example: 100 })
  @IsInt()
  @Min(1)
  @Max(MAX_MINIMUM_BENEFIT)
  amount: number;
}

/** `PUT /v1/me/standing-conditions`: the rules under which the bank may consent for me (予め指定した条件). */
export class PutStandingConditionsDto {
  @ApiProperty({
    type: [String],
    example: ['service_provision'],
    maxItems: MAX_STANDING_PURPOSES,
    description: 'purpose codes from GET /v1/catalog',
  })
  @IsArray()
  @ArrayMaxSize(MAX_STANDING_PURPOSES)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  purposes: string[];

  @ApiPropertyOptional({ default: false, description: 'allow offers processed outside Japan' })
  @IsOptional()
  @IsBoolean()
  allowCrossBorder?: boolean;

  @ApiPropertyOptional({ default: false, description: 'allow offers whose recipient profiles individuals' })
  @IsOptional()
  @IsBoolean()
  allowProfiling?: boolean;

  @ApiPropertyOptional({ type: MinimumBenefitDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MinimumBenefitDto)
  minimumBenefit?: MinimumBenefitDto | null;

  @ApiPropertyOptional({ type: [String], default: [], maxItems: MAX_EXCLUDED_RECIPIENTS, description: 'recipient ids never to consent to' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EXCLUDED_RECIPIENTS)
  @IsUUID('all', { each: true })
  excludedRecipients?: string[];

  @ApiPropertyOptional({
    enum: STANDING_CONDITION_MODES,
    default: 'auto',
    description: 'mode of the consents granted: auto, or ask (each transfer needs my approval)',
  })
  @IsOptional()
  @IsIn(STANDING_CONDITION_MODES)
  mode?: StandingConditionMode;
}

/** My standing conditions; `updatedAt` null while I never set any (then nothing is granted for me). */
export class StandingConditionsDto {
  @ApiProperty({ type: [String] })
  purposes: string[];

  @ApiProperty()
  allowCrossBorder: boolean;

  @ApiProperty()
  allowProfiling: boolean;

  @ApiProperty({ type: MinimumBenefitDto, nullable: true })
  minimumBenefit: MinimumBenefitDto | null;

  @ApiProperty({ type: [String] })
  excludedRecipients: string[];

  @ApiProperty({ enum: STANDING_CONDITION_MODES })
  mode: StandingConditionMode;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  updatedAt: Date | null;
}
