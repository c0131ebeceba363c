import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { AppConfig } from '@infobank/platform';
import { CommandRefusedError } from '../cli-arguments';
import { migrateCommand } from './database.commands';
import { ensureKeysCommand } from './keys.commands';
import { formatChildLine } from './log-formatter';
import { seedDemo } from './seed-demo.command';

interface ChildSpec {
  name: string;
  url?: string;
  audience: string;
}

function childSpecs(config: AppConfig): ChildSpec[] {
  const urls = config.http.publicUrls;
  return [
    { name: 'portal', url: urls.portal, audience: '本人 individuals' },
    { name: 'intake', url: urls.intake, audience: '情報提供元 providers' },
    { name: 'gateway', url: urls.gateway, audience: '提供先 recipients' },
    { name: 'ethics-board', url: urls.ethicsBoard, audience: 'データ倫理審査会 ethics board' },
    { name: 'worker', audience: 'jobs, outbox relay, schedules' },
  ];
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/**
 * `platform:start` (what `npm start` runs): prepares a development machine on first run (database,
 * keys, migrations), then runs the four apps and the worker as separate processes with labelled logs.
 * Ctrl-C (or SIGTERM) stops them all gracefully.
 */
export async function platformStartCommand(config: AppConfig, distRoot: string): Promise<void> {
  const write = (text: string): boolean => process.stdout.write(`${text}\n`);
  const database = await migrateCommand(config);
  write(`database ${database.database}: ${database.created ? 'created' : 'exists'}, ${database.applied.length} migration(s) applied`);
  const keys = await ensureKeysCommand(config);
  write(`bank keys in ${keys.directory} (signing key ${keys.currentSigningKid})`);
  let demo: Awaited<ReturnType<typeof seedDemo>>;
  try {
    demo = await seedDemo(config);
  } catch (error) {
    if (!(error instanceof CommandRefusedError)) throw error;
    // Said plainly (this is npm start's console), with the command that fixes it.
    process.stderr.write(`\nCannot load the demo data: ${error.message}\n\n  npm run admin -- dev:reset\n\n`);
    process.exitCode = 1;
    return;
  }
  write(
    `demo data: ${demo.organisations.length} organisations, ${demo.boardMembers.length} board members, ${demo.individuals.length} individuals; sign-in details and keys in ${demo.credentialsFile}`,
  );

  const useColour = process.stdout.isTTY === true;
  const specs = childSpecs(config);
  const children: ChildProcess[] = [];
  let stopping = false;
  const exited = specs.map((spec, index) => {
    // Children inherit this process's environment, so they read the same configuration.
    const child = spawn(process.execPath, [join(distRoot, 'apps', spec.name, 'src', 'main.js')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => write(formatChildLine(spec.name, index, line, useColour)));
    }
    return new Promise<number>((resolve) =>
      child.on('exit', (code, signal) => {
        if (!stopping) {
          write(`${spec.name} exited (${signal ?? code}); stopping the others`);
          stop();
        }
        resolve(code ?? 0);
      }),
    );
  });
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    write('stopping Infobank…');
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const healthy = await Promise.all(specs.filter((spec) => spec.url).map((spec) => waitForHealth(spec.url as string, 60_000)));
  if (!stopping) {
    if (healthy.every(Boolean)) {
      write('');
      write('Infobank is running. 情報銀行が起動しました。');
      for (const spec of specs) {
        write(
          `  ${spec.name.padEnd(13)} ${(spec.url ?? '(no HTTP)').padEnd(24)} ${spec.audience}${spec.url ? `  API docs: ${spec.url}/docs` : ''}`,
        );
      }
      write('');
      write(`  Web app 本人向けアプリ: open ${config.http.publicUrls.portal}/ in a browser`);
      write(
        `  Board console 審査会コンソール: open ${config.http.publicUrls.ethicsBoard}/ in a browser (board members in ${demo.credentialsFile})`,
      );
      if (demo.individuals.length > 0) {
        // The e-mail only: the password stays in the credentials file.
        write(`  Demo account デモ用アカウント: ${demo.individuals[0].email} (password in ${demo.credentialsFile})`);
      }
      write(
        config.mail.transport === 'file'
          ? `  Mail メール: written as .eml files to ${resolve(config.mail.directory)} (MAIL_TRANSPORT=file)`
          : `  Mail メール: sent through SMTP ${config.mail.smtp.host}:${config.mail.smtp.port}`,
      );
      write('  Press Ctrl-C to stop. Ctrl-C で停止します。');
      write('');
    } else {
      write('Some apps did not become healthy within 60 s; see their logs above.');
    }
  }
  const codes = await Promise.all(exited);
  process.exitCode = codes.some((code) => code !== 0) && !stopping ? 1 : 0;
}
