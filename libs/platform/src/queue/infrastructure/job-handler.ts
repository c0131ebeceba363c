import { SetMetadata } from '@nestjs/common';
import type { TransactionalContext } from '../../context/application/request-context';
import type { JobContract } from './job-contract';

/** The context a job handler runs in: a system actor and the transaction its effects must use. */
export type JobContext = TransactionalContext;

/**
 * Does the work of one job. Must be idempotent; for outbox jobs the worker also marks the outbox row
 * completed in the same transaction, so a job delivered twice has its effect once.
 */
export interface JobHandler<Payload = unknown> {
  handle(payload: Payload, context: JobContext): Promise<void>;
}

export const JOB_HANDLER_METADATA = 'infobank:job-handler';

/** Marks a provider as the one handler of a job contract; the worker finds it at start. */
export function HandlesJob(contract: JobContract<unknown>): ClassDecorator {
  return SetMetadata(JOB_HANDLER_METADATA, contract);
}

/** Throws unless every contract has exactly one handler and every handler has a contract. */
export function assertEveryJobHasOneHandler(
  contracts: readonly JobContract<unknown>[],
  handlers: readonly { contract: JobContract<unknown>; handlerName: string }[],
): void {
  const problems: string[] = [];
  const names = contracts.map((contract) => contract.name);
  for (const name of new Set(names)) {
    if (names.filter((other) => other === name).length > 1) problems.push(`job "${name}" is declared more than once`);
    const count = handlers.filter((entry) => entry.contract.name === name).length;
    if (count === 0) problems.push(`job "${name}" has no handler`);
    if (count > 1) problems.push(`job "${name}" has ${count} handlers`);
  }
  for (const entry of handlers) {
    if (!names.includes(entry.contract.name))
      problems.push(`${entry.handlerName} handles "${entry.contract.name}", which no contract declares`);
  }
  if (problems.length > 0) throw new Error(`The worker cannot start:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
}
