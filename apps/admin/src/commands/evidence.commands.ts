import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CliUsageError } from '../cli-arguments';
import { withAdminContext } from '../admin-context';
import type { AdminCommand } from './admin-command';

/** `evidence:export`: the certification evidence bundle, written as files into a directory. */
export const EVIDENCE_COMMANDS: readonly AdminCommand[] = [
  {
    name: 'evidence:export',
    usage:
      '--out DIR [--period YYYY-MM]: write the certification evidence (evidence.json, evidence.html, manifest.json and manifest.jws signed by the bank) into DIR',
    options: ['out', 'period'],
    fields: { '/period': 'period' },
    run: async (config, options) => {
      const out = resolve(options.required('out'));
      const period = options.optional('period');
      const { ExportEvidenceUseCase } = await import('@infobank/oversight');
      const exported = await withAdminContext(config, (app, ctx) => app.get(ExportEvidenceUseCase).execute(ctx, { period }));
      try {
        await mkdir(out, { recursive: true });
        for (const file of exported.files) await writeFile(join(out, file.name), file.content, { encoding: 'utf8', mode: 0o644 });
      } catch (error) {
        throw new CliUsageError(`--out: cannot write into ${out} (${(error as NodeJS.ErrnoException).code ?? 'unwritable'})`);
      }
      return {
        bundleId: exported.bundle.bundleId,
        out,
        files: exported.files.map((file) => file.name),
        sections: exported.bundle.sections.map((section) => section.id),
        omitted: exported.bundle.omitted.map((item) => item.id),
      };
    },
  },
];
