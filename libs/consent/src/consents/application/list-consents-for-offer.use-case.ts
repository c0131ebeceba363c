import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { requireBankActor, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import type { GrantedConsent } from '../domain/consent';
import { ConsentEntity } from '../infrastructure/consent.entity';
import { stateOfRow } from '../infrastructure/consent-state.mapper';

/** The columns stateOfRow reads: everything but the (large) offer snapshot. */
const STATE_COLUMNS = [
  'id',
  'individualId',
  'offerId',
  'recipientId',
  'status',
  'mode',
  'source',
  'items',
  'expiresAt',
  'explanation',
  'version',
  'grantedAt',
  'updatedAt',
  'endedAt',
  'revocationReason',
  'expiryCause',
] as const satisfies readonly (keyof ConsentEntity)[];

/**
 * Who may be provided to an offer's recipient (transfers, system or operator actor): one consent per
 * individual who ever consented to the offer — the live one (active or paused) if there is one, else
 * the most recently granted ended one, so that a transfer can say the individual revoked or expired.
 * Ordered by individual id.
 */
@Injectable()
export class ListConsentsForOfferUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, query: { offerId: string }): Promise<GrantedConsent[]> {
    requireBankActor(ctx, { detail: "Listing the consents to an offer is for the bank's own processes only" });
    if (!isUuid(query.offerId)) throw new ValidationFailedError([{ path: '/offerId', message: 'must be a uuid' }]);
    // DISTINCT ON keeps the first row per individual in this order: live before ended, then the newest grant.
    const rows = await (ctx.transaction ?? this.dataSource.manager)
      .createQueryBuilder(ConsentEntity, 'consent')
      .select(STATE_COLUMNS.map((column) => `consent.${column}`))
      .distinctOn(['consent.individual_id'])
      .where('consent.offer_id = :offerId', { offerId: query.offerId })
      .orderBy('consent.individual_id', 'ASC')
      .addOrderBy('consent.ended_at IS NULL', 'DESC')
      .addOrderBy('consent.granted_at', 'DESC')
      .addOrderBy('consent.id', 'ASC')
      .getMany();
    return rows.map(stateOfRow);
  }
}
