import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { ENTITIES } from '@infobank/migrations';
import * as platformLibrary from '@infobank/platform';
import * as cryptoLibrary from '@infobank/crypto';
import * as identityLibrary from '@infobank/identity';
import * as catalogLibrary from '@infobank/catalog';
import * as authLibrary from '@infobank/auth';
import * as offersLibrary from '@infobank/offers';
import * as rightsLibrary from '@infobank/rights';
import * as transparencyLogLibrary from '@infobank/transparency-log';
import * as vaultLibrary from '@infobank/vault';
import * as reviewLibrary from '@infobank/review';
import * as consentLibrary from '@infobank/consent';
import * as provisionLibrary from '@infobank/provision';
import * as revocationLibrary from '@infobank/revocation';
import * as oversightLibrary from '@infobank/oversight';
import * as disclosureLibrary from '@infobank/disclosure';
import { errorStatusOf, PLATFORM_ERROR_STATUS, type JobContract } from '@infobank/platform';
import { ALL_JOBS } from '../../apps/worker/src/worker.module';
import { ETHICS_BOARD_ERROR_STATUS } from '../../apps/ethics-board/src/ethics-board.errors';
import { GATEWAY_ERROR_STATUS } from '../../apps/gateway/src/gateway.errors';
import { INTAKE_ERROR_STATUS } from '../../apps/intake/src/intake.errors';
import { PORTAL_ERROR_STATUS } from '../../apps/portal/src/portal.errors';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LIBRARY_RANKS } = require('../../architecture.cjs') as { LIBRARY_RANKS: string[] };

/**
 * The registries kept by hand (the schema's entity list, the worker's ALL_JOBS and each HTTP app's
 * error-to-status map) name everything the libraries export: a new entity, job contract or error code
 * that is not registered fails here rather than at run time (a missing table check, a job with no
 * queue, a 500 where a 4xx was meant).
 */
const ROOT = join(__dirname, '..', '..');

/** Every library's public surface, loaded the way apps load it (a test below checks that none is left out). */
const libraries: Record<string, Record<string, unknown>> = {
  platform: platformLibrary,
  crypto: cryptoLibrary,
  identity: identityLibrary,
  catalog: catalogLibrary,
  auth: authLibrary,
  offers: offersLibrary,
  rights: rightsLibrary,
  'transparency-log': transparencyLogLibrary,
  vault: vaultLibrary,
  review: reviewLibrary,
  consent: consentLibrary,
  provision: provisionLibrary,
  revocation: revocationLibrary,
  oversight: oversightLibrary,
  disclosure: disclosureLibrary,
};

function isJobContract(value: unknown): value is JobContract<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<JobContract<unknown>>;
  return (
    typeof candidate.queue === 'string' &&
    typeof candidate.name === 'string' &&
    (candidate.origin === 'outbox' || candidate.origin === 'schedule')
  );
}

function sourceFiles(library: string): string[] {
  return execFileSync('git', ['ls-files', `libs/${library}/src/**.ts`], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file.endsWith('.ts') && !/\.(spec|int-spec)\.ts$/.test(file));
}

/** The error codes a library's code throws: every `DomainError` code literal and every guard refusal's code. */
function thrownCodes(library: string): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(library)) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const match of text.matchAll(/(?:super|new DomainError|new ForbiddenError)\(\s*'([A-Z][A-Z0-9_]+)'/g)) codes.add(match[1]);
    // A guard's refusal names its code next to its detail: `{ code: 'NOT_A_BOARD_MEMBER', detail: … }`.
    for (const match of text.matchAll(/\{\s*code: '([A-Z][A-Z0-9_]+)',\s*detail:/g)) codes.add(match[1]);
  }
  return codes;
}

/** The libraries an app imports, from its source. */
function librariesServedBy(app: string): string[] {
  const files = execFileSync('git', ['ls-files', `apps/${app}/src/**.ts`], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const served = new Set<string>();
  for (const file of files.filter((name) => !/\.(spec|int-spec)\.ts$/.test(name))) {
    for (const match of readFileSync(join(ROOT, file), 'utf8').matchAll(/from '@infobank\/([a-z-]+)'/g)) served.add(match[1]);
  }
  return [...served].filter((library) => LIBRARY_RANKS.includes(library));
}

describe('registries', () => {
  it('lists every entity class of every library in the schema the migrations must build', () => {
    const registered = new Set<unknown>(ENTITIES);
    const entityClasses = getMetadataArgsStorage()
      .tables.map((table) => table.target)
      .filter((target): target is new () => unknown => typeof target === 'function');
    expect(entityClasses.length).toBeGreaterThan(20);
    expect(entityClasses.filter((target) => !registered.has(target)).map((target) => target.name)).toEqual([]);
  });

  it('loads every library of the ranking', () => {
    expect(Object.keys(libraries).sort()).toEqual([...LIBRARY_RANKS].sort());
  });

  it('lists every job contract a library exports in ALL_JOBS', () => {
    const registered = new Set(ALL_JOBS.map((contract) => `${contract.queue}/${contract.name}`));
    const exported = Object.entries(libraries).flatMap(([library, surface]) =>
      Object.entries(surface)
        .filter(([, value]) => isJobContract(value))
        .map(([name, value]) => ({
          library,
          name,
          job: `${(value as JobContract<unknown>).queue}/${(value as JobContract<unknown>).name}`,
        })),
    );
    expect(exported.length).toBeGreaterThan(10);
    expect(exported.filter(({ job }) => !registered.has(job))).toEqual([]);
  });

  it.each([
    ['portal', PORTAL_ERROR_STATUS],
    ['ethics-board', ETHICS_BOARD_ERROR_STATUS],
    ['gateway', GATEWAY_ERROR_STATUS],
    ['intake', INTAKE_ERROR_STATUS],
  ])('gives %s a status for every error code the libraries it serves throw', (app, statuses) => {
    const known = { ...PLATFORM_ERROR_STATUS, ...statuses };
    const served = librariesServedBy(app);
    expect(served.length).toBeGreaterThan(2);
    const missing = served.flatMap((library) =>
      [...thrownCodes(library)].filter((code) => known[code] === undefined).map((code) => `${library}: ${code}`),
    );
    expect(missing).toEqual([]);
  });

  it('refuses to assemble a map where two libraries give one code different statuses', () => {
    expect(errorStatusOf({ A: 404 }, { A: 404, B: 409 })).toEqual({ A: 404, B: 409 });
    expect(() => errorStatusOf({ A: 404 }, { A: 409 })).toThrow('Error code A is given two statuses, 404 and 409.');
  });

  it('finds the codes a library throws (the check above cannot pass vacuously)', () => {
    expect([...thrownCodes('review')]).toEqual(expect.arrayContaining(['NOT_A_BOARD_MEMBER']));
    expect([...thrownCodes('provision')]).toEqual(expect.arrayContaining(['PACKAGE_STALE', 'UNAUTHENTICATED']));
  });
});
