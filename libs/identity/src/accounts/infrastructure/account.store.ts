import { Injectable } from '@nestjs/common';
import { binaryArray, readPiece, sql, type ReadPiece, type RequestContext, type TransactionalContext } from '@infobank/platform';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { AccountKind, Language } from '../domain/account';
import { AccountEntity } from './account.entity';
import {
  accountSessionVerdict,
  accountSessionVerdictStatement,
  type AccountSession,
  type AccountSessionVerdict,
} from './account-session-admission.sql';

/** An account as the session and account use cases read it. */
export interface StoredAccount {
  id: string;
  kind: AccountKind;
  email: string;
  passwordHash: string;
  displayName: string;
  language: Language;
  emailVerifiedAt: Date | null;
  sessionsNotBefore: Date | null;
  disabledAt: Date | null;
}

/** A new account's row. */
export interface NewAccount {
  id: string;
  kind: AccountKind;
  email: string;
  passwordHash: string;
  displayName: string;
  language: Language;
}

/** What closing an account leaves of it: no personal data, no usable password. */
export interface AnonymisedAccount {
  email: string;
  displayName: string;
  passwordHash: string;
  /** A placeholder address is nobody's: never verified. */
  emailVerifiedAt: null;
  disabledAt: Date;
}

/** The accounts table: reads join the context's transaction when it has one; writes need one. */
@Injectable()
export class AccountStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The account of `kind` the normalised e-mail names, if any. */
  findByEmail(ctx: RequestContext, kind: AccountKind, email: string): Promise<StoredAccount | null> {
    return this.manager(ctx).findOne(AccountEntity, { where: { kind, email } });
  }

  /** The account with this id, of `kind` when one is given. */
  findById(ctx: RequestContext, id: string, kind?: AccountKind): Promise<StoredAccount | null> {
    return this.manager(ctx).findOne(AccountEntity, { where: kind === undefined ? { id } : { id, kind } });
  }

  /** The individual's account, locked until the transaction ends. */
  lockIndividual(tx: TransactionalContext, id: string): Promise<StoredAccount | null> {
    return tx.transaction.findOne(AccountEntity, { where: { id, kind: 'individual' }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Inserts the account unless (kind, e-mail) is taken; true when inserted. The unique constraint elects
   * one account per (kind, e-mail), even for concurrent registrations.
   */
  async insertIfNew(tx: TransactionalContext, account: NewAccount): Promise<boolean> {
    const inserted = await tx.transaction
      .createQueryBuilder()
      .insert()
      .into(AccountEntity)
      .values(account)
      .orIgnore()
      .returning(['id'])
      .updateEntity(false)
      .execute();
    return (inserted.raw as unknown[]).length === 1;
  }

  /** The id of the account of `kind` the e-mail names (which must exist). */
  async idOf(tx: TransactionalContext, kind: AccountKind, email: string): Promise<string> {
    return (await tx.transaction.findOneOrFail(AccountEntity, { where: { kind, email }, select: { id: true } })).id;
  }

  /** Replaces the account's password hash. */
  async setPasswordHash(tx: TransactionalContext, id: string, passwordHash: string): Promise<void> {
    await tx.transaction.update(AccountEntity, { id }, { passwordHash });
  }

  /** Records that the address was proved at `verifiedAt`; an address verified before keeps its first time. Returns whether it changed. */
  async markEmailVerified(tx: TransactionalContext, id: string, verifiedAt: Date): Promise<boolean> {
    const result = await tx.transaction.update(AccountEntity, { id, emailVerifiedAt: IsNull() }, { emailVerifiedAt: verifiedAt });
    return (result.affected ?? 0) > 0;
  }

  /** Refuses the account's access tokens issued before `notBefore` (whole seconds, as tokens date themselves). */
  async endAccessTokensBefore(tx: TransactionalContext, id: string, notBefore: Date): Promise<void> {
    await tx.transaction.update(AccountEntity, { id }, { sessionsNotBefore: new Date(Math.floor(notBefore.getTime() / 1000) * 1000) });
  }

  /** Disables an open account of `kind` at `disabledAt` (it can no longer sign in); true when it was open. */
  async disable(tx: TransactionalContext, id: string, kind: AccountKind, disabledAt: Date): Promise<boolean> {
    const result = await tx.transaction.update(AccountEntity, { id, kind, disabledAt: IsNull() }, { disabledAt });
    return (result.affected ?? 0) > 0;
  }

  /** Overwrites the account's personal data and disables it. */
  async anonymise(tx: TransactionalContext, id: string, values: AnonymisedAccount): Promise<void> {
    await tx.transaction.update(AccountEntity, { id }, values);
  }

  /** Changes the language of an open account of this kind (nothing when it is closed or of the other kind). */
  async setLanguage(ctx: RequestContext, id: string, kind: AccountKind, language: Language): Promise<void> {
    await this.manager(ctx).update(AccountEntity, { id, kind, disabledAt: IsNull() }, { language });
  }

  /** Which of these individuals have an open (not disabled) account. */
  async openIndividualsAmong(ctx: RequestContext, individualIds: readonly string[]): Promise<Set<string>> {
    if (individualIds.length === 0) return new Set();
    // The ids as one binary array parameter: a standing-conditions page asks about 1,000 at once, which `In` sent as
    // 1,000 parameters that the query builder named one by one and PostgreSQL parsed one by one.
    const open: { id: string }[] = await this.manager(ctx).query(
      `SELECT "id" FROM "accounts" WHERE "id" = ANY($1::uuid[]) AND "kind" = 'individual' AND "disabled_at" IS NULL`,
      [binaryArray.uuid(individualIds)],
    );
    return new Set(open.map((account) => account.id));
  }

  /** The read of which of these individuals have verified their e-mail address (one piece for a page of them). */
  emailVerifiedAmongPiece(individualIds: readonly string[]): ReadPiece<Set<string>> {
    return readPiece(
      sql`SELECT coalesce(jsonb_agg("id"), '[]'::jsonb) FROM "accounts"
           WHERE "id" = ANY(${binaryArray.uuid(individualIds)}::uuid[]) AND "kind" = 'individual' AND "email_verified_at" IS NOT NULL`,
      (json) => new Set(json as string[]),
    );
  }

  /**
   * Whether the session's account admits it, read on the primary outside any transaction (one primary-key read, plain
   * SQL: it runs before most guarded requests).
   */
  async sessionVerdict(session: AccountSession): Promise<AccountSessionVerdict> {
    const { sql, parameters } = accountSessionVerdictStatement(session);
    const [row]: { open: boolean; current: boolean }[] = await this.dataSource.query(sql, parameters);
    return accountSessionVerdict(row);
  }

  /** Every account of `kind` (open or not), oldest first: the operator's lists of desk staff. */
  listByKind(ctx: RequestContext, kind: AccountKind): Promise<StoredAccount[]> {
    return this.manager(ctx).find(AccountEntity, { where: { kind }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }
}
