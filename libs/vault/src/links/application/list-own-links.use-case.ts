import { Injectable } from '@nestjs/common';
import { OrganisationDirectory, type OrganisationName } from '@infobank/catalog';
import type { RequestContext } from '@infobank/platform';
import { displayStatus, type LinkDisplayStatus } from '../domain/provider-link';
import { ProviderLinkStore } from '../infrastructure/provider-link.store';
import { ONLY_SIGNED_IN_INDIVIDUALS } from './link-actors';
import { requireIndividual } from '@infobank/platform';
import { LinkClock } from './link-clock';

/**
 * One of the individual's provider links as they see it. The customer reference is shown: it is the
 * provider's own identifier for this individual, about them and held by the bank, so its owner may
 * see it (APPI disclosure) and needs it to tell two accounts at one provider apart. The link code and
 * its hash never appear.
 */
export interface OwnLink {
  linkId: string;
  providerId: string;
  /** The provider's registered names, or null if the provider is no longer in the directory. */
  providerName: OrganisationName | null;
  categories: string[];
  status: LinkDisplayStatus;
  customerRef: string | null;
  createdAt: Date;
  /** Until when the link code could be redeemed (meaningful while pending). */
  codeExpiresAt: Date;
  linkedAt: Date | null;
  removedAt: Date | null;
}

/** The acting individual's provider links, newest first, removed ones included (their history). */
@Injectable()
export class ListOwnLinksUseCase {
  constructor(
    private readonly links: ProviderLinkStore,
    private readonly organisations: OrganisationDirectory,
    private readonly clock: LinkClock,
  ) {}

  async execute(ctx: RequestContext): Promise<OwnLink[]> {
    const individualId = requireIndividual(ctx, ONLY_SIGNED_IN_INDIVIDUALS);
    const links = await this.links.allOf(ctx, individualId);
    const profiles = await this.organisations.findProfiles(
      ctx,
      links.map((link) => link.providerId),
    );
    const now = this.clock.now(ctx);
    return links.map((link) => ({
      linkId: link.id,
      providerId: link.providerId,
      providerName: profiles.get(link.providerId)?.name ?? null,
      categories: link.categories,
      status: displayStatus(link, now),
      customerRef: link.customerRef,
      createdAt: link.createdAt,
      codeExpiresAt: link.codeExpiresAt,
      linkedAt: link.linkedAt,
      removedAt: link.removedAt,
    }));
  }
}
