import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  enqueueJob,
  type RequestContext,
  requireIndividual,
  Transactions,
  ValidationFailedError,
} from '@infobank/platform';
import { disclosureDueAt, parseDisclosureOrder } from '../domain/disclosure';
import { DisclosureInProgressError } from '../disclosures.errors';
import { BUILD_DISCLOSURE_JOB } from '../disclosures.jobs';
import { DisclosureRequestStore } from '../infrastructure/disclosure-request.store';
import { disclosureView, ONLY_INDIVIDUALS, type DisclosureView } from './disclosure-view';

/**
 * An individual asks for disclosure of what the bank holds about them (開示請求): `{ scope, format }`.
 * The request is recorded with its due date and the worker's build job in one transaction; a second
 * request waits until the first is ready (DISCLOSURE_IN_PROGRESS).
 */
@Injectable()
export class RequestDisclosureUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly store: DisclosureRequestStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(ctx: RequestContext, body: unknown): Promise<DisclosureView> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS);
    const order = parseDisclosureOrder(body);
    if ('problems' in order) throw new ValidationFailedError(order.problems);
    return this.transactions.run(ctx, async (tx) => {
      if ((await this.store.inProgressOf(tx, individualId)) !== null) throw new DisclosureInProgressError();
      const now = tx.now();
      const row = {
        id: randomUUID(),
        individualId,
        sections: order.sections,
        format: order.format,
        status: 'requested' as const,
        requestedAt: now,
        dueAt: disclosureDueAt(now, this.config.disclosure.dueDays),
        buildingAt: null,
        readyAt: null,
        expiresAt: null,
        expiredAt: null,
        bundleBytes: null,
        bundleSha256: null,
        manifestJws: null,
      };
      await this.store.insert(tx, row);
      await enqueueJob(tx, BUILD_DISCLOSURE_JOB, { disclosureId: row.id });
      return disclosureView(row, now);
    });
  }
}
