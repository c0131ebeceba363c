import { generateKeyPairSync, randomUUID, sign, verify } from 'node:crypto';
import { BankKeyRing, loadKeyMaterial } from '@infobank/crypto';
import type { BenchEnvironment } from '../bench-environment';
import { WARM_UP_OPERATIONS } from '../bench-jobs';
import { progress, ScenarioMeasurement, summarise, timeSequential } from '../measure';

const SIGNATURES = 2_000;
const TYP = 'bench-receipt+jws';

/** A receipt-sized JSON payload, different each time. */
function receipt(index: number): Record<string, unknown> {
  return { type: 'bench.receipt', sequence: index, subjectId: randomUUID(), consentId: randomUUID(), issuedAt: new Date().toISOString() };
}

/**
 * EdDSA signing and verification. Only libs/crypto may import jose, so the raw baseline is the primitive
 * underneath it, node:crypto Ed25519 over the same JSON bytes; the measured side is BankKeyRing (jose).
 */
export async function ed25519Signing(environment: BenchEnvironment): Promise<ScenarioMeasurement[]> {
  const payloads = Array.from({ length: SIGNATURES }, (_, index) => receipt(index));
  const messages = payloads.map((payload) => Buffer.from(JSON.stringify(payload)));
  const warmUp = Array.from({ length: WARM_UP_OPERATIONS }, (_, index) => receipt(index));

  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signatures: Buffer[] = new Array<Buffer>(SIGNATURES);
  await timeSequential(WARM_UP_OPERATIONS, (index) => sign(null, Buffer.from(JSON.stringify(warmUp[index])), privateKey));
  progress(`raw_node_ed25519_sign / verify: ${SIGNATURES} each`);
  const rawSign = await timeSequential(SIGNATURES, (index) => {
    signatures[index] = sign(null, Buffer.from(JSON.stringify(payloads[index])), privateKey);
  });
  let rejected = 0;
  const rawVerify = await timeSequential(SIGNATURES, (index) => {
    if (!verify(null, messages[index], publicKey, signatures[index])) rejected += 1;
  });
  if (rejected > 0) throw new Error(`raw_node_ed25519_verify: ${rejected} valid signatures were rejected`);

  const keyRing = await BankKeyRing.fromKeyMaterial(
    await loadKeyMaterial({ keysDirectory: environment.keysDirectory, generateIfMissing: true }),
  );
  const tokens: string[] = new Array<string>(SIGNATURES);
  for (const payload of warmUp) await keyRing.verifyBankJws(await keyRing.signJws(payload, { typ: TYP }), { typ: TYP });
  progress(`bank_key_ring_sign_jws / verify_bank_jws: ${SIGNATURES} each`);
  const bankSign = await timeSequential(SIGNATURES, async (index) => {
    tokens[index] = await keyRing.signJws(payloads[index], { typ: TYP });
  });
  const bankVerify = await timeSequential(SIGNATURES, async (index) => {
    const verified = await keyRing.verifyBankJws(tokens[index], { typ: TYP });
    if (verified.payload.sequence !== index) throw new Error(`verify_bank_jws: token ${index} carried the wrong payload`);
  });

  const line = (name: string, description: string, baseline: string | null) => ({ name, description, operations: SIGNATURES, baseline });
  return [
    summarise(line('raw_node_ed25519_sign', 'node:crypto Ed25519 sign of the JSON payload (stands in for raw jose EdDSA)', null), rawSign),
    summarise(line('raw_node_ed25519_verify', 'node:crypto Ed25519 verify (stands in for raw jose EdDSA)', null), rawVerify),
    summarise(
      line('bank_key_ring_sign_jws', 'BankKeyRing.signJws: compact JWS, EdDSA, kid + typ header', 'raw_node_ed25519_sign'),
      bankSign,
    ),
    summarise(
      line(
        'bank_key_ring_verify_bank_jws',
        'BankKeyRing.verifyBankJws: header checks, key selection by kid, verify, JSON parse',
        'raw_node_ed25519_verify',
      ),
      bankVerify,
    ),
  ];
}
