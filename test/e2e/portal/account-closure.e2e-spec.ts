import { KekGenerationFiles, KEY_MANAGEMENT_SERVICE, KEY_MATERIAL, type KeyManagementService, type KeyMaterial } from '@infobank/crypto';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { OrganisationClient } from '../../support/organisation-client';
import { openTestDataSource, testConfig } from '../../support/platform';
import { expectRefused } from '../../support/refusals';
import { receiptRecord } from '../intake/deposits-client';
import { LinkWorld, type Individual } from '../intake/link-world';
import {
  atPortalStepped,
  depositBatch,
  linkCustomer,
  openVaultCiphertext,
  readAllRecords,
  stepUp,
  vaultRecordAad,
  visitRecord,
} from './data-world';
import { callJson, newIndividual } from './session-client';

describe('portal: closing my account (DELETE /v1/me) shreds my data key, then removes my records and links', () => {
  let world: LinkWorld;
  let dataSource: DataSource;
  /** The owner role: a backup (pg_dump) reads as it; the runtime role may not create tables. */
  let owner: DataSource;
  let provider: OrganisationClient;
  let keyManagement: KeyManagementService;
  let keyMaterial: KeyMaterial;

  beforeAll(async () => {
    world = await LinkWorld.start();
    dataSource = await openTestDataSource();
    owner = await openTestDataSource(testConfig(), 'migration');
    provider = await world.organisation(['provider'], { ja: 'さくらマート株式会社', en: 'Sakura Mart Co., Ltd.' });
    keyManagement = world.portal.app.get(KEY_MANAGEMENT_SERVICE, { strict: false });
    keyMaterial = world.portal.app.get(KEY_MATERIAL, { strict: false });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await owner?.destroy();
    await world?.close();
  });

  /** A new individual signed in directly, keeping what closure must make useless: e-mail, password, refresh token. */
  async function signUp() {
    const details = newIndividual();
    const registered = await callJson(world.portal.url, 'POST', '/v1/auth/register', { body: details });
    const login = await callJson(world.portal.url, 'POST', '/v1/auth/login', {
      body: { email: details.email, password: details.password },
    });
    expect([registered.status, login.status]).toEqual([201, 200]);
    const individual: Individual = { id: registered.body.id, accessToken: login.body.accessToken };
    return { individual, email: details.email, password: details.password, refreshToken: login.body.refreshToken as string };
  }

  /** The individual with records from the provider, one of them superseded (so a history row exists). */
  async function withRecords(individual: Individual) {
    const { customerRef } = await linkCustomer(world, individual, provider);
    const receipt = receiptRecord(customerRef);
    await depositBatch(provider, [receipt, visitRecord(customerRef)]);
    await depositBatch(provider, [{ ...receipt, data: { ...receipt.data, totalYen: 460 } }]);
    return customerRef;
  }

  const count = async (table: string, column: string, id: string) =>
    Number((await dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [id]))[0].n);
  const closeAccount = async (individual: Individual, token?: string) => atPortalStepped(world, individual, 'DELETE', '/v1/me', token);

  it('needs a step-up token; without one (or with someone else’s) nothing changes', async () => {
    const { individual } = await signUp();
    await withRecords(individual);
    const other = await signUp();

    expectRefused(await closeAccount(individual), 401, 'STEP_UP_REQUIRED');
    expectRefused(await closeAccount(individual, await stepUp(world, other.individual)), 401, 'STEP_UP_REQUIRED');
    expectRefused(await closeAccount(individual, individual.accessToken), 401, 'STEP_UP_REQUIRED');
    expect(await count('data_keys', 'subject_id', individual.id)).toBe(1);
    expect(await count('vault_records', 'individual_id', individual.id)).toBe(2);
    expect((await world.atPortal(individual, 'GET', '/v1/me')).status).toBe(200);
  });

  it('leaves every ciphertext of mine still in the database (a copy, history) undecryptable with any key the bank holds', async () => {
    const { individual, email, password, refreshToken } = await signUp();
    const customerRef = await withRecords(individual);
    const bystander = await world.individual();
    await withRecords(bystander);
    expect(await count('vault_record_versions', 'individual_id', individual.id)).toBe(1);

    // A copy taken before closure, as a backup or a replica would hold it: current rows and history.
    const backup = `closure_copy_${randomBytes(4).toString('hex')}`;
    await owner.query(
      `CREATE TABLE ${backup} AS
         SELECT id AS row_id, version, individual_id, ciphertext FROM vault_records WHERE individual_id = $1
         UNION ALL
         SELECT vault_record_id, version, individual_id, ciphertext FROM vault_record_versions WHERE individual_id = $1`,
      [individual.id],
    );
    const copied = async () => (await owner.query(`SELECT row_id, version, individual_id, ciphertext FROM ${backup}`)) as any[];
    const copies = await copied();
    expect(copies).toHaveLength(3);

    // Control: with the individual's data key, the copies open (so the attempts below can fail only for want of the key).
    const [ownKey] = await dataSource.query(`SELECT kek_id, wrapped_key FROM data_keys WHERE subject_id = $1`, [individual.id]);
    const dataKey = await keyManagement.unwrapDataKey(ownKey.kek_id, ownKey.wrapped_key);
    const opened = copies.map((copy) =>
      JSON.parse(openVaultCiphertext(dataKey, copy.ciphertext, vaultRecordAad(copy.row_id, copy.version, copy.individual_id)).toString()),
    );
    expect(opened.map((data) => data.totalYen ?? data.visitId).sort()).toEqual(expect.arrayContaining([440, 460]));

    const closed = await closeAccount(individual, await stepUp(world, individual));
    expect(closed.status).toBe(204);

    // The data key is gone, and so are the records, their history and the links.
    expect(await count('data_keys', 'subject_id', individual.id)).toBe(0);
    expect(await count('vault_records', 'individual_id', individual.id)).toBe(0);
    expect(await count('vault_record_versions', 'individual_id', individual.id)).toBe(0);
    expect(await count('provider_links', 'individual_id', individual.id)).toBe(0);

    // Every key the bank still holds: each remaining data key its KMS can unwrap (other suites of the run
    // may leave keys wrapped by KEKs this bank does not have), each KEK (legacy and generations), the pseudonym secret.
    const keys: Buffer[] = [];
    for (const row of (await dataSource.query(`SELECT kek_id, wrapped_key FROM data_keys`)) as any[]) {
      const dataKey = await keyManagement.unwrapDataKey(row.kek_id, row.wrapped_key).catch(() => undefined);
      if (dataKey !== undefined) keys.push(dataKey);
    }
    keys.push(...keyMaterial.keyEncryptionKeys.keys.values(), keyMaterial.pseudonymSecret);
    const generations = world.portal.app.get(KekGenerationFiles, { strict: false });
    for (const generation of (await generations.list()).held) keys.push((await generations.read(generation))!);
    expect(keys.length).toBeGreaterThan(2); // the bystander's data key at least, and the KEK
    let attempts = 0;
    for (const copy of await copied()) {
      for (const key of keys) {
        attempts += 1;
        expect(() => openVaultCiphertext(key, copy.ciphertext, vaultRecordAad(copy.row_id, copy.version, copy.individual_id))).toThrow();
      }
    }
    expect(attempts).toBe(3 * keys.length);
    await owner.query(`DROP TABLE ${backup}`);

    // The account can do nothing any more: tokens, refresh, sign-in and step-up all fail.
    expectRefused(await world.atPortal(individual, 'GET', '/v1/me'), 401, 'UNAUTHENTICATED');
    expectRefused(await world.atPortal(individual, 'GET', '/v1/me/data/records'), 401, 'UNAUTHENTICATED');
    const refreshed = await callJson(world.portal.url, 'POST', '/v1/auth/refresh', { body: { refreshToken } });
    expect({ status: refreshed.status, code: refreshed.body.code }).toEqual({ status: 401, code: 'INVALID_REFRESH_TOKEN' });
    const signIn = await callJson(world.portal.url, 'POST', '/v1/auth/login', { body: { email, password } });
    expect({ status: signIn.status, code: signIn.body.code }).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' });
    const [account] = await dataSource.query(`SELECT email, display_name, disabled_at FROM accounts WHERE id = $1`, [individual.id]);
    expect(account).toEqual({ email: `closed-${individual.id}@closed.invalid`, display_name: '-', disabled_at: expect.any(Date) });

    // The provider can deposit nothing more about them, and no new data key appears.
    const late = await depositBatch(provider, [receiptRecord(customerRef)]);
    expect(late.response.results[0]).toMatchObject({ status: 'rejected' });
    expect(await count('data_keys', 'subject_id', individual.id)).toBe(0);

    // Others are untouched, and the e-mail address is free to open a new account.
    expect((await readAllRecords(world, bystander)).records).toHaveLength(2);
    const again = await callJson(world.portal.url, 'POST', '/v1/auth/register', { body: { ...newIndividual(), email } });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(individual.id);
    expect(
      (await callJson(world.portal.url, 'POST', '/v1/auth/login', { body: { email, password: newIndividual().password } })).status,
    ).toBe(200);
  });

  it('leaves nothing behind when deposits for me race the closure', async () => {
    const { individual } = await signUp();
    const { customerRef } = await linkCustomer(world, individual, provider);
    await depositBatch(provider, [receiptRecord(customerRef)]);
    const token = await stepUp(world, individual);

    const [closed] = await Promise.all([
      closeAccount(individual, token),
      ...Array.from({ length: 3 }, () =>
        depositBatch(
          provider,
          Array.from({ length: 50 }, () => receiptRecord(customerRef)),
        ),
      ),
    ]);
    expect(closed.status).toBe(204);
    expect(await count('data_keys', 'subject_id', individual.id)).toBe(0);
    expect(await count('vault_records', 'individual_id', individual.id)).toBe(0);
    expect(await count('provider_links', 'individual_id', individual.id)).toBe(0);
  });
});
