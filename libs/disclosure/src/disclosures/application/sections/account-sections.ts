import { Injectable } from '@nestjs/common';
import { AccountStore } from '@infobank/identity';
import { NotFoundError, type RequestContext, requireIndividual } from '@infobank/platform';
import { GetMyBenefitsUseCase, MAX_BENEFIT_PAGE, type BenefitEntryView } from '@infobank/rights';
import { ListOwnLinksUseCase } from '@infobank/vault';
import { iso, type CollectedSection, type DisclosureSectionCollector } from './disclosure-section';

/** profile: the individual's account as the bank holds it. */
@Injectable()
export class ProfileSection implements DisclosureSectionCollector {
  readonly section = 'profile' as const;

  constructor(private readonly accounts: AccountStore) {}

  async collect(ctx: RequestContext): Promise<CollectedSection> {
    const individualId = requireIndividual(ctx);
    const account = await this.accounts.findById(ctx, individualId, 'individual');
    if (account === null) throw new NotFoundError('The account of this disclosure request no longer exists.');
    const document = { individualId: account.id, email: account.email, displayName: account.displayName, language: account.language };
    return { document, rows: [document] };
  }
}

/** links: every provider link, removed ones included. */
@Injectable()
export class LinksSection implements DisclosureSectionCollector {
  readonly section = 'links' as const;

  constructor(private readonly links: ListOwnLinksUseCase) {}

  async collect(ctx: RequestContext): Promise<CollectedSection> {
    const links = (await this.links.execute(ctx)).map((link) => ({
      linkId: link.linkId,
      providerId: link.providerId,
      providerName: link.providerName,
      categories: link.categories,
      status: link.status,
      customerRef: link.customerRef,
      createdAt: iso(link.createdAt),
      codeExpiresAt: iso(link.codeExpiresAt),
      linkedAt: iso(link.linkedAt),
      removedAt: iso(link.removedAt),
    }));
    return { document: { links }, rows: links };
  }
}

/** benefits: the balance and every entry, newest first. */
@Injectable()
export class BenefitsSection implements DisclosureSectionCollector {
  readonly section = 'benefits' as const;

  constructor(private readonly benefits: GetMyBenefitsUseCase) {}

  async collect(ctx: RequestContext): Promise<CollectedSection> {
    const entries: BenefitEntryView[] = [];
    let page = await this.benefits.execute(ctx, { limit: MAX_BENEFIT_PAGE });
    entries.push(...page.entries);
    while (page.nextCursor !== null) {
      page = await this.benefits.execute(ctx, { limit: MAX_BENEFIT_PAGE, cursor: page.nextCursor });
      entries.push(...page.entries);
    }
    const rows = entries.map((entry) => ({
      id: entry.id,
      provisionId: entry.provisionId,
      offerId: entry.offerId,
      recipientId: entry.recipient.id,
      recipientName: entry.recipient.name,
      type: entry.type,
      amount: entry.amount,
      description: entry.description,
      creditedAt: entry.creditedAt,
    }));
    return { document: { balance: page.balance, entries }, rows };
  }
}
