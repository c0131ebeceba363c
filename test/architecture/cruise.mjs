// Runs dependency-cruiser's API with the repository's rules over one tree and prints the violations as
// JSON on stdout. A separate Node process because dependency-cruiser is ESM only and reads import.meta.
// Usage: node test/architecture/cruise.mjs <root directory> <folder>...
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { join } from 'node:path';

const [root, ...folders] = process.argv.slice(2);
const configFile = join(import.meta.dirname, '../../.dependency-cruiser.cjs');

process.chdir(root);
const options = await extractDepcruiseOptions(configFile);
const tsConfig = extractTSConfig(options.tsConfig.fileName);
const result = await cruise(folders, { ...options, validate: true, outputType: 'json' }, {}, { tsConfig });
const { summary } = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
const violations = summary.violations.map((violation) => ({ rule: violation.rule.name, from: violation.from, to: violation.to }));
process.stdout.write(JSON.stringify({ violations, modules: summary.totalCruised }));
