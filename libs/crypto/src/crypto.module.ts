import { Module, type DynamicModule, type InjectionToken, type ModuleMetadata, type OptionalFactoryDependency } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@infobank/platform';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { BankKeyRing } from './keys/infrastructure/bank-key-ring';
import { BatchEnvelopeEncryption } from './envelopes/application/batch-envelope-encryption';
import { EnvelopeEncryption } from './envelopes/application/envelope-encryption';
import { TypeOrmDataKeyBatchStore } from './envelopes/infrastructure/typeorm-data-key-batch.store';
import { TypeOrmDataKeyStore } from './envelopes/infrastructure/typeorm-data-key.store';
import { DestroyKekGenerationUseCase } from './kek-generations/application/destroy-kek-generation.use-case';
import { KekStatusUseCase } from './kek-generations/application/kek-status.use-case';
import { MaintainKekGenerationsUseCase } from './kek-generations/application/maintain-kek-generations.use-case';
import { RewrapDataKeysUseCase } from './kek-generations/application/rewrap-data-keys.use-case';
import { RotateKekUseCase } from './kek-generations/application/rotate-kek.use-case';
import type { KekGenerationPolicy } from './kek-generations/domain/kek-generation';
import { GenerationKeyManagementService } from './kek-generations/application/generation-key-management.service';
import { KEK_GENERATION_POLICY } from './kek-generations/kek-generation.tokens';
import { KekGenerationFiles } from './kek-generations/infrastructure/kek-generation-files';
import { KekGenerationStore } from './kek-generations/infrastructure/kek-generation.store';
import type { KeyManagementService } from './keys/application/key-management.service';
import { KeyMaterial, loadKeyMaterial, type KeyMaterialSettings } from './keys/infrastructure/key-material';
import { PseudonymousIds } from './keys/infrastructure/pseudonymous-id';

/** Where the process's key material is, according to its validated configuration. */
export function keyMaterialSettingsFrom(config: AppConfig): KeyMaterialSettings {
  return {
    keysDirectory: config.keys.directory,
    signingKeysFile: config.keys.signingKeysFile,
    keyEncryptionKeys: config.keys.keyEncryptionKeys,
    pseudonymSecret: config.keys.pseudonymSecret,
    generateIfMissing: config.keys.generateIfMissing,
    kekGenerationsDirectory: config.kekGenerations.directory,
    kekGenerationPolicy: {
      rotationDays: config.kekGenerations.rotationDays,
      backupRetentionDays: config.kekGenerations.backupRetentionDays,
    },
  };
}

/** Injection token of the loaded KeyMaterial. */
export const KEY_MATERIAL = Symbol('KEY_MATERIAL');
/** Injection token of the KeyManagementService that wraps data keys. */
export const KEY_MANAGEMENT_SERVICE = Symbol('KEY_MANAGEMENT_SERVICE');
/** Injection token of the DataKeyStore behind EnvelopeEncryption. */
export const DATA_KEY_STORE = Symbol('DATA_KEY_STORE');
const KEY_MATERIAL_SETTINGS = Symbol('KEY_MATERIAL_SETTINGS');
const DEFAULT_KEK_GENERATION_POLICY: KekGenerationPolicy = { rotationDays: 30, backupRetentionDays: 35 };

/** How an app tells CryptoModule where its keys are (usually from the validated config). */
export interface CryptoModuleOptions {
  imports?: ModuleMetadata['imports'];
  useFactory: (...args: never[]) => KeyMaterialSettings | Promise<KeyMaterialSettings>;
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
}

/**
 * Global module giving every app and the worker the bank's key ring, envelope encryption (one record
 * or whole batches) and pseudonymous ids. Needs TypeORM's DataSource registered (TypeOrmModule.forRoot*).
 */
@Module({})
export class CryptoModule {
  /** Loads key material once at start; startup fails if it is missing or invalid. */
  static forRoot(options: CryptoModuleOptions): DynamicModule {
    return {
      module: CryptoModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: KEY_MATERIAL_SETTINGS, useFactory: options.useFactory, inject: options.inject ?? [] },
        {
          provide: KEY_MATERIAL,
          useFactory: (settings: KeyMaterialSettings) => loadKeyMaterial(settings),
          inject: [KEY_MATERIAL_SETTINGS],
        },
        { provide: BankKeyRing, useFactory: (material: KeyMaterial) => BankKeyRing.fromKeyMaterial(material), inject: [KEY_MATERIAL] },
        {
          provide: KekGenerationFiles,
          useFactory: (settings: KeyMaterialSettings) =>
            new KekGenerationFiles(settings.kekGenerationsDirectory ?? join(settings.keysDirectory, 'kek-generations')),
          inject: [KEY_MATERIAL_SETTINGS],
        },
        {
          provide: KEK_GENERATION_POLICY,
          useFactory: (settings: KeyMaterialSettings): KekGenerationPolicy => settings.kekGenerationPolicy ?? DEFAULT_KEK_GENERATION_POLICY,
          inject: [KEY_MATERIAL_SETTINGS],
        },
        {
          provide: GenerationKeyManagementService,
          useFactory: (material: KeyMaterial, files: KekGenerationFiles, store: KekGenerationStore) =>
            new GenerationKeyManagementService(files, material.keyEncryptionKeys, () => store.newestGenerationNumber()),
          inject: [KEY_MATERIAL, KekGenerationFiles, KekGenerationStore],
        },
        { provide: KEY_MANAGEMENT_SERVICE, useExisting: GenerationKeyManagementService },
        KekGenerationStore,
        RotateKekUseCase,
        RewrapDataKeysUseCase,
        DestroyKekGenerationUseCase,
        KekStatusUseCase,
        MaintainKekGenerationsUseCase,
        { provide: DATA_KEY_STORE, useFactory: (dataSource: DataSource) => new TypeOrmDataKeyStore(dataSource), inject: [DataSource] },
        {
          provide: EnvelopeEncryption,
          useFactory: (keyManagement: KeyManagementService, store: TypeOrmDataKeyStore) => new EnvelopeEncryption(keyManagement, store),
          inject: [KEY_MANAGEMENT_SERVICE, DATA_KEY_STORE],
        },
        {
          provide: BatchEnvelopeEncryption,
          useFactory: (keyManagement: KeyManagementService, dataSource: DataSource) =>
            new BatchEnvelopeEncryption(keyManagement, new TypeOrmDataKeyBatchStore(dataSource)),
          inject: [KEY_MANAGEMENT_SERVICE, DataSource],
        },
        {
          provide: PseudonymousIds,
          useFactory: (material: KeyMaterial) => new PseudonymousIds(material.pseudonymSecret),
          inject: [KEY_MATERIAL],
        },
      ],
      exports: [
        KEY_MATERIAL,
        BankKeyRing,
        KEY_MANAGEMENT_SERVICE,
        GenerationKeyManagementService,
        KekGenerationFiles,
        KEK_GENERATION_POLICY,
        RotateKekUseCase,
        RewrapDataKeysUseCase,
        DestroyKekGenerationUseCase,
        KekStatusUseCase,
        MaintainKekGenerationsUseCase,
        DATA_KEY_STORE,
        EnvelopeEncryption,
        BatchEnvelopeEncryption,
        PseudonymousIds,
      ],
    };
  }

  /** The usual registration: key material located by the process's validated configuration. */
  static forPlatform(): DynamicModule {
    return CryptoModule.forRoot({
      inject: [APP_CONFIG],
      useFactory: keyMaterialSettingsFrom,
    });
  }
}
