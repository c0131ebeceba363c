import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
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

  @ApiProperty({ description: 'whether the e-mail address is verified; until it is, consenting answers 403 EMAIL_VERIFICATION_REQUIRED' })
  emailVerified: boolean;
}

/** `PATCH /v1/me`: my settings (設定). */
export class UpdateMeDto {
  @ApiProperty({ enum: LANGUAGES, description: 'the language offer summaries and mails use' })
  @IsIn(LANGUAGES)
  language: Language;
}
