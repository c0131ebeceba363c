import { generateKeyPairJwk, type GeneratedKeyPairJwk } from '@infobank/crypto';
import { createRequestContext, sql, Transactions, ValidationFailedError, withTransaction, type RequestContext } from '@infobank/platform';
import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { backendPid, blockersOf, connectionsForEachTest } from '../../../../../test/support/lock-waits';
import { eventually, openTestDataSource } from '../../../../../test/support/platform';
import { validCorporateNumber } from '../domain/corporate-number';
import { OrganisationEntity } from '../infrastructure/organisation.entity';
import { OrganisationStore } from '../infrastructure/organisation.store';
import { ActivateOrganisationUseCase } from './activate-organisation.use-case';
import { AddSigningKeyUseCase } from './add-signing-key.use-case';
import { CreateOrganisationUseCase, type CreateOrganisationCommand } from './create-organisation.use-case';
import { OrganisationDirectory } from './organisation-directory';
import { RemoveSigningKeyUseCase } from './remove-signing-key.use-case';
import { SuspendOrganisationUseCase } from './suspend-organisation.use-case';
import { rejection } from '../../../../../test/support/refusals';

/** A fresh valid corporate number, so parallel runs never collide. */
function randomCorporateNumber(): string {
  return validCorporateNumber(String(randomInt(0, 1e12)).padStart(12, '0'));
}

