import { Injectable } from '@nestjs/common';
import { isUuidText, ReplicaReads, requireIndividual, type RequestContext } from '@infobank/platform';
import { ProvisionRecordStore } from '../infrastructure/provision-record.store';
import { ProvisionNotFoundError } from '../../provision.errors';

/** Which recipient and consent one of my provisions was made to and under. */
export interface OwnProvisionReference {
  id: string;
  recipientId: string;
  consentId: string;
}

/**
 * One of the signed-in individual's provision records, by id, as a reference (for a complaint that names
 * it); another individual's provision reads as one that does not exist (PROVISION_NOT_FOUND).
 */
@Injectable()
export class GetOwnProvisionUseCase {
  constructor(
    private readonly records: ProvisionRecordStore,
    private readonly reads: ReplicaReads,
  ) {}

  async execute(ctx: RequestContext, provisionId: string): Promise<OwnProvisionReference> {
    const individualId = requireIndividual(ctx);
    const row = isUuidText(provisionId)
      ? await this.reads.run(ctx, (read) => this.records.findOwn(read, individualId, provisionId.toLowerCase()))
      : null;
    if (row === null) throw new ProvisionNotFoundError();
    return { id: row.id, recipientId: row.recipientId, consentId: row.consentId };
  }
}
