import { Injectable } from '@nestjs/common';
import { UnauthenticatedError } from '@infobank/auth';
import { isBankActor, type RequestContext } from '@infobank/platform';
import {
  ProvisionRecordStore,
  type DataLifeCursor,
  type DataLifePage,
  type ProvisionForNotice,
} from '../infrastructure/provision-record.store';

export type { DataLifeCursor, DataLifePage, ProvisionForNotice } from '../infrastructure/provision-record.store';

/**
 * The provision records that withdrawal propagation turns into notices to recipients: those under one
 * consent, of one individual, under some offers, or whose data life (provided_at + data_life_days) has
 * ended. The bank's own actors only (system or operator): the records name individuals.
 */
@Injectable()
export class ProvisionsForNoticeUseCase {
  constructor(private readonly records: ProvisionRecordStore) {}

  /** Every provision made under this consent (ix_provision_records_consent). */
  async byConsent(ctx: RequestContext, consentId: string): Promise<ProvisionForNotice[]> {
    requireBank(ctx);
    return this.records.byConsent(ctx, consentId);
  }

  /** Every provision of this individual's data (ix_provision_records_individual_time). */
  async byIndividual(ctx: RequestContext, individualId: string): Promise<ProvisionForNotice[]> {
    requireBank(ctx);
    return this.records.byIndividual(ctx, individualId);
  }

  /** Every provision made under these offers. */
  async byOffers(ctx: RequestContext, offerIds: readonly string[]): Promise<ProvisionForNotice[]> {
    requireBank(ctx);
    return this.records.byOffers(ctx, offerIds);
  }

  /**
   * One page of provisions whose data life has ended by `now`, in order of that end (then id) after
   * `after`, served by ix_provision_records_data_life_end. Provisions already noticed come back too: the caller skips them.
   */
  async dataLifeDue(ctx: RequestContext, query: { now: Date; after: DataLifeCursor | null; limit: number }): Promise<DataLifePage> {
    requireBank(ctx);
    return this.records.dataLifeDue(ctx, query);
  }
}

function requireBank(ctx: RequestContext): void {
  if (!isBankActor(ctx.actor)) {
    throw new UnauthenticatedError('Only the bank reads provisions for withdrawal notices.');
  }
}
