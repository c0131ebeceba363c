import { Transactions, createRequestContext } from '@infobank/platform';
import { BankKeyRing, keyMaterialSettingsFrom, loadKeyMaterial } from '@infobank/crypto';
import { SealTransparencyLogUseCase, TransparencyLogStore } from '@infobank/transparency-log';
import { seedLogLedgers } from '../../../../test/bench/log-ledger-seed';
import { eventually, isolatedEnvironment, type IsolatedEnvironment } from '../../../../test/support/platform';
import { CliUsageError, CommandOptions } from '../cli-arguments';
import { LOG_COMMANDS } from './log.commands';

describe('npm run admin -- log:verify-all', () => {
  const command = LOG_COMMANDS.find((candidate) => candidate.name === 'log:verify-all')!;
  let environment: IsolatedEnvironment;

  beforeAll(async () => {
    // Its own database: the whole log is verified, so no other suite's leaves may be in it.
    environment = await isolatedEnvironment();
    const keyRing = await BankKeyRing.fromKeyMaterial(await loadKeyMaterial(keyMaterialSettingsFrom(environment.config)));
    await seedLogLedgers(environment.dataSource, { consentEvents: 3, provisions: 2 });
    await eventually('the leaves sealed', async () => {
      const outcome = await new SealTransparencyLogUseCase(
        keyRing,
        new Transactions(environment.dataSource),
        new TransparencyLogStore(environment.dataSource),
      ).execute(createRequestContext({ type: 'system', name: 'test' }));
      return outcome.outcome !== 'busy' && outcome.treeSize === 5;
    });
  });
  afterAll(async () => {
    await environment?.dispose();
  });

  const run = (options: Record<string, string>): Promise<unknown> =>
    command.run(environment.config, new CommandOptions(command.name, new Map(Object.entries(options)), command.options));

  it('verifies the whole log, prints the signed result and reports progress as plain lines on a non-terminal stderr', async () => {
    // The exit code is the process's: another file run earlier in this Jest worker may have set it.
    process.exitCode = undefined;
    const written: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const result = await run({});
      expect(result).toMatchObject({
        status: 'passed',
        trigger: 'operator',
        fromSize: 0,
        toSize: 5,
        failureCount: 0,
        result: expect.any(String),
      });
    } finally {
      write.mockRestore();
    }
    expect(written.join('')).toMatch(/^log verification [0-9a-f-]{36}: done 5\/5 leaves, 1 checkpoints, 0 failures \(passed\)\n$/m);
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('refuses a size that is not a whole number, naming the option', async () => {
    await expect(run({ from: 'ten' })).rejects.toThrow(CliUsageError);
    await expect(run({ to: '99' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ path: '/toSize' })],
    });
  });
});
