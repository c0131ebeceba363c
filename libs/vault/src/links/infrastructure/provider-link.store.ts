import { Injectable } from '@nestjs/common';
import { binaryArray, type RequestContext, type TransactionalContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { customerLockName, individualLockName, lockLinkNames, providerLinksLockName } from './link-locks';
import { ProviderLinkEntity } from './provider-link.entity';

/** A new pending link, as the individual asks for it. */
export interface PendingLinkRow {
  id: string;
  individualId: string;
  providerId: string;
  categories: string[];
  codeHash: Buffer;
  codeExpiresAt: Date;
}

/** The columns every removal sets: removed, when, and the code (if any) forgotten for good. */
function removedAt(now: Date) {
  return { status: 'removed' as const, removedAt: now, codeHash: null };
}

/**
 * provider_links: every read and write of links, and the advisory locks that serialise changes to one
 * individual's or one customer reference's active links (always taken before a link's row lock). A
 * change that ends active links of a provider also takes that provider's links lock exclusively
 * (after the individual's and customer's): it waits for the provider's deposits in flight, which
 * hold it shared, so they commit first and their records are seen by the erasure that follows.
 */
@Injectable()
export class ProviderLinkStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts a pending link unless its code hash is taken; returns whether it was inserted. */
  async insertPending(tx: TransactionalContext, row: PendingLinkRow): Promise<boolean> {
    const inserted = await tx.transaction
      .createQueryBuilder()
      .insert()
      .into(ProviderLinkEntity)
      .values({ ...row, status: 'pending' })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (inserted.raw as unknown[]).length === 1;
  }

  /** The provider's active links for these customer refs (served by the partial unique index on (provider_id, customer_ref)). */
  activeByCustomerRefs(
    ctx: RequestContext,
    providerId: string,
    customerRefs: readonly string[],
  ): Promise<{ id: string; individual_id: string; categories: string[]; customer_ref: string }[]> {
    return this.manager(ctx).query(
      `SELECT "id", "individual_id", "categories", "customer_ref" FROM "provider_links"
        WHERE "provider_id" = $1 AND "status" = 'active' AND "customer_ref" = ANY($2::text[])`,
      [providerId, binaryArray.text([...new Set(customerRefs)])],
    );
  }

  /** Every link of the individual, newest first. */
  allOf(ctx: RequestContext, individualId: string): Promise<ProviderLinkEntity[]> {
    return this.manager(ctx).find(ProviderLinkEntity, { where: { individualId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** Deletes every link of the individual, after taking the individual's link lock; returns how many went. */
  async deleteAllOf(tx: TransactionalContext, individualId: string): Promise<number> {
    await lockLinkNames(tx.transaction, [individualLockName(individualId)]);
    // No link of theirs can become active now (redemption needs the individual's lock): these are all.
    const providers: { provider_id: string }[] = await tx.transaction.query(
      `SELECT DISTINCT "provider_id" FROM "provider_links" WHERE "individual_id" = $1 AND "status" = 'active'`,
      [individualId],
    );
    await lockProviderLinks(tx, ...providers.map((row) => row.provider_id));
    const deleted = await tx.transaction.delete(ProviderLinkEntity, { individualId });
    return deleted.affected ?? 0;
  }

  /** The link holding this code hash, without a lock: who it is for and which provider may redeem it. */
  findByCodeHash(
    tx: TransactionalContext,
    codeHash: Buffer,
  ): Promise<Pick<ProviderLinkEntity, 'id' | 'individualId' | 'providerId'> | null> {
    return tx.transaction.findOne(ProviderLinkEntity, { where: { codeHash }, select: { id: true, individualId: true, providerId: true } });
  }

  /** Takes the individual's and the customer reference's link locks (advisory, in one order). */
  async lockForRedemption(tx: TransactionalContext, individualId: string, providerId: string, customerRef: string): Promise<void> {
    await lockLinkNames(tx.transaction, [individualLockName(individualId), customerLockName(providerId, customerRef)]);
    // Redeeming may replace the individual's active link at the provider.
    await lockProviderLinks(tx, providerId);
  }

  /** Locks the link for update if it still holds this code hash. */
  lockWithCode(tx: TransactionalContext, id: string, codeHash: Buffer): Promise<ProviderLinkEntity | null> {
    return tx.transaction.findOne(ProviderLinkEntity, { where: { id, codeHash }, lock: { mode: 'pessimistic_write' } });
  }

  /** The individual holding this customer reference's active link at the provider, if any. */
  async activeHolderOf(tx: TransactionalContext, providerId: string, customerRef: string): Promise<string | null> {
    const holder = await tx.transaction.findOne(ProviderLinkEntity, {
      where: { providerId, customerRef, status: 'active' },
      select: { id: true, individualId: true },
    });
    return holder?.individualId ?? null;
  }

  /** Removes the individual's active links at the provider. */
  async removeActiveOf(tx: TransactionalContext, providerId: string, individualId: string, now: Date): Promise<void> {
    await tx.transaction
      .createQueryBuilder()
      .update(ProviderLinkEntity)
      .set(removedAt(now))
      .where(`provider_id = :providerId AND individual_id = :individualId AND status = 'active'`, { providerId, individualId })
      .execute();
  }

  /** Makes the link active under the customer reference and forgets its code. */
  async activate(tx: TransactionalContext, id: string, customerRef: string, now: Date): Promise<void> {
    await tx.transaction.update(ProviderLinkEntity, { id }, { status: 'active', customerRef, linkedAt: now, codeHash: null });
  }

  /** Removes the individual's link unless already removed; returns whether a row changed. */
  async removeOwn(tx: TransactionalContext, id: string, individualId: string, now: Date): Promise<boolean> {
    const providerId = await this.providerOf(tx, id, individualId);
    if (providerId === null) return false;
    await lockProviderLinks(tx, providerId);
    const removed = await tx.transaction
      .createQueryBuilder()
      .update(ProviderLinkEntity)
      .set(removedAt(now))
      .where(`id = :id AND individual_id = :individualId AND status <> 'removed'`, { id, individualId })
      .execute();
    return removed.affected !== 0;
  }

  /** The provider of the individual's link, or null when the link is not theirs. */
  async providerOf(tx: TransactionalContext, id: string, individualId: string): Promise<string | null> {
    const link = await tx.transaction.findOne(ProviderLinkEntity, { where: { id, individualId }, select: { providerId: true } });
    return link?.providerId ?? null;
  }

  /** Removes the provider's active link for the customer reference; returns whether there was one. */
  async removeByCustomerRef(tx: TransactionalContext, providerId: string, customerRef: string, now: Date): Promise<boolean> {
    await lockProviderLinks(tx, providerId);
    const removed = await tx.transaction
      .createQueryBuilder()
      .update(ProviderLinkEntity)
      .set(removedAt(now))
      .where(`provider_id = :providerId AND customer_ref = :customerRef AND status = 'active'`, { providerId, customerRef })
      .execute();
    return removed.affected !== 0;
  }

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }
}

/** Takes these providers' links locks exclusively (to end active links of theirs). */
function lockProviderLinks(tx: TransactionalContext, ...providerIds: string[]): Promise<void> {
  return lockLinkNames(tx.transaction, providerIds.map(providerLinksLockName));
}
