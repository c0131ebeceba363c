import { Injectable } from '@nestjs/common';
import { type RequestContext, requireIndividual } from '@infobank/platform';
import { DisclosureNotFoundError } from '../disclosures.errors';
import { DisclosureRequestStore } from '../infrastructure/disclosure-request.store';
import { disclosureView, ONLY_INDIVIDUALS, type DisclosureView } from './disclosure-view';

/** Most requests one listing returns. */
export const MAX_LISTED_DISCLOSURES = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** My disclosure requests, newest first. */
@Injectable()
export class ListMyDisclosuresUseCase {
  constructor(private readonly store: DisclosureRequestStore) {}

  async execute(ctx: RequestContext): Promise<DisclosureView[]> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS);
    const now = ctx.now();
    return (await this.store.listOf(ctx, individualId, MAX_LISTED_DISCLOSURES)).map((row) => disclosureView(row, now));
  }
}

/** One of my disclosure requests; another individual's reads as not found. */
@Injectable()
export class GetMyDisclosureUseCase {
  constructor(private readonly store: DisclosureRequestStore) {}

  async execute(ctx: RequestContext, disclosureId: string): Promise<DisclosureView> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS);
    const row = UUID.test(disclosureId) ? await this.store.findOwn(ctx, individualId, disclosureId.toLowerCase()) : null;
    if (row === null) throw new DisclosureNotFoundError();
    return disclosureView(row, ctx.now());
  }
}
