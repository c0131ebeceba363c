import { ApiProperty } from '@nestjs/swagger';

/** Text in Japanese and English. */
export class LocalisedTextDto {
  @ApiProperty({ example: '基本プロフィール' })
  ja: string;

  @ApiProperty({ example: 'Basic profile' })
  en: string;
}

/** One data item of a category. */
export class DataItemDto {
  @ApiProperty({ example: 'profile.basic#/name/kanji', description: '`<category>#<JSON pointer>`; stable across catalog versions' })
  id: string;

  @ApiProperty({ example: '/name/kanji', description: 'JSON pointer (RFC 6901) into a record’s data' })
  pointer: string;

  @ApiProperty({ type: LocalisedTextDto })
  label: LocalisedTextDto;

  @ApiProperty({ enum: ['normal', 'sensitive'], description: '`sensitive` is 要配慮個人情報' })
  sensitivity: 'normal' | 'sensitive';
}

/** A data category with its record schema and items. */
export class DataCategoryDto {
  @ApiProperty({ example: 'profile.basic' })
  code: string;

  @ApiProperty({ type: LocalisedTextDto })
  label: LocalisedTextDto;

  @ApiProperty({ type: LocalisedTextDto })
  description: LocalisedTextDto;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'JSON Schema 2020-12 of a record’s data' })
  schema: Record<string, unknown>;

  @ApiProperty({ type: [DataItemDto] })
  items: DataItemDto[];

  @ApiProperty({ description: 'true when any item is sensitive' })
  sensitive: boolean;

  @ApiProperty({ enum: [false], description: 'the My Number (個人番号) is never stored' })
  allowsIndividualNumber: false;
}

/** A purpose from the vocabulary. */
export class PurposeDto {
  @ApiProperty({ example: 'service_provision' })
  code: string;

  @ApiProperty({ type: LocalisedTextDto })
  label: LocalisedTextDto;

  @ApiProperty({ type: LocalisedTextDto })
  description: LocalisedTextDto;

  @ApiProperty({ example: 'https://w3id.org/dpv#ServiceProvision', description: 'W3C DPV 2.x purpose IRI' })
  dpv: string;

  @ApiProperty({ description: 'the purpose evaluates or predicts the individual (profiling)' })
  profiling: boolean;
}

/** The public catalog. */
export class CatalogDto {
  @ApiProperty({ example: '2025.1' })
  version: string;

  @ApiProperty({ type: [DataCategoryDto] })
  categories: DataCategoryDto[];

  @ApiProperty({ type: [PurposeDto] })
  purposes: PurposeDto[];
}
