import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DestroyKekGenerationUseCase,
  EnvelopeEncryption,
  GenerationKeyManagementService,
  KekGenerationFiles,
  KekGenerationStore,
  KekStatusUseCase,
  MaintainKekGenerationsUseCase,
  keyMaterialSettingsFrom,
  loadKeyMaterial,
  RewrapDataKeysUseCase,
  RotateKekUseCase,
  TypeOrmDataKeyStore,
  type KekGenerationPolicy,
  type KeyEncryptionKeys,
} from '@infobank/crypto';
import { createRequestContext, Transactions, type RequestContext } from '@infobank/platform';
import { isolatedEnvironment, type IsolatedEnvironment } from './platform';

/**
 * A database and KEK generation directory of a suite's own, with the bank's real key handling wired as
 * CryptoModule wires it (no cache, so every step sees the directory as it is). Integration tests only.
 */
export class KekGenerationWorld {
  private constructor(
    readonly environment: IsolatedEnvironment,
    readonly directory: string,
    readonly files: KekGenerationFiles,
    readonly legacy: KeyEncryptionKeys,
    readonly keyManagement: GenerationKeyManagementService,
    readonly policy: KekGenerationPolicy,
  ) {}

  static async start(policy: KekGenerationPolicy = { rotationDays: 30, backupRetentionDays: 35 }): Promise<KekGenerationWorld> {
    const directory = mkdtempSync(join(tmpdir(), 'infobank-test-kek-'));
    const environment = await isolatedEnvironment({ BANK_KEK_DIR: join(directory, 'generations') });
    const files = new KekGenerationFiles(environment.config.kekGenerations.directory);
    const legacy = (await loadKeyMaterial(keyMaterialSettingsFrom(environment.config))).keyEncryptionKeys;
    const store = new KekGenerationStore(environment.dataSource);
    const keyManagement = new GenerationKeyManagementService(files, legacy, () => store.newestGenerationNumber(), {
      newestTtlMs: 0,
      keyTtlMs: 0,
    });
    return new KekGenerationWorld(environment, directory, files, legacy, keyManagement, policy);
  }

  get dataSource() {
    return this.environment.dataSource;
  }

  get store(): KekGenerationStore {
    return new KekGenerationStore(this.dataSource);
  }

  /** The operator acting at `now` (the machine's time when not given). */
  at(now?: Date): RequestContext {
    return createRequestContext({ type: 'operator', name: 'test' }, undefined, now === undefined ? undefined : () => now);
  }

  /** What the database calls the newest generation, as the KMS asks for it. */
  readonly newestSource = () => this.store.newestGenerationNumber();

  envelope(keyManagement = this.keyManagement): EnvelopeEncryption {
    return new EnvelopeEncryption(keyManagement, new TypeOrmDataKeyStore(this.dataSource));
  }

  rotate(): RotateKekUseCase {
    return new RotateKekUseCase(new Transactions(this.dataSource), this.store, this.files, this.keyManagement);
  }

  rewrap(keyManagement = this.keyManagement): RewrapDataKeysUseCase {
    return new RewrapDataKeysUseCase(new Transactions(this.dataSource), this.store, keyManagement);
  }

  destroy(): DestroyKekGenerationUseCase {
    return new DestroyKekGenerationUseCase(new Transactions(this.dataSource), this.store, this.files, this.keyManagement, this.policy);
  }

  maintain(): MaintainKekGenerationsUseCase {
    return new MaintainKekGenerationsUseCase(this.store, this.files, this.rotate(), this.rewrap(), this.destroy(), this.policy);
  }

  status(): KekStatusUseCase {
    return new KekStatusUseCase(this.store, this.files, this.rewrap(), this.policy);
  }

  /** Every key-encryption key the bank still holds: each generation file in the directory and each legacy KEK. */
  async heldKeyEncryptionKeys(): Promise<Buffer[]> {
    const held: Buffer[] = [...this.legacy.keys.values()];
    for (const generation of (await this.files.list()).held) {
      const key = await this.files.read(generation);
      if (key !== undefined) held.push(key);
    }
    return held;
  }

  async dispose(): Promise<void> {
    await this.environment.dispose();
    rmSync(this.directory, { recursive: true, force: true });
  }
}
