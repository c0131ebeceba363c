import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/** Who is acting: the subject of every audit entry and provision record. */
export type Actor =
  | { type: 'anonymous' }
  | { type: 'individual'; id: string }
  | { type: 'organisation'; id: string; roles: readonly ('provider' | 'recipient')[] }
  | { type: 'board_member'; id: string }
  | { type: 'staff'; id: string }
  | { type: 'operator'; name: string }
  | { type: 'system'; name: string };

/** True for the bank's own actors (its processes and its operator), who act across individuals and organisations. */
export function isBankActor(actor: Actor): boolean {
  return actor.type === 'system' || actor.type === 'operator';
}

/** The time as the code under one context sees it; tests pass a fixed or stepping clock. */
export type Clock = () => Date;

/** The machine's clock: the one place application code reads it; everything else asks its context. */
// eslint-disable-next-line no-restricted-syntax
export const systemClock: Clock = () => new Date();

/** Passed first to every use case: who acts, which request this is, the open transaction and the clock. */
export interface RequestContext {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly transaction?: EntityManager;
  /** The current time; application code reads the time only through this. */
  readonly now: Clock;
}

/** A context bound to an open transaction. */
export type TransactionalContext = RequestContext & { readonly transaction: EntityManager };

/** Creates a context; a correlation id is generated when none is given, and the clock is the machine's unless given. */
export function createRequestContext(actor: Actor, correlationId: string = randomUUID(), now: Clock = systemClock): RequestContext {
  return { actor, correlationId, now };
}

/** Returns the same context bound to a transaction. */
export function withTransaction(context: RequestContext, transaction: EntityManager): TransactionalContext {
  return { ...context, transaction };
}

/** Returns the same context outside any transaction, for work that opens its own. */
export function withoutTransaction(context: RequestContext): RequestContext {
  return { actor: context.actor, correlationId: context.correlationId, now: context.now };
}

/** Returns the same request (correlation id, clock and transaction) acted on by another actor, such as a system step. */
export function withActor(context: RequestContext, actor: Actor): RequestContext {
  return { ...context, actor };
}

/** Runs `work` in the context's open transaction, or in a new one when the caller has none. */
export function inTransaction<T>(
  context: RequestContext,
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return context.transaction === undefined ? dataSource.transaction(work) : work(context.transaction);
}

/** What logging needs to know about the current request or job, wherever the code runs. */
export interface LogScope {
  correlationId: string;
}

const scope = new AsyncLocalStorage<LogScope>();

/** Runs `work` with a correlation id that every log line written inside it carries. */
export function runInLogScope<T>(value: LogScope, work: () => T): T {
  return scope.run(value, work);
}

/** The correlation id of the request or job this code runs for, if any. */
export function currentCorrelationId(): string | undefined {
  return scope.getStore()?.correlationId;
}

const correlationIdPattern = /^[A-Za-z0-9._:-]{1,100}$/;

/** Accepts a caller's correlation id only if it is short and plain; otherwise makes a new one. */
export function acceptCorrelationId(candidate: unknown): string {
  return typeof candidate === 'string' && correlationIdPattern.test(candidate) ? candidate : randomUUID();
}
