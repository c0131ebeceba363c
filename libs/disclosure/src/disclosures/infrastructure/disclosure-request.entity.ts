import { AccountEntity } from '@infobank/identity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { DisclosureFormat, DisclosureSection, DisclosureStatus } from '../domain/disclosure';

/**
 * One disclosure request (開示請求) and, once built, its bundle: a tar archive encrypted under the
 * individual's data key (never stored in clear), deleted when the request expires. Matches migration
 * CreateDisclosureRequests.
 */
@Entity({ name: 'disclosure_requests' })
@Check('ck_disclosure_requests_status', `"status" IN ('requested', 'building', 'ready', 'expired')`)
@Check('ck_disclosure_requests_format', `"format" IN ('json', 'csv')`)
@Check('ck_disclosure_requests_bundle', `("status" = 'ready') = ("bundle" IS NOT NULL)`)
@Index('ix_disclosure_requests_individual', ['individualId', 'requestedAt', 'id'])
@Index('ix_disclosure_requests_status_expires', ['status', 'expiresAt'])
export class DisclosureRequestEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_disclosure_requests' })
  id: string;

  @Column('uuid', { name: 'individual_id' })
  individualId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'individual_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_disclosure_requests_individual' })
  individual?: AccountEntity;

  @Column('text', { name: 'sections', array: true })
  sections: DisclosureSection[];

  @Column('text', { name: 'format' })
  format: DisclosureFormat;

  @Column('text', { name: 'status' })
  status: DisclosureStatus;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt: Date;

  @Column('timestamptz', { name: 'due_at' })
  dueAt: Date;

  @Column('timestamptz', { name: 'building_at', nullable: true })
  buildingAt: Date | null;

  @Column('timestamptz', { name: 'ready_at', nullable: true })
  readyAt: Date | null;

  /** When the bundle is deleted (ready + 7 days). */
  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt: Date | null;

  @Column('timestamptz', { name: 'expired_at', nullable: true })
  expiredAt: Date | null;

  /** The tar archive, encrypted (AES-256-GCM under the individual's data key); null unless ready. */
  @Column('bytea', { name: 'bundle', nullable: true })
  bundle: Buffer | null;

  @Column('integer', { name: 'bundle_bytes', nullable: true })
  bundleBytes: number | null;

  /** SHA-256 of the archive in clear, lowercase hex. */
  @Column('text', { name: 'bundle_sha256', nullable: true })
  bundleSha256: string | null;

  /** The signed manifest (compact JWS); kept after expiry as evidence of what was disclosed. */
  @Column('text', { name: 'manifest_jws', nullable: true })
  manifestJws: string | null;
}

/**
 * A short-lived, single-use download token of a ready bundle. Only its SHA-256 is stored, so a
 * database read cannot download anything.
 */
@Entity({ name: 'disclosure_download_tokens' })
@Index('ix_disclosure_download_tokens_disclosure', ['disclosureId'])
export class DisclosureDownloadTokenEntity {
  @PrimaryColumn('bytea', { name: 'token_hash', primaryKeyConstraintName: 'pk_disclosure_download_tokens' })
  tokenHash: Buffer;

  @Column('uuid', { name: 'disclosure_id' })
  disclosureId: string;

  @ManyToOne(() => DisclosureRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'disclosure_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_disclosure_download_tokens_disclosure' })
  disclosure?: DisclosureRequestEntity;

  @Column('timestamptz', { name: 'issued_at' })
  issuedAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;
}
