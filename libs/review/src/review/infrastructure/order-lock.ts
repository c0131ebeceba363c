import type { EntityManager } from 'typeorm';

// One advisory lock key for "which stop-use orders are effective". Orders taking effect or lifting
// hold it exclusively; a case being decided holds it shared, so an approval can never slip past an
// order that is becoming effective at the same moment (and end up approved instead of suspended).
const ORDERS_LOCK = `hashtext('infobank.review.stop-use-orders')`;

/** Holds the orders lock exclusively until the transaction ends (orders taking effect or lifting). */
export async function lockOrdersExclusively(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(${ORDERS_LOCK})`);
}

/** Holds the orders lock shared until the transaction ends (deciding a case against the effective orders). */
export async function lockOrdersShared(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock_shared(${ORDERS_LOCK})`);
}
