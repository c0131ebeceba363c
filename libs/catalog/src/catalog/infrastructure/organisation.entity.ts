import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { PublicJwk } from '@infobank/crypto';
import type { OrganisationRole, OrganisationStatus } from '../domain/organisation';

/** A provider and/or recipient company, keyed by its 法人番号. Matches migration CreateOrganisations. */
@Entity({ name: 'organisations' })
@Unique('uq_organisations_corporate_number', ['corporateNumber'])
@Check('ck_organisations_corporate_number', `"corporate_number" ~ '^[1-9][0-9]{12}$'`)
@Check('ck_organisations_country', `"country" ~ '^[A-Z]{2}$'`)
@Check('ck_organisations_roles', `cardinality("roles") > 0 AND "roles" <@ ARRAY['provider', 'recipient']::text[]`)
@Check('ck_organisations_status', `"status" IN ('active', 'suspended')`)
export class OrganisationEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_organisations' })
  id: string;

  @Column('text', { name: 'corporate_number' })
  corporateNumber: string;

  @Column('text', { name: 'name_ja' })
  nameJa: string;

  @Column('text', { name: 'name_en', nullable: true })
  nameEn: string | null;

  @Column('text', { name: 'country' })
  country: string;

  @Column('text', { name: 'roles', array: true })
  roles: OrganisationRole[];

  /** Public X25519 or P-256 key that packages are encrypted to (ECDH-ES+A256KW). */
  @Column('jsonb', { name: 'encryption_jwk', nullable: true })
  encryptionJwk: PublicJwk | null;

  @Column('text', { name: 'webhook_url', nullable: true })
  webhookUrl: string | null;

  @Column('text', { name: 'terms_version' })
  termsVersion: string;

  @Column('text', { name: 'status' })
  status: OrganisationStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
