import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { TermsAudience } from '../domain/terms';

/**
 * One published version of the bank's terms for one audience, in Japanese and English; append-only
 * (a trigger refuses UPDATE, DELETE and TRUNCATE). The newest per audience is the current one.
 * Matches migration CreateTermsAndAcceptances.
 */
@Entity({ name: 'terms_versions' })
@Unique('uq_terms_versions_audience_version', ['audience', 'version'])
@Check('ck_terms_versions_audience', `"audience" IN ('individual', 'recipient', 'provider')`)
@Index('ix_terms_versions_audience_time', ['audience', 'publishedAt', 'id'])
export class TermsVersionEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_terms_versions' })
  id: string;

  @Column('text', { name: 'audience' })
  audience: TermsAudience;

  @Column('text', { name: 'version' })
  version: string;

  @Column('text', { name: 'text_ja' })
  textJa: string;

  @Column('text', { name: 'text_en' })
  textEn: string;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt: Date;

  /** The operator who published it (their login name). */
  @Column('text', { name: 'published_by' })
  publishedBy: string;
}
