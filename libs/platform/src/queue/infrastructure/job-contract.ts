import { UnrecoverableError } from 'bullmq';
import type { FieldProblem } from '../../errors/domain/domain-error';
import type { QueueName } from './queue-names';

/**
 * The kinds of value a job payload may carry. There is deliberately no free-text kind: payloads
 * carry ids only, so personal data cannot enter Redis through a job.
 */
export type PayloadFieldKind = 'uuid' | 'id' | 'integer' | 'timestamp';

type FieldValue<K extends PayloadFieldKind> = K extends 'integer' ? number : string;

/** The typed payload a contract's fields describe. */
export type PayloadOf<Fields extends Record<string, PayloadFieldKind>> = { [Key in keyof Fields]: FieldValue<Fields[Key]> };

/** A job's queue, name and payload shape; API apps enqueue through it without importing worker code. */
export interface JobContract<Payload = Record<string, string | number>> {
  readonly queue: QueueName;
  readonly name: string;
  readonly fields: Readonly<Record<string, PayloadFieldKind>>;
  /** `outbox` jobs are enqueued through the outbox; `schedule` jobs are repeatable, added by the worker. */
  readonly origin: 'outbox' | 'schedule';
  /** For `schedule` jobs: how often the worker runs it. */
  readonly repeatEveryMs?: number;
  /** Deliveries and the first exponential backoff delay, when the platform's defaults do not suit (e.g. remote webhooks). */
  readonly retry?: JobRetry;
  /** Marker for the payload type only; never set. */
  readonly payloadType?: Payload;
}

/** How often a job is tried and how long BullMQ waits before the first retry (doubling each time). */
export interface JobRetry {
  readonly attempts: number;
  readonly backoffMs: number;
}

/**
 * Declares a job contract. A schedule job carries no payload at all (no fields) and names its period: it
 * has no outbox row, so the empty payload is the only thing the worker accepts from Redis for it.
 */
export function defineJob<const Fields extends Record<string, PayloadFieldKind>>(definition: {
  queue: QueueName;
  name: string;
  fields: Fields;
  origin?: 'outbox' | 'schedule';
  repeatEveryMs?: number;
  retry?: JobRetry;
}): JobContract<PayloadOf<Fields>> {
  if (definition.origin === 'schedule') {
    if (Object.keys(definition.fields).length > 0) throw new Error(`Schedule job ${definition.name} must declare no payload fields`);
    if (!Number.isSafeInteger(definition.repeatEveryMs) || (definition.repeatEveryMs ?? 0) <= 0)
      throw new Error(`Schedule job ${definition.name} must declare repeatEveryMs`);
  }
  return { origin: 'outbox', ...definition };
}

const patterns: Record<Exclude<PayloadFieldKind, 'integer'>, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  id: /^[A-Za-z0-9_.:-]{1,128}$/,
  timestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/,
};

/** Lists what is wrong with a payload for this contract (an empty list means it is valid). */
export function checkPayload(contract: JobContract<unknown>, payload: unknown): FieldProblem[] {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return [{ path: '', message: 'payload must be an object' }];
  }
  const problems: FieldProblem[] = [];
  const record = payload as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(key in contract.fields)) problems.push({ path: `/${key}`, message: 'is not part of the job contract' });
  }
  for (const [key, kind] of Object.entries(contract.fields)) {
    const value = record[key];
    const valid = kind === 'integer' ? Number.isSafeInteger(value) : typeof value === 'string' && patterns[kind].test(value);
    if (!valid) problems.push({ path: `/${key}`, message: `must be a ${kind}` });
  }
  return problems;
}

/** Throws BullMQ's UnrecoverableError (no retry) when the payload breaks the contract. */
export function assertPayload<Payload>(contract: JobContract<Payload>, payload: unknown): Payload {
  const problems = checkPayload(contract, payload);
  if (problems.length > 0) {
    // Paths only: the values themselves might be what should never be logged.
    throw new UnrecoverableError(`Job ${contract.name}: invalid payload at ${problems.map((problem) => problem.path || '/').join(', ')}`);
  }
  return payload as Payload;
}
