import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { AccountKind, Language } from '../domain/account';

/**
 * A person who signs in: an individual (portal), a board member or a complaints desk member (both at
 * the ethics board). The e-mail is stored normalised and is unique per kind. Matches migrations
 * CreateAccountsAndSessions and CreateComplaintsDesk.
 */
@Entity({ name: 'accounts' })
@Unique('uq_accounts_kind_email', ['kind', 'email'])
@Check('ck_accounts_kind', `"kind" IN ('individual', 'board_member', 'staff')`)
@Check('ck_accounts_language', `"language" IN ('ja', 'en')`)
export class AccountEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_accounts' })
  id: string;

  @Column('text', { name: 'kind' })
  kind: AccountKind;

  /** Normalised (see normaliseEmail). */
  @Column('text', { name: 'email' })
  email: string;

  /** scrypt, self-describing (see hashPassword); never the password. */
  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text', { name: 'language' })
  language: Language;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /**
   * When the person proved they receive mail at `email` (a verification link, or a password reset);
   * null until then. An individual whose address is unverified may sign in but not consent.
   */
  @Column('timestamptz', { name: 'email_verified_at', nullable: true })
  emailVerifiedAt: Date | null;

  /** Access tokens issued before this time no longer admit anyone (set when a password reset ends every session). */
  @Column('timestamptz', { name: 'sessions_not_before', nullable: true })
  sessionsNotBefore: Date | null;

  /** Set when the bank disables the account: it can no longer sign in or refresh. */
  @Column('timestamptz', { name: 'disabled_at', nullable: true })
  disabledAt: Date | null;
}