describe('organisations over Postgres', () => {
  const ctx = createRequestContext({ type: 'operator', name: 'test' });
  let dataSource: DataSource;
  let directory: OrganisationDirectory;
  let transactions: Transactions;
  let create: CreateOrganisationUseCase;
  let addKey: AddSigningKeyUseCase;
  let removeKey: RemoveSigningKeyUseCase;
  let suspend: SuspendOrganisationUseCase;
  let activate: ActivateOrganisationUseCase;
  let signing: GeneratedKeyPairJwk;
  let encryption: GeneratedKeyPairJwk;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    const organisations = new OrganisationStore(dataSource);
    transactions = new Transactions(dataSource);
    directory = new OrganisationDirectory(organisations);
    create = new CreateOrganisationUseCase(transactions, organisations, { allowLocalWebhooks: true });
    addKey = new AddSigningKeyUseCase(transactions, organisations);
    removeKey = new RemoveSigningKeyUseCase(transactions, organisations);
    suspend = new SuspendOrganisationUseCase(transactions, organisations);
    activate = new ActivateOrganisationUseCase(transactions, organisations);
    [signing, encryption] = await Promise.all([generateKeyPairJwk('EdDSA'), generateKeyPairJwk('ECDH-ES+A256KW')]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  const command = (overrides: Partial<CreateOrganisationCommand> = {}): CreateOrganisationCommand => ({
    corporateNumber: randomCorporateNumber(),
    name: { ja: '株式会社テスト商事', en: 'Test Trading Co., Ltd.' },
    country: 'JP',
    roles: ['recipient', 'provider'],
    signingKeys: [signing.publicJwk],
    encryptionKey: encryption.publicJwk,
    webhookUrl: 'https://hooks.example.com/infobank',
    termsVersion: '2025-04',
    ...overrides,
  });

  it('Given a new organisation, when it is created, then the directory returns its public credentials', async () => {
    const { id } = await create.execute(ctx, command());

    const credentials = await directory.findCredentials(ctx, id);

    expect(credentials).toEqual({
      id,
      status: 'active',
      roles: ['provider', 'recipient'],
      signingKeys: [signing.publicJwk],
      encryptionKey: encryption.publicJwk,
      name: { ja: '株式会社テスト商事', en: 'Test Trading Co., Ltd.' },
    });
  });

  it('Given a private signing key, when creating, then it is refused naming the field and nothing is stored', async () => {
    const input = command({ signingKeys: [signing.privateJwk] });

    const error = await rejection(create.execute(ctx, input));

    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.errors).toContainEqual(expect.objectContaining({ path: '/signingKeys/0/d' }));
    expect(await dataSource.getRepository(OrganisationEntity).countBy({ corporateNumber: input.corporateNumber })).toBe(0);
  });

  it('Given bad details, when creating, then every offending field is named', async () => {
    const bad = command({ corporateNumber: '1234567890123', country: 'XX', roles: [], termsVersion: '', webhookUrl: 'ftp://example.com' });

    const error = await rejection(create.execute(ctx, bad));

    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors.map((problem) => problem.path).sort()).toEqual([
      '/corporateNumber',
      '/country',
      '/roles',
      '/termsVersion',
      '/webhookUrl',
    ]);
  });

  it('Given an existing organisation, when the same details are created again, then the same id is returned', async () => {
    const input = command({ encryptionKey: undefined, name: { ja: '同一商事' } });
    const first = await create.execute(ctx, input);

    const again = await create.execute(ctx, { ...input, roles: [...input.roles].reverse() });

    expect(again).toEqual(first);
  });

  it('Given an existing organisation, when its corporate number is created with other details, then ORGANISATION_EXISTS', async () => {
    const input = command();
    await create.execute(ctx, input);

    const error = await rejection(create.execute(ctx, { ...input, termsVersion: '2026-01' }));

    expect(error.code).toBe('ORGANISATION_EXISTS');
  });

  it('Given concurrent creates of one corporate number, then exactly one organisation exists and all get its id', async () => {
    const input = command();

    const results = await Promise.all(Array.from({ length: 5 }, () => create.execute(ctx, input)));

    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(await dataSource.getRepository(OrganisationEntity).countBy({ corporateNumber: input.corporateNumber })).toBe(1);
  });

  it('Given an id that is not a UUID or names nobody, when looked up, then the directory answers null', async () => {
    expect(await directory.findCredentials(ctx, 'not-a-uuid')).toBeNull();
    expect(await directory.findCredentials(ctx, "' OR 1=1 --")).toBeNull();
    expect(await directory.findCredentials(ctx, randomUUID())).toBeNull();
  });

  it('Given an organisation, when a key is added, re-added and the old one removed, then the directory follows (rotation)', async () => {
    const { id } = await create.execute(ctx, command());
    const next = await generateKeyPairJwk('ES256');

    expect(await addKey.execute(ctx, { organisationId: id, jwk: next.publicJwk })).toEqual({ kid: next.kid, added: true });
    expect(await addKey.execute(ctx, { organisationId: id, jwk: next.publicJwk })).toEqual({ kid: next.kid, added: false });
    expect((await directory.findCredentials(ctx, id))?.signingKeys.map((key) => key.kid).sort()).toEqual([signing.kid, next.kid].sort());

    await removeKey.execute(ctx, { organisationId: id, kid: signing.kid });

    expect((await directory.findCredentials(ctx, id))?.signingKeys).toEqual([next.publicJwk]);
  });

  it('Given an organisation with one key, when that key is removed, then LAST_SIGNING_KEY and the key stays', async () => {
    const { id } = await create.execute(ctx, command());

    const error = await rejection(removeKey.execute(ctx, { organisationId: id, kid: signing.kid }));

    expect(error.code).toBe('LAST_SIGNING_KEY');
    expect((await directory.findCredentials(ctx, id))?.signingKeys).toHaveLength(1);
  });

  it('Given a kid in use, when another key claims it, then SIGNING_KEY_EXISTS', async () => {
    const { id } = await create.execute(ctx, command());
    const other = await generateKeyPairJwk('EdDSA');

    const error = await rejection(addKey.execute(ctx, { organisationId: id, jwk: { ...other.publicJwk, kid: signing.kid } }));

    expect(error.code).toBe('SIGNING_KEY_EXISTS');
  });

  it('Given unknown organisations or kids, when keys change, then not-found errors', async () => {
    const { id } = await create.execute(ctx, command());

    expect((await rejection(addKey.execute(ctx, { organisationId: randomUUID(), jwk: signing.publicJwk }))).code).toBe(
      'ORGANISATION_NOT_FOUND',
    );
    expect((await rejection(removeKey.execute(ctx, { organisationId: id, kid: 'nope' }))).code).toBe('SIGNING_KEY_NOT_FOUND');
    expect((await rejection(suspend.execute(ctx, { organisationId: 'nope' }))).errors).toEqual([
      { path: '/organisationId', message: 'must be a UUID' },
    ]);
  });

  it('Given an active organisation, when suspended and activated (twice each), then the status follows', async () => {
    const { id } = await create.execute(ctx, command());

    await suspend.execute(ctx, { organisationId: id });
    expect(await suspend.execute(ctx, { organisationId: id })).toEqual({ id, status: 'suspended' });
    expect((await directory.findCredentials(ctx, id))?.status).toBe('suspended');

    await activate.execute(ctx, { organisationId: id });
    expect(await activate.execute(ctx, { organisationId: id })).toEqual({ id, status: 'active' });
    expect((await directory.findCredentials(ctx, id))?.status).toBe('active');
  });

  it('Given organisations, when their profiles are read alone or as a piece of another statement, then both read the same', async () => {
    const [first, second] = [
      await create.execute(ctx, command()),
      await create.execute(ctx, command({ name: { ja: '日本語名のみ株式会社' } })),
    ];
    await suspend.execute(ctx, { organisationId: second.id });

    const alone = await directory.findProfiles(ctx, [first.id, second.id, randomUUID(), 'not-a-uuid']);
    // Another context's statement names the organisations by a uuid[] expression of its own.
    const composed = await transactions.read(ctx, directory.profilesPiece(sql`ARRAY[${first.id}::uuid, ${second.id}::uuid]`));

    expect(composed).toEqual(alone);
    expect(alone.get(first.id)).toEqual({
      id: first.id,
      name: { ja: '株式会社テスト商事', en: 'Test Trading Co., Ltd.' },
      corporateNumber: expect.stringMatching(/^[1-9][0-9]{12}$/),
      country: 'JP',
      roles: ['provider', 'recipient'],
      status: 'active',
    });
    expect(alone.get(second.id)).toMatchObject({ name: { ja: '日本語名のみ株式会社' }, status: 'suspended' });
    expect([...alone.keys()].sort()).toEqual([first.id, second.id].sort());
  });

  describe("an organisation re-checked when a write commits (another context's statement, FOR SHARE)", () => {
    const connections = connectionsForEachTest(() => dataSource, 'holder', 'suspender');

    const stillActive = async (on: RequestContext, organisationId: string): Promise<boolean> =>
      (await transactions.runStatement(on, directory.stillActivePiece(organisationId))).length === 1;

    it('Given an organisation, then the piece selects it while it is active and nothing once it is suspended', async () => {
      const { id } = await create.execute(ctx, command());
      expect(await stillActive(ctx, id)).toBe(true);

      await suspend.execute(ctx, { organisationId: id });
      expect(await stillActive(ctx, id)).toBe(false);
      expect(await stillActive(ctx, randomUUID())).toBe(false);
    });

    it('Given a write that re-checked the organisation, when the operator suspends it meanwhile, then the suspension waits for the commit', async () => {
      const { id } = await create.execute(ctx, command());
      const [holderPid, suspenderPid] = [await backendPid(connections.holder), await backendPid(connections.suspender)];
      await connections.holder.startTransaction();
      expect(await stillActive(withTransaction(ctx, connections.holder.manager), id)).toBe(true);

      let suspended = false;
      await connections.suspender.startTransaction();
      const suspension = suspend.execute(withTransaction(ctx, connections.suspender.manager), { organisationId: id }).then(async () => {
        await connections.suspender.commitTransaction();
        suspended = true;
      });
      // The suspension is parked behind the holder's row lock (not merely slow).
      await eventually('the suspension to wait for the share lock', async () =>
        (await blockersOf(dataSource, suspenderPid)).includes(holderPid),
      );
      expect(suspended).toBe(false);
      expect((await directory.findCredentials(ctx, id))?.status).toBe('active');

      await connections.holder.commitTransaction();
      await suspension;
      expect(suspended).toBe(true);
      expect(await stillActive(ctx, id)).toBe(false);
    });

    it('Given a suspension committed first, when the write re-checks, then the piece is empty (the write refuses)', async () => {
      const { id } = await create.execute(ctx, command());
      await connections.suspender.startTransaction();
      await suspend.execute(withTransaction(ctx, connections.suspender.manager), { organisationId: id });
      const [holderPid, suspenderPid] = [await backendPid(connections.holder), await backendPid(connections.suspender)];
      await connections.holder.startTransaction();
      // The re-check waits for the suspension's transaction, then sees what it committed.
      const checking = stillActive(withTransaction(ctx, connections.holder.manager), id);
      await eventually('the re-check to wait for the suspension', async () =>
        (await blockersOf(dataSource, holderPid)).includes(suspenderPid),
      );
      await connections.suspender.commitTransaction();
      expect(await checking).toBe(false);
    });
  });

  it("Given the caller's transaction, when it rolls back, then the created organisation is gone", async () => {
    const input = command();
    const rollback = new Error('rollback');
    let createdId = '';

    await expect(
      dataSource.transaction(async (manager) => {
        createdId = (await create.execute(withTransaction(ctx, manager), input)).id;
        expect(await directory.findCredentials(withTransaction(ctx, manager), createdId)).not.toBeNull();
        throw rollback;
      }),
    ).rejects.toBe(rollback);

    expect(await directory.findCredentials(ctx, createdId)).toBeNull();
  });

  it('Given the database constraints, when a row bypasses the use case with bad roles, then Postgres refuses it', async () => {
    const insert = dataSource.query(
      `INSERT INTO organisations (id, corporate_number, name_ja, country, roles, terms_version, status) VALUES ($1, $2, 'x', 'JP', '{}', 'v1', 'active')`,
      [randomUUID(), randomCorporateNumber()],
    );

    await expect(insert).rejects.toThrow(/ck_organisations_roles/);
  });
});
