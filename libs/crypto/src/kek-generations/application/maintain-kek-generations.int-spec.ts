import { randomUUID } from 'node:crypto';
import { KekGenerationWorld } from '../../../../../test/support/kek-generation-world';

const DAY = 24 * 60 * 60 * 1000;

jest.setTimeout(60_000);

describe("the worker's KEK generation schedule", () => {
  let world: KekGenerationWorld;

  beforeAll(async () => {
    world = await KekGenerationWorld.start({ rotationDays: 30, backupRetentionDays: 35 });
  });

  afterAll(async () => {
    await world?.dispose();
  });

  it('moves keys off the legacy KEK, rotates every rotationDays, and destroys a generation once the retention window has passed', async () => {
    const t0 = new Date();
    const at = (days: number) => new Date(t0.getTime() + days * DAY);
    const run = (days: number) => world.maintain().execute(world.at(at(days)), { timeBudgetMs: 30_000 });
    const subjectId = randomUUID();
    const aad = Buffer.from('record:1');
    const ciphertext = await world.envelope().encrypt(world.at(), subjectId, Buffer.from('from before generations'), aad);

    expect(await run(0)).toEqual({ rotatedTo: 1, rewrapped: 1, rewrapDone: true, destroyed: [] });
    expect(await run(29)).toEqual({ rotatedTo: null, rewrapped: 0, rewrapDone: true, destroyed: [] });
    expect(await run(30)).toEqual({ rotatedTo: 2, rewrapped: 1, rewrapDone: true, destroyed: [] });
    expect(await run(59)).toEqual({ rotatedTo: null, rewrapped: 0, rewrapDone: true, destroyed: [] });
    expect(await run(60)).toEqual({ rotatedTo: 3, rewrapped: 1, rewrapDone: true, destroyed: [] });
    // Generation 1 was drained on day 30: destroyed once the 35 days of backups since then have aged out.
    expect(await run(64.9)).toEqual({ rotatedTo: null, rewrapped: 0, rewrapDone: true, destroyed: [] });
    expect(await run(65)).toEqual({ rotatedTo: null, rewrapped: 0, rewrapDone: true, destroyed: [1] });

    const status = await world.status().execute(world.at());
    expect(status.generations.map(({ generation, state, keyFile }) => [generation, state, keyFile])).toEqual([
      [1, 'destroyed', 'erased'],
      [2, 'retired', 'held'],
      [3, 'active', 'held'],
    ]);
    expect(status.legacyDataKeys).toBe(0);
    expect((await world.envelope().decrypt(world.at(), subjectId, ciphertext, aad)).toString()).toBe('from before generations');
  });
});
