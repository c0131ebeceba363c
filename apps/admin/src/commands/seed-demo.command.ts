import { CreateOrganisationUseCase, GetOrganisationUseCase, ListOrganisationsUseCase } from '@infobank/catalog';
import { MarkEmailVerifiedUseCase, RegisterIndividualUseCase } from '@infobank/identity';
import { generateKeyPairJwk, toPublicJwk, type GeneratedKeyAlgorithm, type JWK } from '@infobank/crypto';
import { DomainError, type AppConfig, type RequestContext } from '@infobank/platform';
import type { INestApplicationContext } from '@nestjs/common';
import { AddBoardMemberUseCase } from '@infobank/review';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { withAdminContext } from '../admin-context';
import { CliUsageError, CommandRefusedError } from '../cli-arguments';
import { progressOn, type Progress } from '../output/progress';
import { DEMO_BOARD_MEMBERS, DEMO_INDIVIDUALS, DEMO_ORGANISATIONS, DEMO_TERMS_VERSION, type DemoBoardMember } from '../demo/demo-dataset';
import { DEMO_APPROVERS, seedDemoOffers } from '../demo/demo-offers';
import { seedDemoDeposits, type SeededDeposits } from '../demo/seed-demo-deposits';
import { seedDemoTerms } from '../demo/demo-terms';
import { seedDemoTransfer } from '../demo/seed-demo-transfer';

/** What seed:demo reports (passwords and private keys stay in the files). */
export interface DemoSummary {
  directory: string;
  credentialsFile: string;
  organisations: { slug: string; id: string; name: string; roles: string[] }[];
  boardMembers: { id: string; name: string; expertise: string; external: boolean }[];
  individuals: { id: string; email: string }[];
  /** The demo recipients' offers, approved by the demo board. */
  offers: { recipient: string; id: string; status: string }[];
  /** Each demo provider's links to demo individuals and the records it deposited about them. */
  deposits: SeededDeposits[];
  /** A demo recipient's transfer, downloaded: it shows in the first demo individual's provision history. */
  transfer: { transferId: string; status: string; delivered: number };
}

/** A private JWK file of the demo (0600); made once, then reused so re-seeding registers the same keys. */
async function demoKey(path: string, alg: GeneratedKeyAlgorithm): Promise<{ path: string; publicJwk: JWK; kid: string }> {
  if (!existsSync(path)) writeSecretFile(path, JSON.stringify((await generateKeyPairJwk(alg)).privateJwk, null, 2));
  const privateJwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
  if (typeof privateJwk.kid !== 'string') throw new Error(`${path} holds a key without a kid; delete the demo directory and seed again`);
  return { path, publicJwk: toPublicJwk(privateJwk), kid: privateJwk.kid };
}

/** Writes through a temporary file, so a crash never leaves half a key or half the passwords. */
function writeSecretFile(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}

/** Demo passwords by e-mail: generated once and kept, so seeding again never changes a sign-in. */
function demoPasswords(path: string, emails: readonly string[]): Record<string, string> {
  const passwords = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
  const missing = emails.filter((email) => passwords[email] === undefined);
  for (const email of missing) passwords[email] = randomBytes(12).toString('base64url');
  if (missing.length > 0) writeSecretFile(path, JSON.stringify(passwords, null, 2));
  return passwords;
}

/**
 * `seed:demo`: demo providers and recipients with their keys (private halves under DEMO_DATA_DIR),
 * six board members (one per field, four external), three individuals, the first version of the terms
 * and contracts (accepted by every demo individual and organisation), their links to the demo providers and realistic records deposited under them, and approved offers from the demo
 * recipients. Safe to run again: keys and passwords are reused and every use case is idempotent,
 * so a second run changes nothing.
 */
