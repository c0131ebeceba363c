import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGES, type Language } from '@infobank/identity';

/** The signed-in individual's own account. */
export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'hanako@example.jp' })
  email: string;

  @ApiProperty({ example: '山田 花子' })
  displayName: string;

  @ApiProperty({ enum: LANGUAGES })
  language: Language;
}
