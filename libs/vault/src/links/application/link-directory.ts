import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { Transactions, type RequestContext } from '@infobank/platform';
import { ProviderLinkStore } from '../infrastructure/provider-link.store';

/** A provider's active link to one individual: whose data it may deposit, and in which categories. */
export interface ActiveLink {
  linkId: string;
  individualId: string;
  categories: string[];
}

/** Read side of provider links for other parts of the vault (deposits, account closure). */
@Injectable()
export class LinkDirectory {
  constructor(
    private readonly transactions: Transactions,
    private readonly links: ProviderLinkStore,
  ) {}

  /** The provider's active links for these customer refs (refs without one are absent from the map). */
  async findActiveLinks(ctx: RequestContext, providerId: string, customerRefs: readonly string[]): Promise<Map<string, ActiveLink>> {
    const links = new Map<string, ActiveLink>();
    if (customerRefs.length === 0 || !isUuid(providerId)) return links;
    // One query whatever the batch size.
    const rows = await this.links.activeByCustomerRefs(ctx, providerId, customerRefs);
    for (const row of rows) links.set(row.customer_ref, { linkId: row.id, individualId: row.individual_id, categories: row.categories });
    return links;
  }

  /**
   * Deletes every link of the individual, whatever its status (account closure): the rows go, with
   * the providers' customer references for them. Waits for deposits in flight under those links
   * (they hold their provider's links lock shared), so none commits afterwards. Returns how many links were deleted.
   */
  async deleteAllOf(ctx: RequestContext, individualId: string): Promise<number> {
    if (!isUuid(individualId)) return 0;
    return this.transactions.run(ctx, (tx) => this.links.deleteAllOf(tx, individualId));
  }
}
