import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Text shown to individuals: Japanese always, English when the writer gave it. */
export class BilingualTextDto {
  @ApiProperty()
  ja: string;

  @ApiPropertyOptional()
  en?: string;
}
