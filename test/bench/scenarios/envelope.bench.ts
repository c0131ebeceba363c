import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { EnvelopeEncryption, LocalKeyManagementService, loadKeyMaterial, TypeOrmDataKeyStore } from '@infobank/crypto';
import { createRequestContext } from '@infobank/platform';
import type { BenchEnvironment } from '../bench-environment';
import { WARM_UP_OPERATIONS } from '../bench-jobs';
import { progress, ScenarioMeasurement, summarise, timeSequential } from '../measure';

const SUBJECTS = 200;
const RECORDS_PER_SUBJECT = 10;
const RECORD_BYTES = 1_024;
const RECORDS = SUBJECTS * RECORDS_PER_SUBJECT;
const WARM_UP_SUBJECTS = 5;

interface DepositedRecord {
  subjectId: string;
  plaintext: Buffer;
  aad: Buffer;
}

function depositedRecords(subjects: number): DepositedRecord[] {
  return Array.from({ length: subjects }, () => randomUUID()).flatMap((subjectId) =>
    Array.from({ length: RECORDS_PER_SUBJECT }, (_, index) => ({
      subjectId,
      plaintext: randomBytes(RECORD_BYTES),
      aad: Buffer.from(`bench-record:${subjectId}:${index}`),
    })),
  );
}

/**
 * EnvelopeEncryption (LocalKeyManagementService + TypeOrmDataKeyStore) of 1 KiB records, one record a
 * call, subject by subject: the first record of each subject creates its data key. Compared to raw
 * AES-256-GCM of the same records under one key held in memory.
 */
export async function envelopeEncryption(environment: BenchEnvironment): Promise<ScenarioMeasurement[]> {
  const records = depositedRecords(SUBJECTS);
  const rawKey = randomBytes(32);
  const rawSealed = new Array<{ iv: Buffer; tag: Buffer; ciphertext: Buffer }>(RECORDS);
  const rawEncryptOne = (index: number) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', rawKey, iv, { authTagLength: 16 });
    cipher.setAAD(records[index].aad);
    const ciphertext = Buffer.concat([cipher.update(records[index].plaintext), cipher.final()]);
    rawSealed[index] = { iv, tag: cipher.getAuthTag(), ciphertext };
  };
  const rawDecryptOne = (index: number) => {
    const { iv, tag, ciphertext } = rawSealed[index];
    const decipher = createDecipheriv('aes-256-gcm', rawKey, iv, { authTagLength: 16 });
    decipher.setAAD(records[index].aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  };
  await timeSequential(WARM_UP_OPERATIONS, rawEncryptOne);
  await timeSequential(WARM_UP_OPERATIONS, rawDecryptOne);
  progress(`raw_aes_256_gcm_encrypt / decrypt: ${RECORDS} records of ${RECORD_BYTES} bytes`);
  const rawEncrypt = await timeSequential(RECORDS, rawEncryptOne);
  const rawDecrypt = await timeSequential(RECORDS, rawDecryptOne);

  const material = await loadKeyMaterial({ keysDirectory: environment.keysDirectory, generateIfMissing: true });
  const envelope = new EnvelopeEncryption(
    new LocalKeyManagementService(material.keyEncryptionKeys),
    new TypeOrmDataKeyStore(environment.dataSource),
  );
  const ctx = createRequestContext({ type: 'system', name: 'bench' });
  const warmUp = depositedRecords(WARM_UP_SUBJECTS);
  for (const record of warmUp) {
    await envelope.decrypt(ctx, record.subjectId, await envelope.encrypt(ctx, record.subjectId, record.plaintext, record.aad), record.aad);
  }
  progress(`envelope_encrypt / decrypt: ${SUBJECTS} subjects x ${RECORDS_PER_SUBJECT} records`);
  const sealed = new Array<Buffer>(RECORDS);
  const opened = new Array<Buffer>(RECORDS);
  const encrypt = await timeSequential(RECORDS, async (index) => {
    const { subjectId, plaintext, aad } = records[index];
    sealed[index] = await envelope.encrypt(ctx, subjectId, plaintext, aad);
  });
  const decrypt = await timeSequential(RECORDS, async (index) => {
    const { subjectId, aad } = records[index];
    opened[index] = await envelope.decrypt(ctx, subjectId, sealed[index], aad);
  });
  const wrong = records.filter((record, index) => !record.plaintext.equals(opened[index])).length;
  if (wrong > 0) throw new Error(`envelope_decrypt: ${wrong} records did not round-trip`);
  const [{ keys }] = await environment.dataSource.query('SELECT count(*)::int AS "keys" FROM "data_keys"');
  if (keys !== SUBJECTS + WARM_UP_SUBJECTS)
    throw new Error(`envelope_encrypt: expected ${SUBJECTS + WARM_UP_SUBJECTS} data keys, found ${keys}`);

  const line = (name: string, description: string, baseline: string | null) => ({ name, description, operations: RECORDS, baseline });
  return [
    summarise(line('raw_aes_256_gcm_encrypt', 'node:crypto AES-256-GCM of one 1 KiB record, key in memory', null), rawEncrypt),
    summarise(line('raw_aes_256_gcm_decrypt', 'node:crypto AES-256-GCM open of one 1 KiB record, key in memory', null), rawDecrypt),
    summarise(
      line(
        'envelope_encrypt',
        `EnvelopeEncryption.encrypt of one 1 KiB record (data key read from Postgres and unwrapped; created for each subject's first record)`,
        'raw_aes_256_gcm_encrypt',
      ),
      encrypt,
    ),
    summarise(
      line(
        'envelope_decrypt',
        'EnvelopeEncryption.decrypt of one 1 KiB record (data key read from Postgres and unwrapped)',
        'raw_aes_256_gcm_decrypt',
      ),
      decrypt,
    ),
  ];
}
