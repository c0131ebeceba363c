import { Injectable } from '@nestjs/common';
import { inTransaction, type RequestContext, requireProvider, ValidationFailedError } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { linkCodeDigest, normaliseLinkCode } from '../domain/link-code';
import { customerRefProblem, isRedeemable } from '../domain/provider-link';
import { customerLockName, individualLockName, lockLinkNames } from '../infrastructure/link-locks';
import { ProviderLinkEntity } from '../infrastructure/provider-link.entity';
import { CustomerRefInUseError, LinkCodeInvalidError } from '../links.errors';
import { ONLY_AUTHENTICATED_PROVIDERS } from './link-actors';
import { LinkClock } from './link-clock';
import { removedNow } from './link-removal';

/** What a provider sends to bind its customer to the individual who gave it the code. */
export interface RedeemLinkCodeCommand {
  linkCode: string;
  customerRef: string;
}

/** The now active link and the categories the provider may deposit under it. */
export interface RedeemedLink {
  linkId: string;
  categories: string[];
}

/**
 * The provider redeems a link code: the pending link becomes `active` with the provider's customer
 * reference. A code works once, only for the provider it was made for, and only before it expires;
 * every other case is LINK_CODE_INVALID, alike, and changes nothing (a wrong provider cannot burn a
 * code). Two redemptions of one code race for a row lock: exactly one wins.
 *
 * One active link per customer and per individual at a provider:
 * - a customer reference already active for a different individual is CUSTOMER_REF_IN_USE (the
 *   provider must remove that link first, so one customer's data never lands in another's vault);
 * - if the individual already has an active link at this provider (under this or another customer
 *   reference), the new link replaces it: the old one is removed in the same transaction, so the
 *   categories of the newest consent apply from then on.
 */
@Injectable()
export class RedeemLinkCodeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: LinkClock,
  ) {}

  async execute(ctx: RequestContext, command: RedeemLinkCodeCommand): Promise<RedeemedLink> {
    const providerId = requireProvider(ctx, ONLY_AUTHENTICATED_PROVIDERS);
    const refProblem = customerRefProblem(command.customerRef);
    if (refProblem !== undefined) throw new ValidationFailedError([{ path: '/customerRef', message: refProblem }]);
    const code = typeof command.linkCode === 'string' ? normaliseLinkCode(command.linkCode) : null;
    if (code === null) throw new LinkCodeInvalidError();
    const codeHash = linkCodeDigest(code);

    return inTransaction(ctx, this.dataSource, async (manager) => {
      const candidate = await manager.findOne(ProviderLinkEntity, {
        where: { codeHash },
        select: { id: true, individualId: true, providerId: true },
      });
      if (candidate === null || candidate.providerId !== providerId) throw new LinkCodeInvalidError();
      // Advisory locks first, row lock second, in every path that changes active links (no deadlocks).
      await lockLinkNames(manager, [individualLockName(candidate.individualId), customerLockName(providerId, command.customerRef)]);
      const link = await manager.findOne(ProviderLinkEntity, {
        where: { id: candidate.id, codeHash },
        lock: { mode: 'pessimistic_write' },
      });
      const now = this.clock.now();
      if (link === null || !isRedeemable(link, now)) throw new LinkCodeInvalidError();

      await this.replaceEarlierLinks(manager, link, command.customerRef, now);
      await manager.update(
        ProviderLinkEntity,
        { id: link.id },
        { status: 'active', customerRef: command.customerRef, linkedAt: now, codeHash: null },
      );
      return { linkId: link.id, categories: link.categories };
    });
  }

  private async replaceEarlierLinks(manager: EntityManager, link: ProviderLinkEntity, customerRef: string, now: Date): Promise<void> {
    const holder = await manager.findOne(ProviderLinkEntity, {
      where: { providerId: link.providerId, customerRef, status: 'active' },
      select: { id: true, individualId: true },
    });
    if (holder !== null && holder.individualId !== link.individualId) throw new CustomerRefInUseError();
    await manager
      .createQueryBuilder()
      .update(ProviderLinkEntity)
      .set(removedNow(now))
      .where(`provider_id = :providerId AND individual_id = :individualId AND status = 'active'`, link)
      .execute();
  }
}
