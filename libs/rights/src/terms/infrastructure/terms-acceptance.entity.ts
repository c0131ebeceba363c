import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { AcceptanceMethod } from '../domain/terms';
import { TermsVersionEntity } from './terms-version.entity';

/**
 * One party's acceptance of one terms version, with its time; append-only. The party is an
 * individual's account or an organisation (the version's audience says which). Matches migration
 * CreateTermsAndAcceptances.
 */
@Entity({ name: 'terms_acceptances' })
@Unique('uq_terms_acceptances_party_version', ['partyId', 'termsVersionId'])
@Check('ck_terms_acceptances_method', `"method" IN ('registration', 'portal', 'api', 'paper')`)
@Index('ix_terms_acceptances_party_time', ['partyId', 'acceptedAt'])
export class TermsAcceptanceEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_terms_acceptances' })
  id: string;

  @Column('uuid', { name: 'terms_version_id' })
  termsVersionId: string;

  @ManyToOne(() => TermsVersionEntity)
  @JoinColumn({ name: 'terms_version_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_terms_acceptances_version' })
  termsVersion?: TermsVersionEntity;

  @Column('uuid', { name: 'party_id' })
  partyId: string;

  @Column('timestamptz', { name: 'accepted_at' })
  acceptedAt: Date;

  @Column('text', { name: 'method' })
  method: AcceptanceMethod;

  /** The operator who recorded a paper acceptance; null when the party accepted themself. */
  @Column('text', { name: 'recorded_by', nullable: true })
  recordedBy: string | null;
}
