import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../context/application/request-context';
import { ValidationFailedError } from '../../errors/domain/domain-error';
import { checkPayload, JobContract } from '../../queue/infrastructure/job-contract';
import { OutboxMessageEntity } from './outbox-message.entity';

/**
 * Records a job in the outbox inside the caller's transaction: it reaches BullMQ only if that
 * transaction commits, and it survives any Redis loss. Returns the outbox id (= the BullMQ job id).
 */
export async function enqueueJob<Payload>(
  context: RequestContext & { transaction: EntityManager },
  contract: JobContract<Payload>,
  payload: Payload,
  options: { availableAt?: Date } = {},
): Promise<string> {
  if (contract.origin !== 'outbox') throw new Error(`Job ${contract.name} is scheduled by the worker, not enqueued`);
  const problems = checkPayload(contract, payload);
  if (problems.length > 0) throw new ValidationFailedError(problems, `Job ${contract.name} payload breaks its contract.`);
  const id = randomUUID();
  await context.transaction.insert(OutboxMessageEntity, {
    id,
    queue: contract.queue,
    jobName: contract.name,
    payload: payload as Record<string, string | number>,
    correlationId: context.correlationId,
    ...(options.availableAt ? { availableAt: options.availableAt } : {}),
  });
  return id;
}
