import { Injectable } from '@nestjs/common';
import { Transactions, type RequestContext, requireProvider } from '@infobank/platform';
import { isCustomerRef } from '../domain/provider-link';
import { ProviderLinkStore } from '../infrastructure/provider-link.store';
import { LinkNotFoundError } from '../links.errors';
import { ONLY_AUTHENTICATED_PROVIDERS } from './link-actors';
import { LinkClock } from './link-clock';

/**
 * The provider ends its active link for one of its customers (the customer left, or asked it to):
 * the link becomes `removed` and nothing more may be deposited under it. A reference with no active
 * link of this provider, whoever else may use it, is LINK_NOT_FOUND.
 */
@Injectable()
export class UnlinkCustomerUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly links: ProviderLinkStore,
    private readonly clock: LinkClock,
  ) {}

  async execute(ctx: RequestContext, command: { customerRef: string }): Promise<void> {
    const providerId = requireProvider(ctx, ONLY_AUTHENTICATED_PROVIDERS);
    const notFound = () => new LinkNotFoundError('You have no active link for this customer reference.');
    if (!isCustomerRef(command.customerRef)) throw notFound();
    await this.transactions.run(ctx, async (tx) => {
      if (!(await this.links.removeByCustomerRef(tx, providerId, command.customerRef, this.clock.now(tx)))) throw notFound();
    });
  }
}
