import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { inTransaction, type RequestContext, requireIndividual } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { ProviderLinkEntity } from '../infrastructure/provider-link.entity';
import { LinkNotFoundError } from '../links.errors';
import { ONLY_SIGNED_IN_INDIVIDUALS } from './link-actors';
import { LinkClock } from './link-clock';
import { removedNow } from './link-removal';

/**
 * The individual ends one of their links: it becomes `removed`, its code (if still pending) stops
 * working and the provider may deposit nothing more under it. Idempotent: removing a removed link
 * again succeeds. Someone else's link, or an unknown id, is LINK_NOT_FOUND. Records already deposited
 * stay until the individual erases them (DELETE /v1/me/data).
 */
@Injectable()
export class RemoveOwnLinkUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: LinkClock,
  ) {}

  async execute(ctx: RequestContext, command: { linkId: string }): Promise<void> {
    const individualId = requireIndividual(ctx, ONLY_SIGNED_IN_INDIVIDUALS);
    if (!isUuid(command.linkId)) throw new LinkNotFoundError();
    await inTransaction(ctx, this.dataSource, async (manager) => {
      const removed = await manager
        .createQueryBuilder()
        .update(ProviderLinkEntity)
        .set(removedNow(this.clock.now()))
        .where(`id = :id AND individual_id = :individualId AND status <> 'removed'`, { id: command.linkId, individualId })
        .execute();
      if (removed.affected !== 0) return;
      const owned = await manager.exists(ProviderLinkEntity, { where: { id: command.linkId, individualId } });
      if (!owned) throw new LinkNotFoundError();
    });
  }
}
