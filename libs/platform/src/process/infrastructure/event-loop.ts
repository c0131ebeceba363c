import { setImmediate } from 'node:timers/promises';

/**
 * Lets pending I/O callbacks run before long synchronous work goes on. A transaction that holds a lock
 * and waits for its next database reply must not wait behind another task's CPU work in the same process:
 * long loops (decrypting a part's records, packaging its subjects) call this every few hundred items.
 */
export async function yieldToEventLoop(): Promise<void> {
  await setImmediate();
}
