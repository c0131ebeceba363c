import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG, loadConfig, Transactions } from '@infobank/platform';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { BankKeyRing } from './keys/infrastructure/bank-key-ring';
import { BankJwksController, BankKeysHttpModule } from './keys/http/bank-keys-http.module';
import { KEY_MATERIAL } from './crypto.module';
import { EnvelopeEncryption } from './envelopes/application/envelope-encryption';
import type { KeyMaterial } from './keys/infrastructure/key-material';
import { PseudonymousIds, pseudonymousSubjectId } from './keys/infrastructure/pseudonymous-id';

/** Stands in for TypeOrmModule and the platform: a DataSource under its class (never connected here) and Transactions over it. */
@Module({
  providers: [{ provide: DataSource, useValue: new DataSource({ type: 'postgres', entities: [] }) }, Transactions],
  exports: [DataSource, Transactions],
})
class UnconnectedDataSourceModule {}

/** Stands in for PlatformModule's configuration: only the keys directory matters here. */
function configModule(keysDirectory: string): DynamicModule {
  const config = loadConfig({ NODE_ENV: 'test', BANK_KEYS_DIR: keysDirectory });
  return { module: class ConfigModule {}, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
}

describe('CryptoModule', () => {
  let keysDirectory: string;
  let app: TestingModule;

  beforeAll(async () => {
    keysDirectory = await mkdtemp(join(tmpdir(), 'infobank-crypto-module-'));
    app = await Test.createTestingModule({
      // BankKeysHttpModule registers CryptoModule.forPlatform(): key material located by the configuration.
      imports: [configModule(keysDirectory), { module: UnconnectedDataSourceModule, global: true }, BankKeysHttpModule],
    }).compile();
  });

  afterAll(async () => {
    await app?.close();
    await rm(keysDirectory, { recursive: true, force: true });
  });

  it('loads key material once and provides the key ring, envelope encryption and pseudonymous ids', async () => {
    const material = app.get<KeyMaterial>(KEY_MATERIAL);
    const keyRing = app.get(BankKeyRing);

    expect(keyRing.currentKid).toBe(material.signingKeys.currentKid);
    expect(app.get(EnvelopeEncryption)).toBeInstanceOf(EnvelopeEncryption);
    expect(app.get(PseudonymousIds).forRecipient('r-1', 's-1')).toBe(pseudonymousSubjectId(material.pseudonymSecret, 'r-1', 's-1'));
    await expect(keyRing.verifyBankJws(await keyRing.signJws({ ok: true }, { typ: 'test+jws' }))).resolves.toMatchObject({
      payload: { ok: true },
    });
  });

  it('serves the public JWKS through BankKeysHttpModule', () => {
    const jwks = app.get(BankJwksController).jwks();
    expect(jwks.keys.map((key) => key.kid)).toEqual([app.get(BankKeyRing).currentKid]);
    expect(JSON.stringify(jwks)).not.toContain('"d"');
  });
});
