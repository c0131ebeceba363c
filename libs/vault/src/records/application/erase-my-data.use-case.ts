import { Injectable } from '@nestjs/common';
import { inTransaction, type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { actingIndividualId } from '../../links/application/link-actors';
import { IndividualRecordsQueries } from '../infrastructure/individual-records.queries';
import { parseEraseQuery, type EraseQueryInput } from './record-query';

/** How many records an erasure removed (with all their versions). */
export interface ErasedData {
  erasedRecords: number;
}

/**
 * Erases the signed-in individual's records of one provider, optionally of one category: the rows
 * and every earlier version of them are deleted. The individual's data key stays for their other
 * records (erasing everything for good, key included, is closing the account). A link that is still
 * active lets the provider deposit again afterwards; removing the link stops that.
 */
@Injectable()
export class EraseMyDataUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: IndividualRecordsQueries,
  ) {}

  async execute(ctx: RequestContext, query: EraseQueryInput): Promise<ErasedData> {
    const individualId = actingIndividualId(ctx);
    const filter = parseEraseQuery(query);
    return { erasedRecords: await inTransaction(ctx, this.dataSource, (manager) => this.queries.erase(manager, individualId, filter)) };
  }
}
