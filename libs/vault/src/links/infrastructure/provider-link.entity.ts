import { AccountEntity } from '@infobank/identity';
import { OrganisationEntity } from '@infobank/catalog';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { LinkStatus } from '../domain/provider-link';

/** What each status implies about the other columns (a pending link has no customer, an active one has no code). */
const LIFECYCLE_CHECK =
  `("status" = 'pending' AND "customer_ref" IS NULL AND "linked_at" IS NULL AND "removed_at" IS NULL)` +
  ` OR ("status" = 'active' AND "customer_ref" IS NOT NULL AND "linked_at" IS NOT NULL AND "removed_at" IS NULL AND "code_hash" IS NULL)` +
  ` OR ("status" = 'removed' AND "removed_at" IS NOT NULL AND "code_hash" IS NULL)`;

/**
 * A provider link: the individual's consent that one provider may deposit their data in the named
 * categories. Created `pending` with a one-time link code (only its SHA-256 is kept, and only until
 * the code is redeemed or the link removed); `active` once the provider bound its customer reference;
 * `removed` when either side ended it. Matches migration CreateProviderLinks.
 */
@Entity({ name: 'provider_links' })
@Unique('uq_provider_links_code_hash', ['codeHash'])
@Index('ix_provider_links_individual', ['individualId', 'createdAt'])
// One active link per customer of a provider (deposits find the individual by it)...
@Index('uq_provider_links_active_customer', ['providerId', 'customerRef'], { unique: true, where: `"status" = 'active'` })
// ...and one active link per individual at a provider (linking again replaces the old link).
@Index('uq_provider_links_active_individual', ['providerId', 'individualId'], { unique: true, where: `"status" = 'active'` })
@Check('ck_provider_links_status', `"status" IN ('pending', 'active', 'removed')`)
@Check('ck_provider_links_categories', `cardinality("categories") > 0`)
@Check('ck_provider_links_customer_ref', `char_length("customer_ref") BETWEEN 1 AND 128`)
@Check('ck_provider_links_lifecycle', LIFECYCLE_CHECK)
export class ProviderLinkEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_provider_links' })
  id: string;

  /** The individual's account id. */
  @Column('uuid', { name: 'individual_id' })
  individualId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'individual_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_provider_links_individual' })
  individual?: AccountEntity;

  @Column('uuid', { name: 'provider_id' })
  providerId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_provider_links_provider' })
  provider?: OrganisationEntity;

  /** Catalog category codes the provider may deposit under this link. */
  @Column('text', { name: 'categories', array: true })
  categories: string[];

  @Column('text', { name: 'status' })
  status: LinkStatus;

  /** SHA-256 of the link code while it can still matter (pending); null once redeemed or removed. */
  @Column('bytea', { name: 'code_hash', nullable: true })
  codeHash: Buffer | null;

  @Column('timestamptz', { name: 'code_expires_at' })
  codeExpiresAt: Date;

  /** The provider's own (pseudonymous) reference for this customer, bound at redemption. */
  @Column('text', { name: 'customer_ref', nullable: true })
  customerRef: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'linked_at', nullable: true })
  linkedAt: Date | null;

  @Column('timestamptz', { name: 'removed_at', nullable: true })
  removedAt: Date | null;
}
