import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BankKeyRing, generateKeyPairJwk, keyMaterialSettingsFrom, loadKeyMaterial } from '@infobank/crypto';
import { DomainError, createRequestContext, withTransaction, Transactions } from '@infobank/platform';
import { SealTransparencyLogUseCase, TransparencyLog, type InclusionProofView, TransparencyLogStore } from '@infobank/transparency-log';
import { eventually, isolatedEnvironment, type IsolatedEnvironment } from '../../../../test/support/platform';
import { CliUsageError, CommandOptions, parseCommandArguments } from '../cli-arguments';
import { LOG_COMMANDS } from './log.commands';

/** The context the tests read and seal the transparency log under. */
const logCtx = createRequestContext({ type: 'system', name: 'transparency-log-test' });

describe('npm run admin -- log:verify-proof', () => {
  const command = LOG_COMMANDS.find((candidate) => candidate.name === 'log:verify-proof')!;
  let environment: IsolatedEnvironment;
  let directory: string;
  let keyRing: BankKeyRing;
  let proof: InclusionProofView;

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    directory = await mkdtemp(join(tmpdir(), 'infobank-log-cli-'));
    // The bank keys of the configuration, as the command reads them when no --jwks is given.
    keyRing = await BankKeyRing.fromKeyMaterial(await loadKeyMaterial(keyMaterialSettingsFrom(environment.config)));
    const log = new TransparencyLog(new TransparencyLogStore(environment.dataSource));
    const id = await environment.dataSource.transaction((manager) =>
      log.append(withTransaction(logCtx, manager), { kind: 'test.leaf', body: Buffer.from('granted') }),
    );
    // Another test's open transaction on this cluster can hold the sealer back for a moment: seal until it took the leaf.
    proof = await eventually('the leaf sealed', async () => {
      await environment.dataSource.transaction((manager) =>
        new SealTransparencyLogUseCase(
          keyRing,
          new Transactions(environment.dataSource),
          new TransparencyLogStore(environment.dataSource),
        ).execute(withTransaction(logCtx, manager)),
      );
      return log.inclusionProof(logCtx, id);
    });
  });
  afterAll(async () => {
    await environment?.dispose();
    await rm(directory, { recursive: true, force: true });
  });

  const run = async (options: Record<string, string>): Promise<unknown> => {
    const parsed = new Map(Object.entries(options));
    return command.run(environment.config, new CommandOptions(command.name, parsed, command.options));
  };
  const writeJson = async (name: string, value: unknown): Promise<string> => {
    const path = join(directory, name);
    await writeFile(path, JSON.stringify(value));
    return path;
  };

  it('accepts a proof the bank served, against a JWKS file and against the configured bank keys', async () => {
    const file = await writeJson('proof.json', proof);
    const jwks = await writeJson('jwks.json', keyRing.publicJwks());
    await expect(run({ file, jwks })).resolves.toMatchObject({ valid: true, proof: 'inclusion', leafIndex: proof.leafIndex });
    await expect(run({ file })).resolves.toMatchObject({ valid: true, checkpoint: { treeSize: proof.leafIndex + 1 } });
  });

  it('takes the proof file as a bare argument (`log:verify-proof FILE`), and not twice', async () => {
    const file = await writeJson('bare.json', proof);
    const parsed = parseCommandArguments(command.name, [file], command.options, command.argument);
    const options = new CommandOptions(command.name, parsed, command.options);
    await expect(command.run(environment.config, options)).resolves.toMatchObject({ valid: true, proof: 'inclusion' });
    expect(() => parseCommandArguments(command.name, [file, '--file', file], command.options, command.argument)).toThrow(
      '--file is given twice',
    );
    expect(() => parseCommandArguments('org:suspend', ['stray'], ['org'])).toThrow('Unexpected argument "stray"');
  });

  it('refuses a proof whose leaf was changed, or one checked against another JWKS', async () => {
    const changed = Buffer.from(proof.leaf, 'base64url');
    changed[0] ^= 1;
    const tampered = await writeJson('tampered.json', { ...proof, leaf: changed.toString('base64url') });
    await expect(run({ file: tampered })).rejects.toMatchObject({ code: 'LOG_PROOF_INVALID' });

    const stranger = await generateKeyPairJwk('EdDSA');
    const otherJwks = await writeJson('other-jwks.json', { keys: [{ ...stranger.publicJwk, kid: keyRing.currentKid }] });
    const error = await run({ file: await writeJson('proof.json', proof), jwks: otherJwks }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'LOG_PROOF_INVALID' });
  });

  it('names the option when a file is missing or not JSON', async () => {
    await expect(run({ file: join(directory, 'missing.json') })).rejects.toThrow(CliUsageError);
    const notJson = join(directory, 'not.json');
    await writeFile(notJson, 'not json');
    await expect(run({ file: notJson })).rejects.toThrow('--file');
  });
});
