import { Injectable } from '@nestjs/common';
import { inTransaction, type RequestContext } from '@infobank/platform';
import { ProvisionsForNoticeUseCase, type DataLifeCursor, type ProvisionForNotice } from '@infobank/provision';
import { DataSource, type EntityManager } from 'typeorm';
import { NoticeIssuer } from './notice-issuer';

/** Provisions read per page while looking for ended data lives. */
const PAGE = 5_000;

/** Most newly ended provisions one run notices (the next run, ten minutes later, takes the rest). */
export const DATA_LIFE_BATCH = 200_000;

/**
 * The scheduled data-life run (every 10 minutes): provisions whose data life (provided_at +
 * data_life_days) has ended by `now` and that were not yet noticed as such give each recipient holding
 * them one `data_life_ended` notice for this run.
 */
@Injectable()
export class IssueDataLifeNoticesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly provisions: ProvisionsForNoticeUseCase,
    private readonly issuer: NoticeIssuer,
  ) {}

  async execute(ctx: RequestContext, command: { now?: Date } = {}): Promise<string[]> {
    const now = command.now ?? new Date();
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const txCtx = { ...ctx, transaction: manager };
      const due: ProvisionForNotice[] = [];
      let after: DataLifeCursor | null = null;
      do {
        const page = await this.provisions.dataLifeDue(txCtx, { now, after, limit: PAGE });
        due.push(...(await notYetNoticed(manager, page.provisions)));
        after = page.next;
      } while (after !== null && due.length < DATA_LIFE_BATCH);
      if (due.length === 0) return [];
      return this.issuer.issue(manager, {
        kind: 'data_life_ended',
        sourceKey: `data-life:${now.toISOString()}`,
        provisions: due,
        now,
        correlationId: ctx.correlationId,
      });
    });
  }
}

/** Drops provisions already noticed for their data-life end (the unique index would skip them anyway). */
async function notYetNoticed(manager: EntityManager, provisions: readonly ProvisionForNotice[]): Promise<ProvisionForNotice[]> {
  if (provisions.length === 0) return [];
  const noticed: { provision_id: string }[] = await manager.query(
    `SELECT "provision_id" FROM "withdrawal_notice_provisions" WHERE "kind" = 'data_life_ended' AND "provision_id" = ANY($1::uuid[])`,
    [provisions.map((provision) => provision.provisionId)],
  );
  const skip = new Set(noticed.map((row) => row.provision_id));
  return provisions.filter((provision) => !skip.has(provision.provisionId));
}
