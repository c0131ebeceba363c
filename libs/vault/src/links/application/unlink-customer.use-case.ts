import { Injectable } from '@nestjs/common';
import { inTransaction, type RequestContext, requireProvider } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { isCustomerRef } from '../domain/provider-link';
import { ProviderLinkEntity } from '../infrastructure/provider-link.entity';
import { LinkNotFoundError } from '../links.errors';
import { ONLY_AUTHENTICATED_PROVIDERS } from './link-actors';
import { LinkClock } from './link-clock';
import { removedNow } from './link-removal';

/**
 * The provider ends its active link for one of its customers (the customer left, or asked it to):
 * the link becomes `removed` and nothing more may be deposited under it. A reference with no active
 * link of this provider, whoever else may use it, is LINK_NOT_FOUND.
 */
@Injectable()
export class UnlinkCustomerUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: LinkClock,
  ) {}

  async execute(ctx: RequestContext, command: { customerRef: string }): Promise<void> {
    const providerId = requireProvider(ctx, ONLY_AUTHENTICATED_PROVIDERS);
    const notFound = () => new LinkNotFoundError('You have no active link for this customer reference.');
    if (!isCustomerRef(command.customerRef)) throw notFound();
    await inTransaction(ctx, this.dataSource, async (manager) => {
      const removed = await manager
        .createQueryBuilder()
        .update(ProviderLinkEntity)
        .set(removedNow(this.clock.now()))
        .where(`provider_id = :providerId AND customer_ref = :customerRef AND status = 'active'`, {
          providerId,
          customerRef: command.customerRef,
        })
        .execute();
      if (removed.affected === 0) throw notFound();
    });
  }
}
