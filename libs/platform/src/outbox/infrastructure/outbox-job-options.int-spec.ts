import { randomUUID } from 'node:crypto';
import { isolatedEnvironment, IsolatedEnvironment, testLogger } from '../../../../../test/support/platform';
import { createRequestContext } from '../../context/application/request-context';
import { defineJob } from '../../queue/infrastructure/job-contract';
import { DEFAULT_JOB_OPTIONS, QueueRegistry } from '../../queue/infrastructure/queue-registry';
import { enqueueJob } from './enqueue-job';
import { OutboxRelay } from './outbox-relay';

const PATIENT_JOB = defineJob({
  queue: 'webhooks',
  name: 'test.patient-job',
  fields: { thingId: 'uuid' },
  retry: { attempts: 5, backoffMs: 30_000 },
});
const ORDINARY_JOB = defineJob({ queue: 'webhooks', name: 'test.ordinary-job', fields: { thingId: 'uuid' } });

describe('outbox relay job options', () => {
  let environment: IsolatedEnvironment;
  let queues: QueueRegistry;

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    queues = new QueueRegistry(environment.config);
  });

  afterAll(async () => {
    await queues.get('webhooks').obliterate({ force: true });
    await queues.close();
    await environment.dispose();
  });

  async function relayed(contracts: Parameters<typeof enqueueJob>[1][]): Promise<Map<string, { attempts?: number; backoff?: unknown }>> {
    const ids = new Map<string, string>();
    await environment.dataSource.transaction(async (transaction) => {
      for (const contract of [PATIENT_JOB, ORDINARY_JOB]) {
        ids.set(
          contract.name,
          await enqueueJob({ ...createRequestContext({ type: 'system', name: 'test' }), transaction }, contract, { thingId: randomUUID() }),
        );
      }
    });
    const relay = new OutboxRelay(environment.dataSource, queues, testLogger(), environment.config.outbox, contracts);
    expect(await relay.relayOnce()).toBe(2);
    const options = new Map<string, { attempts?: number; backoff?: unknown }>();
    for (const [name, id] of ids) {
      const job = await queues.get('webhooks').getJob(id);
      options.set(name, { attempts: job?.opts.attempts, backoff: job?.opts.backoff });
    }
    return options;
  }

  it("Given the contracts, then a job is added with its contract's retry policy and others with the defaults", async () => {
    const options = await relayed([PATIENT_JOB, ORDINARY_JOB]);
    expect(options.get(PATIENT_JOB.name)).toEqual({ attempts: 5, backoff: { type: 'exponential', delay: 30_000 } });
    expect(options.get(ORDINARY_JOB.name)).toEqual({ attempts: DEFAULT_JOB_OPTIONS.attempts, backoff: DEFAULT_JOB_OPTIONS.backoff });
  });

  it('Given a relay that was not told the contracts, then every job gets the defaults', async () => {
    const options = await relayed([]);
    expect(options.get(PATIENT_JOB.name)).toEqual({ attempts: DEFAULT_JOB_OPTIONS.attempts, backoff: DEFAULT_JOB_OPTIONS.backoff });
  });
});
