// Set up after the test framework in every suite that reaches PostgreSQL (jest.config.js): a query sent on a
// connection that is still running another (a Promise.all over one transaction's manager or query runner) fails
// the test that sent it. node-postgres 8 queues such a query and prints a deprecation warning once a process,
// which Jest shows without saying which file; pg 9 refuses it.
import { Client } from 'pg';

/** What a pg client holds while it runs a query (private fields of node-postgres 8, checked below). */
interface ClientQueue {
  _activeQuery: unknown;
  _queryQueue: unknown[];
}

/** The stacks of queries sent while their connection was busy, since the last check. */
const concurrent: string[] = [];

function watchClients(prototype: typeof Client.prototype): void {
  const probe = new Client() as unknown as ClientQueue;
  // A node-postgres upgrade that renames these would silently disarm the check: refuse instead.
  if (!('_activeQuery' in probe) || !Array.isArray(probe._queryQueue)) {
    throw new Error('test/support/no-concurrent-queries.ts: node-postgres no longer has _activeQuery/_queryQueue; update the check.');
  }
  const query = prototype.query as (...args: unknown[]) => unknown;
  prototype.query = function (this: ClientQueue, ...args: unknown[]) {
    if (this._activeQuery != null || this._queryQueue.length > 0) {
      const stack = new Error('A query was sent on a connection still running another').stack ?? '';
      concurrent.push(stack.split('\n').slice(0, 16).join('\n'));
    }
    return query.apply(this, args);
  } as typeof prototype.query;
}

/** Throws, once, if queries overlapped on one connection since the last call. */
export function assertNoConcurrentQueries(when: string): void {
  if (concurrent.length === 0) return;
  const stacks = concurrent.splice(0);
  throw new Error(
    `${stacks.length} quer${stacks.length === 1 ? 'y was' : 'ies were'} sent ${when} on a connection still running another ` +
      `(run them one after the other, or as one statement). The first:\n${stacks[0]}`,
  );
}

watchClients(Client.prototype);
// Each test answers for its own queries; hooks' (beforeAll, afterAll) are caught at the end of the file.
afterEach(() => assertNoConcurrentQueries('during this test'));
afterAll(() => assertNoConcurrentQueries('in this file'));
