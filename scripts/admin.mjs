// `npm run admin`, `npm start` and `npm run migrate`: run the compiled operator CLI, building first only
// when a build input changed since the last build (or there is none), so an up-to-date call starts at once.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'dist', 'apps', 'admin', 'src', 'main.js');
const stampFile = join(root, 'dist', '.build-stamp');
// What `npm run build` reads. Tests are not built, so changing one needs no build.
const INPUTS = [
  'apps',
  'libs',
  'prisma-free-migrations',
  'test/bench',
  'test/chaos',
  'test/openapi',
  'package.json',
  'package-lock.json',
  '.swcrc',
];
const SKIPPED = /(^node_modules$|^dist$|\.spec\.tsx?$|\.int-spec\.ts$|\.chaos-spec\.ts$)/;

/** A hash of every input file's path, size and modification time: it changes when any input does. */
function fingerprint() {
  const hash = createHash('sha256');
  const visit = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (!stat.isDirectory()) {
      hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
      return;
    }
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (SKIPPED.test(entry.name)) continue;
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        visit(child);
      } else {
        const file = statSync(child);
        hash.update(`${child}\0${file.size}\0${file.mtimeMs}\n`);
      }
    }
  };
  for (const input of INPUTS) visit(join(root, input));
  return hash.digest('hex');
}

function lastStamp() {
  try {
    return readFileSync(stampFile, 'utf8').trim();
  } catch {
    return null;
  }
}

// An image holds only dist/: nothing to build from.
if (existsSync(join(root, 'apps'))) {
  const current = fingerprint();
  if (!existsSync(main) || lastStamp() !== current) {
    process.stderr.write('Building Infobank (sources changed since the last build)…\n');
    // npm's own path when run through npm (no app configuration: the launcher runs before any config is read).
    // eslint-disable-next-line no-restricted-syntax
    const npm = process.env.npm_execpath;
    const build = npm
      ? spawnSync(process.execPath, [npm, 'run', 'build', '--silent'], { cwd: root, stdio: 'inherit' })
      : spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (build.status !== 0) {
      process.stderr.write('The build failed; see above.\n');
      process.exit(build.status ?? 1);
    }
    // The fingerprint taken before the build: a change made during it builds again next time.
    writeFileSync(stampFile, `${current}\n`);
  }
}

// The CLI reads process.argv.slice(2): the same arguments this launcher was given.
await import(main);
