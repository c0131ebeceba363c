import { readFile } from 'node:fs/promises';
import type { AppConfig } from '@infobank/platform';
import type { BankJwks } from '@infobank/transparency-log';
import { CliUsageError } from '../cli-arguments';
import { withAdminContext } from '../admin-context';
import type { AdminCommand } from './admin-command';
import { logVerificationProgress } from './log-verification-progress';

const JWKS_FETCH_TIMEOUT_MS = 10_000;

export const LOG_COMMANDS: readonly AdminCommand[] = [
  {
    name: 'log:verify-proof',
    usage: 'check a transparency-log inclusion or consistency proof offline against the bank JWKS (default: the configured bank keys)',
    options: [
      { name: 'file', valueName: 'FILE', required: true, description: 'the proof document (JSON) the bank served' },
      { name: 'jwks', valueName: 'FILE|URL', description: "the bank's published JWKS (default: the configured bank keys)" },
    ],
    examples: ['log:verify-proof proof.json --jwks https://bank.example.jp/.well-known/jwks.json'],
    argument: 'file',
    run: async (config, options) => {
      const document = await readJson(options.required('file'), 'file');
      const jwksSource = options.optional('jwks');
      const jwks = jwksSource === undefined ? await configuredJwks(config) : await readJwks(jwksSource);
      const { verifyLogProofDocument } = await import('@infobank/transparency-log');
      return verifyLogProofDocument(document, jwks);
    },
  },
  {
    name: 'log:verify-all',
    usage:
      'verify the whole transparency log and the ledgers under it (progress on stderr; the signed result as JSON; exit code 1 on any failure)',
    options: [
      { name: 'from', valueName: 'N', description: 'start at this tree size (default: 0)' },
      { name: 'to', valueName: 'N', description: 'stop at this tree size (default: the newest checkpoint)' },
      { name: 'resume', valueName: 'ID', description: 'continue an interrupted verification run' },
    ],
    examples: ['log:verify-all', 'log:verify-all --from 1000 --to 2000'],
    fields: { '/fromSize': 'from', '/toSize': 'to', '/resume': 'resume' },
    run: async (config, options) => {
      const command = {
        fromSize: size(options.optional('from'), 'from'),
        toSize: size(options.optional('to'), 'to'),
        resume: options.optional('resume'),
      };
      const { VerifyLogInlineUseCase } = await import('@infobank/oversight');
      const result = await withAdminContext(config, (app, ctx) =>
        app.get(VerifyLogInlineUseCase).execute(ctx, command, { onPage: logVerificationProgress() }),
      );
      if (result.status === 'failed') process.exitCode = 1;
      return result;
    },
  },
];

function size(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) throw new CliUsageError(`--${option} must be a tree size (a whole number)`);
  return Number(value);
}

/** The public half of the bank keys this installation is configured with (never generates keys). */
async function configuredJwks(config: AppConfig): Promise<BankJwks> {
  const { BankKeyRing, keyMaterialSettingsFrom, loadKeyMaterial } = await import('@infobank/crypto');
  const material = await loadKeyMaterial({ ...keyMaterialSettingsFrom(config), generateIfMissing: false });
  return (await BankKeyRing.fromKeyMaterial(material)).publicJwks();
}

async function readJwks(source: string): Promise<BankJwks> {
  const { parseBankJwks } = await import('@infobank/transparency-log');
  if (!/^https?:\/\//.test(source)) return parseBankJwks(await readJson(source, 'jwks'));
  let response: Response;
  try {
    response = await fetch(source, { signal: AbortSignal.timeout(JWKS_FETCH_TIMEOUT_MS), redirect: 'error' });
  } catch (error) {
    throw new CliUsageError(`--jwks: cannot fetch ${source} (${(error as Error).name})`);
  }
  if (!response.ok) throw new CliUsageError(`--jwks: ${source} answered ${response.status}`);
  return parseBankJwks(await response.json().catch(() => null));
}

async function readJson(path: string, option: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliUsageError(`--${option}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliUsageError(`--${option}: ${path} is not JSON`);
  }
}
