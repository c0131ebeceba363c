/** The BullMQ queues. Each job contract names one; the worker runs one BullMQ worker per queue. */
export const QUEUE_NAMES = ['transfers', 'revocations', 'notifications', 'webhooks', 'ledger', 'rights', 'schedules'] as const;

/** A queue's name. */
export type QueueName = (typeof QUEUE_NAMES)[number];

/**
 * BullMQ key prefix: the configured prefix as a Redis Cluster hash tag, so that every key of every
 * queue lands in one slot (BullMQ's multi-key scripts require it).
 */
export function bullPrefix(redisPrefix: string): string {
  return `{${redisPrefix}}`;
}
