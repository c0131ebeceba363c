import { AccountEntity } from '@infobank/identity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { AccountTokenPurpose } from '../domain/account-token';

/**
 * A one-time link's token (verification or password reset), by its SHA-256 digest only. Matches
 * migration AddMailAndEmailVerification.
 */
@Entity({ name: 'account_tokens' })
@Unique('uq_account_tokens_token_hash', ['tokenHash'])
@Check('ck_account_tokens_purpose', `"purpose" IN ('email_verification', 'password_reset')`)
@Check('ck_account_tokens_window', `"expires_at" > "created_at"`)
@Index('ix_account_tokens_account_purpose', ['accountId', 'purpose'])
export class AccountTokenEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_account_tokens' })
  id: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_account_tokens_account' })
  account?: AccountEntity;

  @Column('text', { name: 'purpose' })
  purpose: AccountTokenPurpose;

  /** accountTokenDigest of the token; the token itself is only ever in the mail. */
  @Column('text', { name: 'token_hash' })
  tokenHash: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;
}
