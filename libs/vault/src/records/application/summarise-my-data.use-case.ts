import { Injectable } from '@nestjs/common';
import { findDataCategory, OrganisationDirectory, type LocalisedText, type OrganisationName } from '@infobank/catalog';
import { type RequestContext, requireIndividual } from '@infobank/platform';
import { ONLY_SIGNED_IN_INDIVIDUALS } from '../../links/application/link-actors';
import { IndividualRecordsQueries } from '../infrastructure/individual-records.queries';

/** What the bank holds about the individual from one provider in one category. */
export interface DataHolding {
  providerId: string;
  /** The provider's registered names (null if it is no longer registered). */
  providerName: OrganisationName | null;
  category: string;
  /** The category's name in ja and en (null for a category the catalog no longer has). */
  categoryLabel: LocalisedText | null;
  count: number;
  latestObservedAt: string;
}

/** The signed-in individual's deposited data at a glance: per provider × category, how many records and the latest. */
@Injectable()
export class SummariseMyDataUseCase {
  constructor(
    private readonly queries: IndividualRecordsQueries,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async execute(ctx: RequestContext): Promise<{ holdings: DataHolding[] }> {
    const groups = await this.queries.groups(requireIndividual(ctx, ONLY_SIGNED_IN_INDIVIDUALS));
    const profiles = await this.organisations.findProfiles(
      ctx,
      groups.map((group) => group.providerId),
    );
    return {
      holdings: groups.map((group) => ({
        providerId: group.providerId,
        providerName: profiles.get(group.providerId)?.name ?? null,
        category: group.category,
        categoryLabel: findDataCategory(group.category)?.label ?? null,
        count: group.count,
        latestObservedAt: group.latestObservedAt.toISOString(),
      })),
    };
  }
}