export async function seedDemo(config: AppConfig, progress: Progress = progressOn('seeding demo data')): Promise<DemoSummary> {
  if (config.environment === 'production') throw new CliUsageError('seed:demo refuses to run with NODE_ENV=production');
  const directory = resolve(config.demo.directory);
  mkdirSync(join(directory, 'organisations'), { recursive: true, mode: 0o700 });
  const keys = new Map<string, { signing: Awaited<ReturnType<typeof demoKey>>; encryption: Awaited<ReturnType<typeof demoKey>> }>();
  for (const organisation of DEMO_ORGANISATIONS) {
    const base = join(directory, 'organisations', organisation.slug);
    keys.set(organisation.slug, {
      signing: await demoKey(`${base}.signing.private.jwk.json`, 'EdDSA'),
      encryption: await demoKey(`${base}.encryption.private.jwk.json`, 'ECDH-ES+A256KW'),
    });
  }
  const people = [...DEMO_BOARD_MEMBERS, ...DEMO_INDIVIDUALS];
  const passwords = demoPasswords(
    join(directory, 'passwords.json'),
    people.map((person) => person.email),
  );

  const steps = ['organisations', 'board members', 'individuals', 'terms', 'offers', 'deposits', 'transfer'];
  const step = (name: string) => progress.update(steps.indexOf(name), steps.length, name);
  const seeded = await withAdminContext(config, async (app, ctx) => {
    step('organisations');
    await refuseDemoDataFromOtherKeys(app, ctx, directory, keys);
    const organisations = [];
    for (const organisation of DEMO_ORGANISATIONS) {
      const { signing, encryption } = keys.get(organisation.slug) as NonNullable<ReturnType<typeof keys.get>>;
      const { id } = await createDemoOrganisation(app, ctx, directory, {
        corporateNumber: organisation.corporateNumber,
        name: organisation.name,
        country: 'JP',
        roles: organisation.roles,
        signingKeys: [signing.publicJwk],
        encryptionKey: encryption.publicJwk,
        termsVersion: DEMO_TERMS_VERSION,
      });
      organisations.push({ ...organisation, id, signing, encryption });
    }
    step('board members');
    const boardMembers: (DemoBoardMember & { id: string })[] = [];
    for (const member of DEMO_BOARD_MEMBERS) {
      const { id } = await app.get(AddBoardMemberUseCase).execute(ctx, { ...member, password: passwords[member.email] });
      boardMembers.push({ ...member, id });
    }
    step('individuals');
    const individuals = [];
    for (const individual of DEMO_INDIVIDUALS) {
      const { id } = await app.get(RegisterIndividualUseCase).execute(ctx, { ...individual, password: passwords[individual.email] });
      // The demo addresses are the bank's own (example.jp): verified without a mail, so the demo can consent at once.
      await app.get(MarkEmailVerifiedUseCase).execute(ctx, { individualId: id });
      individuals.push({ ...individual, id });
    }
    // The first version of the terms and contracts, accepted by every demo individual and organisation.
    step('terms');
    await seedDemoTerms(app, ctx, DEMO_TERMS_VERSION, individuals, organisations);
    const recipients = new Map(organisations.filter((o) => o.roles.includes('recipient')).map((o) => [o.slug, o.id]));
    const approvers = DEMO_APPROVERS.map((expertise) => boardMembers.find((member) => member.expertise === expertise)?.id as string);
    step('offers');
    const offers = await seedDemoOffers(app, recipients, approvers);
    const providers = organisations.map(({ slug, id, signing }) => ({ slug, id, signingKeyFile: signing.path }));
    step('deposits');
    const deposits = await seedDemoDeposits(app, ctx, providers, individuals);
    // 山田花子 lets ひだまりヘルスケア have her shopping (the offer's optional item); it fetches once.
    const healthOffer = offers.find((offer) => offer.recipient === 'hidamari-health') as (typeof offers)[number];
    step('transfer');
    const transfer = await seedDemoTransfer(app, {
      individualId: individuals[0].id,
      recipientId: recipients.get('hidamari-health') as string,
      offerId: healthOffer.id,
      optionalItems: ['purchase.receipts#/lineItems'],
    });
    return { organisations, boardMembers, individuals, offers, deposits, transfer };
  });
  progress.update(steps.length, steps.length);
  progress.finish();

  const urls = config.http.publicUrls;
  const credentialsFile = join(directory, 'credentials.json');
  const credentials = {
    note: 'Demo data for a development machine only. Private keys and passwords here must never be used anywhere real.',
    portal: { url: urls.portal, individuals: seeded.individuals.map((person) => ({ ...person, password: passwords[person.email] })) },
    ethicsBoard: {
      url: urls.ethicsBoard,
      members: seeded.boardMembers.map((member) => ({ ...member, password: passwords[member.email] })),
    },
    organisations: seeded.organisations.map((organisation) => ({
      slug: organisation.slug,
      id: organisation.id,
      name: organisation.name,
      roles: organisation.roles,
      about: organisation.about,
      // The APIs it may call; each has its token endpoint at `<url>/oauth/token`.
      apis: {
        ...(organisation.roles.includes('provider') ? { intake: urls.intake } : {}),
        ...(organisation.roles.includes('recipient') ? { gateway: urls.gateway } : {}),
      },
      signingKid: organisation.signing.kid,
      signingKeyFile: organisation.signing.path,
      encryptionKeyFile: organisation.encryption.path,
    })),
  };
  writeSecretFile(credentialsFile, JSON.stringify(credentials, null, 2));
  return {
    directory,
    credentialsFile,
    organisations: seeded.organisations.map(({ slug, id, name, roles }) => ({ slug, id, name: name.ja, roles })),
    boardMembers: seeded.boardMembers.map(({ id, name, expertise, external }) => ({ id, name, expertise, external })),
    individuals: seeded.individuals.map(({ id, email }) => ({ id, email })),
    offers: seeded.offers,
    deposits: seeded.deposits,
    transfer: seeded.transfer,
  };
}

