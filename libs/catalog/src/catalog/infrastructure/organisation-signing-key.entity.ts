import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { PublicJwk } from '@infobank/crypto';
import { OrganisationEntity } from './organisation.entity';

/** One public key an organisation signs with, selected by kid. Matches migration CreateOrganisations. */
@Entity({ name: 'organisation_signing_keys' })
export class OrganisationSigningKeyEntity {
  @PrimaryColumn('uuid', { name: 'organisation_id', primaryKeyConstraintName: 'pk_organisation_signing_keys' })
  organisationId: string;

  @PrimaryColumn('text', { name: 'kid', primaryKeyConstraintName: 'pk_organisation_signing_keys' })
  kid: string;

  /** The public JWK only (kty, crv/x/y or n/e, kid, alg, use). */
  @Column('jsonb', { name: 'jwk' })
  jwk: PublicJwk;

  @CreateDateColumn({ name: 'added_at', type: 'timestamptz', default: () => 'now()' })
  addedAt: Date;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_organisation_signing_keys_organisation' })
  organisation?: OrganisationEntity;
}
