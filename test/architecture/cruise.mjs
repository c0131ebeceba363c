// Runs dependency-cruiser's API with the repository's rules over the apps and libs of each root given and
// prints one report per root (its violations and how many modules it cruised) as JSON on stdout. A separate
// Node process because dependency-cruiser is ESM only and reads import.meta.
// Usage: node test/architecture/cruise.mjs <root directory>...
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { join } from 'node:path';

const configFile = join(import.meta.dirname, '../../.dependency-cruiser.cjs');
const reports = [];
for (const root of process.argv.slice(2)) {
  process.chdir(root);
  const options = await extractDepcruiseOptions(configFile);
  const tsConfig = extractTSConfig(options.tsConfig.fileName);
  const result = await cruise(['apps', 'libs'], { ...options, validate: true, outputType: 'json' }, {}, { tsConfig });
  const { summary } = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
  const violations = summary.violations.map((violation) => ({ rule: violation.rule.name, from: violation.from, to: violation.to }));
  reports.push({ violations, modules: summary.totalCruised });
}
process.stdout.write(JSON.stringify(reports));
