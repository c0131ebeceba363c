import { randomUUID } from 'node:crypto';
import { installCommitClock, runRevocationRace, type RaceResult } from '../../bench/revocation-race-harness';
import { isolatedEnvironment, openTestDataSource, testLogger, type IsolatedEnvironment } from '../../support/platform';

const TRIALS = 300;

describe('gateway: revocation wins races against part downloads (invariant 2, by the database’s commit order)', () => {
  let environment: IsolatedEnvironment;

  beforeAll(async () => {
    environment = await isolatedEnvironment();
  }, 60_000);

  afterAll(async () => {
    await environment?.dispose();
  });

  it('the commit clock orders transactions by commit, not by start: the later one committing first gets the lower tick', async () => {
    const { dataSource } = environment;
    await installCommitClock(environment.config);
    // A scratch table stamped by the same function the race's triggers use (created by the owner role).
    const owner = await openTestDataSource(environment.config, 'migration');
    try {
      await owner.query(`
        CREATE TABLE "race_probe" ("id" uuid PRIMARY KEY, "consent_id" uuid NOT NULL);
        CREATE CONSTRAINT TRIGGER "race_probe_committed" AFTER INSERT ON "race_probe"
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "race_record_commit"('race_probe');
      `);
    } finally {
      await owner.destroy();
    }
    const [earlier, later] = [dataSource.createQueryRunner(), dataSource.createQueryRunner()];
    const [startedFirst, startedSecond] = [randomUUID(), randomUUID()];
    try {
      await earlier.startTransaction();
      await earlier.query(`INSERT INTO "race_probe" ("id", "consent_id") VALUES ($1, $1)`, [startedFirst]);
      await later.startTransaction();
      await later.query(`INSERT INTO "race_probe" ("id", "consent_id") VALUES ($1, $1)`, [startedSecond]);
      // Nothing is stamped before COMMIT: the triggers are deferred.
      expect(await dataSource.query(`SELECT 1 FROM "race_commit_order" WHERE "table_name" = 'race_probe'`)).toEqual([]);
      await later.commitTransaction();
      await earlier.commitTransaction();
    } finally {
      await Promise.all([earlier.release(), later.release()]);
    }
    const ticks: { row_id: string; tick: string }[] = await dataSource.query(
      `SELECT "row_id", "tick" FROM "race_commit_order" WHERE "table_name" = 'race_probe' ORDER BY "tick"`,
    );
    expect(ticks.map((row) => row.row_id)).toEqual([startedSecond, startedFirst]);
    expect(Number(ticks[0].tick)).toBeLessThan(Number(ticks[1].tick));
  });

  it(`${TRIALS} concurrent trials of revoke against download: every provision committed before its consent's revocation, or none was made`, async () => {
    const result: RaceResult = await runRevocationRace(
      { config: environment.config, dataSource: environment.dataSource, logger: testLogger('revocation-race') },
      { trials: TRIALS, concurrency: 8, maxDelayMs: 150 },
    );
    const { trialLatenciesMs, findings, ...counts } = result;
    console.info(`revocation race: ${JSON.stringify(counts)}`);
    expect({ violations: result.violations, anomalies: result.anomalies, findings }).toEqual({ violations: 0, anomalies: 0, findings: [] });
    expect(result.providedBeforeRevocation + result.refused).toBe(TRIALS);
    expect(trialLatenciesMs).toHaveLength(TRIALS);
  }, 90_000);
});
