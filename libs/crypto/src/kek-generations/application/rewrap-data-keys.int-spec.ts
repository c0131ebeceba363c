import { randomUUID } from 'node:crypto';
import { KekGenerationWorld } from '../../../../../test/support/kek-generation-world';
import { GenerationKeyManagementService } from './generation-key-management.service';
import type { RewrapProgressReport } from './rewrap-data-keys.use-case';

/** The real KMS, except that the process "dies" at its n-th wrap (mid-batch), as a crash or deploy would. */
class CrashingKeyManagement extends GenerationKeyManagementService {
  private wraps = 0;

  constructor(
    inner: KekGenerationWorld,
    private readonly crashAt: number,
  ) {
    super(inner.files, inner.legacy, inner.newestSource, { newestTtlMs: 0, keyTtlMs: 0 });
  }

  override async wrapUnderGeneration(dataKey: Buffer, generation: number) {
    this.wraps += 1;
    if (this.wraps === this.crashAt) throw new Error('process killed');
    return super.wrapUnderGeneration(dataKey, generation);
  }
}

jest.setTimeout(60_000);

describe('re-wrap of live data keys into the newest KEK generation', () => {
  let world: KekGenerationWorld;
  const subjects = Array.from({ length: 25 }, () => randomUUID()).sort();
  const aad = Buffer.from('record:1');
  const ciphertexts = new Map<string, Buffer>();
  const now = new Date();

  beforeAll(async () => {
    world = await KekGenerationWorld.start();
  });

  afterAll(async () => {
    await world?.dispose();
  });

  const generationsOf = async (): Promise<Record<string, number>> => {
    const rows: { kek_generation: number; keys: number }[] = await world.dataSource.query(
      `SELECT "kek_generation", count(*)::int AS "keys" FROM "data_keys" GROUP BY 1 ORDER BY 1`,
    );
    return Object.fromEntries(rows.map((row) => [String(row.kek_generation), row.keys]));
  };

  it('is resumable: interrupted mid-way, resumed, every live key ends on the newest generation, progress reported', async () => {
    await world.rotate().execute(world.at(now));
    for (const subjectId of subjects)
      ciphertexts.set(subjectId, await world.envelope().encrypt(world.at(), subjectId, Buffer.from(subjectId), aad));
    await world.rotate().execute(world.at(now));
    expect(await generationsOf()).toEqual({ '1': 25 });

    // A first run stops after one batch (its time budget), having committed 10 keys.
    const first = await world.rewrap().execute(world.at(now), { batchSize: 10, maxBatches: 1 });
    expect(first).toMatchObject({ generation: 2, rewrappedThisRun: 10, rewrappedKeys: 10, remainingKeys: 15, percent: 40, done: false });
    expect((await world.status().execute(world.at())).rewrap).toMatchObject({
      generation: 2,
      rewrappedKeys: 10,
      remainingKeys: 15,
      percent: 40,
      completedAt: null,
    });

    // A second run is killed in the middle of its batch: that batch rolls back, the committed progress stays.
    await expect(world.rewrap(new CrashingKeyManagement(world, 4)).execute(world.at(now), { batchSize: 10 })).rejects.toThrow(
      'process killed',
    );
    expect(await generationsOf()).toEqual({ '1': 15, '2': 10 });
    expect((await world.status().execute(world.at())).rewrap).toMatchObject({ rewrappedKeys: 10, remainingKeys: 15 });

    // A fresh process resumes at the cursor and finishes, reporting progress after every batch.
    const reports: RewrapProgressReport[] = [];
    const resumed = await world.rewrap().execute(world.at(now), { batchSize: 10, onProgress: (progress) => reports.push(progress) });

    expect(resumed).toMatchObject({ generation: 2, rewrappedThisRun: 15, rewrappedKeys: 25, remainingKeys: 0, percent: 100, done: true });
    expect(reports.map((report) => [report.rewrappedKeys, report.remainingKeys, report.percent])).toEqual([
      [20, 5, 80],
      [25, 0, 100],
    ]);
    expect(await generationsOf()).toEqual({ '2': 25 });
    for (const subjectId of subjects) {
      expect((await world.envelope().decrypt(world.at(), subjectId, ciphertexts.get(subjectId)!, aad)).toString()).toBe(subjectId);
    }
    const status = await world.status().execute(world.at());
    expect(status.rewrap.completedAt).toEqual(now);
    expect(status.generations[0]).toMatchObject({ generation: 1, state: 'retired', liveDataKeys: 0, drainedAt: now });
  });

  it('catches a key a lagging process wrapped under the old generation, and restarts that generation’s retention clock', async () => {
    const lagging = randomUUID();
    // A process that has not noticed the rotation yet wraps under generation 1.
    const dataKey = Buffer.alloc(32, 7);
    const wrapped = await world.keyManagement.wrapUnderGeneration(dataKey, 1);
    await world.dataSource.query(
      `INSERT INTO "data_keys" ("subject_id", "kek_id", "kek_generation", "wrapped_key") VALUES ($1, $2, 1, $3)`,
      [lagging, wrapped.kekId, wrapped.wrappedKey],
    );
    const later = new Date(now.getTime() + 60_000);

    const run = await world.rewrap().execute(world.at(later));

    expect(run).toMatchObject({ rewrappedThisRun: 1, remainingKeys: 0, done: true });
    expect(await generationsOf()).toEqual({ '2': 26 });
    const [generation1] = (await world.status().execute(world.at())).generations;
    expect(generation1.drainedAt).toEqual(later);
    const [row] = await world.dataSource.query(`SELECT "kek_id", "wrapped_key" FROM "data_keys" WHERE "subject_id" = $1`, [lagging]);
    expect((await world.keyManagement.unwrapDataKey(row.kek_id, row.wrapped_key)).equals(dataKey)).toBe(true);
  });
});
