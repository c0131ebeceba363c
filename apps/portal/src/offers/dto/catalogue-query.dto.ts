import { ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES, type Language } from '@infobank/identity';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** `GET /v1/offers` filters: a purpose code and a data category code from `GET /v1/catalog`. */
export class CatalogueQueryDto {
  @ApiPropertyOptional({ example: 'marketing' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  purpose?: string;

  @ApiPropertyOptional({ example: 'purchase.receipts' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;
}

/** `GET /v1/offers/:id`: the summary's language; the individual's own language unless given. */
export class CatalogueLanguageQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}
