import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { ListMyRecordsUseCase, ListMyRecordVersionsUseCase, MAX_RECORD_PAGE, type OwnRecord, type OwnRecordVersion } from '@infobank/vault';
import type { CollectedSection, DisclosureSectionCollector } from './disclosure-section';

/** records: every deposited record with every version, oldest version first, each with its provenance. */
@Injectable()
export class RecordsSection implements DisclosureSectionCollector {
  readonly section = 'records' as const;

  constructor(
    private readonly records: ListMyRecordsUseCase,
    private readonly versions: ListMyRecordVersionsUseCase,
  ) {}

  async collect(ctx: RequestContext): Promise<CollectedSection> {
    const records: ReturnType<typeof disclosedRecord>[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.records.execute(ctx, { limit: String(MAX_RECORD_PAGE), ...(cursor === undefined ? {} : { cursor }) });
      const earlier = await this.versions.execute(
        ctx,
        page.records.map((record) => record.id),
      );
      for (const record of page.records)
        records.push(
          disclosedRecord(
            record,
            earlier.filter((version) => version.id === record.id),
          ),
        );
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    const rows = records.flatMap((record) =>
      record.versions.map((version) => ({
        id: record.id,
        recordId: record.recordId,
        providerId: record.providerId,
        category: record.category,
        version: String(version.version),
        observedAt: version.observedAt,
        data: version.data,
        batchId: version.provenance.batchId,
        batchDigest: version.provenance.batchDigest,
        signingKid: version.provenance.signingKid,
        receivedAt: version.provenance.receivedAt,
        supersededAt: version.supersededAt,
      })),
    );
    return { document: { records }, rows };
  }
}

function disclosedRecord(current: OwnRecord, earlier: readonly OwnRecordVersion[]) {
  return {
    id: current.id,
    recordId: current.recordId,
    providerId: current.providerId,
    category: current.category,
    firstReceivedAt: current.firstReceivedAt,
    versions: [
      ...earlier.map((version) => ({
        version: version.version,
        observedAt: version.observedAt,
        data: version.data,
        provenance: version.provenance,
        supersededAt: version.supersededAt as string | null,
      })),
      { version: current.version, observedAt: current.observedAt, data: current.data, provenance: current.provenance, supersededAt: null },
    ],
  };
}
