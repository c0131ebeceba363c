import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXPERTISE, type Expertise } from '@infobank/review';

/** Members of one field. */
export class ExpertiseCountDto {
  @ApiProperty({ enum: EXPERTISE })
  expertise: Expertise;

  @ApiProperty()
  total: number;

  @ApiProperty()
  external: number;
}

/** A message in Japanese and English. */
export class CompositionMessageDto {
  @ApiProperty()
  ja: string;

  @ApiProperty()
  en: string;
}

/** Something the composition lacks. */
export class CompositionWarningDto {
  @ApiProperty({ enum: ['EXPERTISE_MISSING', 'TOO_FEW_EXTERNAL'] })
  code: string;

  @ApiPropertyOptional({ enum: EXPERTISE })
  expertise?: Expertise;

  @ApiProperty({ type: CompositionMessageDto })
  message: CompositionMessageDto;
}

/** `GET /v1/board/composition`. */
export class BoardCompositionDto {
  @ApiProperty()
  total: number;

  @ApiProperty()
  external: number;

  @ApiProperty({ description: 'external members / all members, 0 to 1' })
  externalShare: number;

  @ApiProperty({ type: [ExpertiseCountDto] })
  byExpertise: ExpertiseCountDto[];

  @ApiProperty({ type: [CompositionWarningDto] })
  warnings: CompositionWarningDto[];
}
