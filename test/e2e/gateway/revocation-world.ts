// Withdrawal propagation over the transfers world: the apps run as in transfer-world.ts, and the worker's
// revocation handlers run in-process from the outbox rows the causes wrote (so a suite can check each
// step), through a context holding the same modules as the worker.
import type { INestApplicationContext } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { RevokeConsentsOfClosedAccountUseCase, ConsentModule } from '@infobank/consent';
import { CryptoModule, PseudonymousIds } from '@infobank/crypto';
import { SCHEMA } from '@infobank/migrations';
import { createRequestContext, PlatformModule, type JobContext, type RequestContext, withoutTransaction } from '@infobank/platform';
import { AddBoardMemberUseCase, ConfirmStopUseOrderUseCase, ProposeStopUseOrderUseCase, ReviewModule } from '@infobank/review';
import {
  IssueDataLifeNoticesUseCase,
  PropagateConsentEndUseCase,
  PropagateErasureUseCase,
  PropagateStopUseOrderUseCase,
  RevocationModule,
  WithdrawalNoticeEntity,
} from '@infobank/revocation';
import { randomUUID } from 'node:crypto';
import { testLogger } from '../../support/platform';
import type { Individual } from '../intake/link-world';
import { newIndividual } from '../portal/session-client';
import { TransferWorld, type Recipient, type TransferWorldOptions } from './transfer-world';

/** An outbox row a cause wrote (not yet run). */
export interface OutboxJob {
  id: string;
  payload: Record<string, string>;
}

@Module({})
class PropagationHostModule {}

export class RevocationWorld {
  private constructor(
    readonly transfers: TransferWorld,
    readonly host: INestApplicationContext,
  ) {}

  static async start(options: TransferWorldOptions = {}): Promise<RevocationWorld> {
    const transfers = await TransferWorld.start({ ...options, worker: false });
    const host = await NestFactory.createApplicationContext(
      {
        module: PropagationHostModule,
        imports: [
          PlatformModule.forRoot({ service: 'worker', config: transfers.environment.config, logger: testLogger('worker'), ...SCHEMA }),
          CryptoModule.forPlatform(),
          ConsentModule,
          ReviewModule,
          RevocationModule,
        ],
      },
      { logger: false, abortOnError: false },
    );
    return new RevocationWorld(transfers, host);
  }

  async close(): Promise<void> {
    await this.host.close();
    await this.transfers.close();
  }

  /** A use case of the worker-like context. */
  use<T>(type: new (...args: never[]) => T): T {
    return this.host.get(type, { strict: false });
  }

  /** The pseudonymous id `recipient` knows `individual` by. */
  subjectOf(individual: Individual, recipient: Recipient): string {
    return this.transfers.use(PseudonymousIds).forRecipient(recipient.client.organisationId, individual.id);
  }

  /** Outbox rows of `jobName` not yet run (oldest first). */
  async pending(jobName: string): Promise<OutboxJob[]> {
    return this.transfers.environment.dataSource.query(
      `SELECT "id", "payload" FROM "outbox" WHERE "job_name" = $1 AND "completed_at" IS NULL ORDER BY "created_at", "id"`,
      [jobName],
    );
  }

  /** Every outbox row of `jobName` whose payload has `field` = `value`, run or not. */
  async written(jobName: string, field: string, value: string): Promise<OutboxJob[]> {
    return this.transfers.environment.dataSource.query(
      `SELECT "id", "payload" FROM "outbox" WHERE "job_name" = $1 AND "payload" ->> $2 = $3 ORDER BY "created_at", "id"`,
      [jobName, field, value],
    );
  }

  /** Runs the pending `jobName` rows as the worker does: each in a transaction that also marks its row done. */
  async runPending(jobName: string, handle: (payload: Record<string, string>, context: JobContext) => Promise<unknown>): Promise<number> {
    const jobs = await this.pending(jobName);
    for (const job of jobs) {
      await this.transfers.environment.dataSource.transaction(async (manager) => {
        await manager.query(`UPDATE "outbox" SET "completed_at" = now() WHERE "id" = $1`, [job.id]);
        const context: JobContext = {
          ...createRequestContext({ type: 'system', name: `job:${jobName}` }),
          transaction: manager,
        };
        await handle(job.payload, context);
      });
    }
    return jobs.length;
  }

  /** The `consent.ended` handler over every pending row. */
  propagateConsentEnds(): Promise<number> {
    return this.runPending('consent.ended', (payload, context) =>
      this.use(PropagateConsentEndUseCase).execute(context, { consentId: payload.consentId }),
    );
  }

  /** The `account.closed` handler (revokes the closed account's consents; each revocation writes its own `consent.ended`). */
  closeAccounts(): Promise<number> {
    return this.runPending('account.closed', (payload, context) =>
      this.use(RevokeConsentsOfClosedAccountUseCase).execute(withoutTransaction(context), { individualId: payload.individualId }),
    );
  }

  /** The `stop-use-order.effective` handler over every pending row. */
  propagateOrders(): Promise<number> {
    return this.runPending('stop-use-order.effective', (payload, context) =>
      this.use(PropagateStopUseOrderUseCase).execute(context, { orderId: payload.orderId }),
    );
  }

  /** The `data.erased` handler over every pending row. */
  propagateErasures(): Promise<number> {
    return this.runPending('data.erased', (payload, context) =>
      this.use(PropagateErasureUseCase).execute(context, { individualId: payload.individualId, erasureId: payload.erasureId }),
    );
  }

  /** The data-life run as of `now`. */
  dataLife(now: Date): Promise<string[]> {
    return this.use(IssueDataLifeNoticesUseCase).execute({ ...system(), now: () => now });
  }

  /** The notices issued to a recipient, oldest first. */
  noticesOf(recipient: Recipient): Promise<WithdrawalNoticeEntity[]> {
    return this.transfers.environment.dataSource.manager.find(WithdrawalNoticeEntity, {
      where: { recipientId: recipient.client.organisationId },
      order: { issuedAt: 'ASC', id: 'ASC' },
    });
  }

  /** The recipient's notices not in `before` (issue times can lie in the future: the data-life run takes a `now`). */
  async newNotices(recipient: Recipient, before: readonly WithdrawalNoticeEntity[]): Promise<WithdrawalNoticeEntity[]> {
    const known = new Set(before.map((notice) => notice.id));
    return (await this.noticesOf(recipient)).filter((notice) => !known.has(notice.id));
  }

  /** A stop-use order on `target`, proposed by one new board member and confirmed by another (it takes effect). */
  async effectiveOrder(target: { type: 'recipient' | 'offer' | 'category'; id: string }): Promise<string> {
    const operator = createRequestContext({ type: 'operator', name: 'test' });
    const member = async (expertise: 'legal' | 'engineer') =>
      (
        await this.use(AddBoardMemberUseCase).execute(operator, {
          email: newIndividual().email,
          password: newIndividual().password,
          name: `委員 ${expertise}`,
          expertise,
          external: expertise === 'legal',
        })
      ).id;
    const [proposer, confirmer] = [await member('legal'), await member('engineer')];
    const proposed = await this.use(ProposeStopUseOrderUseCase).execute(asMember(proposer), {
      target,
      reason: '提供先で情報漏えいが報告されたため。',
    });
    await this.use(ConfirmStopUseOrderUseCase).execute(asMember(confirmer), proposed.id);
    return proposed.id;
  }
}

function system(): RequestContext {
  return createRequestContext({ type: 'system', name: 'test' }, randomUUID());
}

function asMember(id: string): RequestContext {
  return createRequestContext({ type: 'board_member', id });
}
