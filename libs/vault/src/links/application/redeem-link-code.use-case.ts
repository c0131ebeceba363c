import { Injectable } from '@nestjs/common';
import { Transactions, ValidationFailedError, type RequestContext, type TransactionalContext, requireProvider } from '@infobank/platform';
import { linkCodeDigest, normaliseLinkCode } from '../domain/link-code';
import { customerRefProblem, isRedeemable } from '../domain/provider-link';
import type { ProviderLinkEntity } from '../infrastructure/provider-link.entity';
import { ProviderLinkStore } from '../infrastructure/provider-link.store';
import { CustomerRefInUseError, LinkCodeInvalidError } from '../links.errors';
import { ONLY_AUTHENTICATED_PROVIDERS } from './link-actors';
import { LinkClock } from './link-clock';

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
    private readonly transactions: Transactions,
    private readonly links: ProviderLinkStore,
    private readonly clock: LinkClock,
  ) {}

  async execute(ctx: RequestContext, command: RedeemLinkCodeCommand): Promise<RedeemedLink> {
    const providerId = requireProvider(ctx, ONLY_AUTHENTICATED_PROVIDERS);
    const refProblem = customerRefProblem(command.customerRef);
    if (refProblem !== undefined) throw new ValidationFailedError([{ path: '/customerRef', message: refProblem }]);
    const code = typeof command.linkCode === 'string' ? normaliseLinkCode(command.linkCode) : null;
    if (code === null) throw new LinkCodeInvalidError();
    const codeHash = linkCodeDigest(code);

    return this.transactions.run(ctx, async (tx) => {
      const candidate = await this.links.findByCodeHash(tx, codeHash);
      if (candidate === null || candidate.providerId !== providerId) throw new LinkCodeInvalidError();
      // Advisory locks first, row lock second, in every path that changes active links (no deadlocks).
      await this.links.lockForRedemption(tx, candidate.individualId, providerId, command.customerRef);
      const link = await this.links.lockWithCode(tx, candidate.id, codeHash);
      const now = this.clock.now(tx);
      if (link === null || !isRedeemable(link, now)) throw new LinkCodeInvalidError();

      await this.replaceEarlierLinks(tx, link, command.customerRef, now);
      await this.links.activate(tx, link.id, command.customerRef, now);
      return { linkId: link.id, categories: link.categories };
    });
  }

  private async replaceEarlierLinks(tx: TransactionalContext, link: ProviderLinkEntity, customerRef: string, now: Date): Promise<void> {
    const holder = await this.links.activeHolderOf(tx, link.providerId, customerRef);
    if (holder !== null && holder !== link.individualId) throw new CustomerRefInUseError();
    await this.links.removeActiveOf(tx, link.providerId, link.individualId, now);
  }
}