/** What the operator is told when the database holds demo organisations registered with other demo keys. */
export function demoDataFromOtherKeys(directory: string): CommandRefusedError {
  return new CommandRefusedError(
    'DEMO_DATA_FROM_OTHER_KEYS',
    `The database already holds the demo organisations, registered with other demo keys than those in ${directory} ` +
      '(the demo data directory was deleted or changed after the database was seeded). To start afresh, run ' +
      '`npm run admin -- dev:reset` (drops the development database and .data/ after asking), then `npm start` again.',
  );
}

type DemoKeys = Map<string, { signing: { kid: string } }>;

/** Before seeding: a demo organisation registered with a signing key other than its demo key file's cannot be seeded again. */
async function refuseDemoDataFromOtherKeys(
  app: INestApplicationContext,
  ctx: RequestContext,
  directory: string,
  keys: DemoKeys,
): Promise<void> {
  const registered = await app.get(ListOrganisationsUseCase).execute(ctx);
  for (const organisation of DEMO_ORGANISATIONS) {
    const existing = registered.find((candidate) => candidate.corporateNumber === organisation.corporateNumber);
    if (existing === undefined) continue;
    const details = await app.get(GetOrganisationUseCase).execute(ctx, { organisationId: existing.id });
    const demoKid = keys.get(organisation.slug)?.signing.kid;
    if (!details.signingKeys.some((key) => key.kid === demoKid)) throw demoDataFromOtherKeys(directory);
  }
}

/** Registers a demo organisation; ORGANISATION_EXISTS (other demo details under its 法人番号) gets the same advice. */
async function createDemoOrganisation(
  app: INestApplicationContext,
  ctx: RequestContext,
  directory: string,
  command: Parameters<CreateOrganisationUseCase['execute']>[1],
): Promise<{ id: string }> {
  try {
    return await app.get(CreateOrganisationUseCase).execute(ctx, command);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'ORGANISATION_EXISTS') throw demoDataFromOtherKeys(directory);
    throw error;
  }
}
