// A thread of the benchmark's recipient client: opens each downloaded part (JWE decrypted with the recipient's key,
// the bank's JWS verified against its published JWKS) and answers with the pseudonymous subjects it holds.
import { installNativeBase64Decoding } from '@infobank/crypto';
import { compactDecrypt, compactVerify, createLocalJWKSet, type JSONWebKeySet, type JWK } from 'jose';
import { parentPort, workerData } from 'node:worker_threads';

/** What the thread is started with: the recipient's private key, the bank's JWKS and the package's header types. */
export interface PartOpeningSetup {
  decryptionKey: JWK;
  jwks: JSONWebKeySet;
  jweType: string;
  jwsType: string;
}

/** One part to open. */
export interface PartToOpen {
  part: number;
  jwe: string;
}

/** What opening one part gave: its subjects, or why it could not be opened. */
export type OpenedPart = { part: number; subjects: string[] } | { part: number; failure: string } | { ready: true };

// A recipient on a runtime with the standard `Uint8Array.fromBase64` (Node 22+, browsers) decodes natively too.
installNativeBase64Decoding();
const setup = workerData as PartOpeningSetup;
const jwks = createLocalJWKSet(setup.jwks);

async function open({ part, jwe }: PartToOpen): Promise<OpenedPart> {
  const { plaintext, protectedHeader } = await compactDecrypt(jwe, setup.decryptionKey, {
    keyManagementAlgorithms: ['ECDH-ES+A256KW'],
    contentEncryptionAlgorithms: ['A256GCM'],
  });
  if (protectedHeader.typ !== setup.jweType) throw new Error(`unexpected JWE typ ${String(protectedHeader.typ)}`);
  const verified = await compactVerify(new TextDecoder().decode(plaintext), jwks, { algorithms: ['EdDSA'] });
  if (verified.protectedHeader.typ !== setup.jwsType) throw new Error(`unexpected JWS typ ${String(verified.protectedHeader.typ)}`);
  const payload = JSON.parse(new TextDecoder().decode(verified.payload)) as { subjects: { subject: string }[] };
  return { part, subjects: payload.subjects.map((subject) => subject.subject) };
}

// Started: the client's clock may start (loading the modules above is the client's start-up, not its work on a part).
parentPort?.postMessage({ ready: true });
parentPort?.on('message', (input: PartToOpen) => {
  open(input).then(
    (opened) => parentPort?.postMessage(opened),
    (error: unknown) => parentPort?.postMessage({ part: input.part, failure: error instanceof Error ? error.message : String(error) }),
  );
});
