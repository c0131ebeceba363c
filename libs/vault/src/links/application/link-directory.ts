import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { inTransaction, type RequestContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { individualLockName, lockLinkNames } from '../infrastructure/link-locks';
import { ProviderLinkEntity } from '../infrastructure/provider-link.entity';

/** A provider's active link to one individual: whose data it may deposit, and in which categories. */
export interface ActiveLink {
  linkId: string;
  individualId: string;
  categories: string[];
}

/** Read side of provider links for other parts of the vault (deposits, account closure). */
@Injectable()
export class LinkDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** The provider's active links for these customer refs (refs without one are absent from the map). */
  async findActiveLinks(
    providerId: string,
    customerRefs: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, ActiveLink>> {
    const links = new Map<string, ActiveLink>();
    if (customerRefs.length === 0 || !isUuid(providerId)) return links;
    // One query whatever the batch size; served by the partial unique index on (provider_id, customer_ref).
    const rows: { id: string; individual_id: string; categories: string[]; customer_ref: string }[] = await manager.query(
      `SELECT "id", "individual_id", "categories", "customer_ref" FROM "provider_links"
        WHERE "provider_id" = $1 AND "status" = 'active' AND "customer_ref" = ANY($2::text[])`,
      [providerId, [...new Set(customerRefs)]],
    );
    for (const row of rows) links.set(row.customer_ref, { linkId: row.id, individualId: row.individual_id, categories: row.categories });
    return links;
  }

  /**
   * Deletes every link of the individual, whatever its status (account closure): the rows go, with
   * the providers' customer references for them. Waits for deposits in flight under those links
   * (they share-lock them), so none commits afterwards. Returns how many links were deleted.
   */
  async deleteAllOf(ctx: RequestContext, individualId: string): Promise<number> {
    if (!isUuid(individualId)) return 0;
    return inTransaction(ctx, this.dataSource, async (manager) => {
      await lockLinkNames(manager, [individualLockName(individualId)]);
      const deleted = await manager.delete(ProviderLinkEntity, { individualId });
      return deleted.affected ?? 0;
    });
  }
}
