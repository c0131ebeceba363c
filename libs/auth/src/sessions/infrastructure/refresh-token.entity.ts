import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { AccountEntity } from '@infobank/identity';

/**
 * One refresh token of a session. Only the SHA-256 of the token is stored. A sign-in starts a
 * family; each refresh spends one token and adds the next to the same family; logout or reuse of a
 * spent token revokes the family. Matches migration CreateAccountsAndSessions.
 */
@Entity({ name: 'refresh_tokens' })
@Unique('uq_refresh_tokens_token_hash', ['tokenHash'])
@Index('ix_refresh_tokens_family', ['familyId'])
@Index('ix_refresh_tokens_account', ['accountId'])
export class RefreshTokenEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_refresh_tokens' })
  id: string;

  /** The session: every token descending from one sign-in. */
  @Column('uuid', { name: 'family_id' })
  familyId: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_refresh_tokens_account' })
  account?: AccountEntity;

  @Column('bytea', { name: 'token_hash' })
  tokenHash: Buffer;

  @CreateDateColumn({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  /** When it was exchanged for the next token; presenting it again after that is reuse. */
  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}

/** The tables the sessions part of libs/auth contributes to the application's data source. */
export const AUTH_SESSION_ENTITIES = [RefreshTokenEntity];
