import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { Transactions, type RequestContext, requireIndividual } from '@infobank/platform';
import { ProviderLinkStore } from '../infrastructure/provider-link.store';
import { LinkNotFoundError } from '../links.errors';
import { ONLY_SIGNED_IN_INDIVIDUALS } from './link-actors';
import { LinkClock } from './link-clock';

/**
 * The individual ends one of their links: it becomes `removed`, its code (if still pending) stops
 * working and the provider may deposit nothing more under it. Idempotent: removing a removed link
 * again succeeds. Someone else's link, or an unknown id, is LINK_NOT_FOUND. Records already deposited
 * stay until the individual erases them (DELETE /v1/me/data).
 */
@Injectable()
export class RemoveOwnLinkUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly links: ProviderLinkStore,
    private readonly clock: LinkClock,
  ) {}

  async execute(ctx: RequestContext, command: { linkId: string }): Promise<void> {
    const individualId = requireIndividual(ctx, ONLY_SIGNED_IN_INDIVIDUALS);
    if (!isUuid(command.linkId)) throw new LinkNotFoundError();
    await this.transactions.run(ctx, async (tx) => {
      if (await this.links.removeOwn(tx, command.linkId, individualId, this.clock.now(tx))) return;
      if ((await this.links.providerOf(tx, command.linkId, individualId)) === null) throw new LinkNotFoundError();
    });
  }
}
