import { createHash } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { rootFromInclusionPath, verifyCheckpoint, verifyInclusionProof } from './inclusion-proof';

// An RFC 9162 tree built here from the RFC's definitions (§2.1.1, §2.1.3.1), independent of the verifier.
const sha256 = (...parts: Uint8Array[]) => new Uint8Array(parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest());
const largestPowerOfTwoBelow = (n: number) => 2 ** Math.floor(Math.log2(n - 1));
function treeHash(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 1) return sha256(Uint8Array.of(0), leaves[0]);
  const k = largestPowerOfTwoBelow(leaves.length);
  return sha256(Uint8Array.of(1), treeHash(leaves.slice(0, k)), treeHash(leaves.slice(k)));
}
function auditPath(index: number, leaves: Uint8Array[]): Uint8Array[] {
  if (leaves.length === 1) return [];
  const k = largestPowerOfTwoBelow(leaves.length);
  return index < k
    ? [...auditPath(index, leaves.slice(0, k)), treeHash(leaves.slice(k))]
    : [...auditPath(index - k, leaves.slice(k)), treeHash(leaves.slice(0, k))];
}
const leafFor = (provisionId: string) => new TextEncoder().encode(JSON.stringify({ kind: 'provision', provisionId }));
const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('the in-browser inclusion proof check', () => {
  it('computes the root of every leaf of trees of 1 to 9 leaves, and no root once a path hash is changed', async () => {
    for (let size = 1; size <= 9; size += 1) {
      const leaves = Array.from({ length: size }, (_, index) => leafFor(`p-${index}`));
      const root = treeHash(leaves);
      for (let index = 0; index < size; index += 1) {
        const path = auditPath(index, leaves);
        expect(await rootFromInclusionPath(leaves[index], index, size, path)).toEqual(root);
        if (path.length > 0) {
          const changed = path.map((hash, position) =>
            position === 0 ? Uint8Array.from(hash, (byte, at) => (at === 0 ? byte ^ 1 : byte)) : hash,
          );
          expect(await rootFromInclusionPath(leaves[index], index, size, changed)).not.toEqual(root);
        }
      }
    }
    expect(await rootFromInclusionPath(leafFor('x'), 3, 3, [])).toBeNull();
  });

  describe('a proof against a signed checkpoint', () => {
    let jwks: { keys: JWK[] };
    let sign: (payload: Record<string, unknown>, typ?: string) => Promise<string>;
    const leaves = Array.from({ length: 5 }, (_, index) => leafFor(`p-${index}`));
    const proofOf = async (index: number, typ?: string) => ({
      leaf: base64url(leaves[index]),
      leafIndex: index,
      auditPath: auditPath(index, leaves).map(base64url),
      checkpoint: await sign({ treeSize: 5, rootHash: base64url(treeHash(leaves)), time: '2026-12-07T00:00:00Z' }, typ),
    });

    beforeAll(async () => {
      const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'bank-1', alg: 'EdDSA' }] };
      sign = (payload, typ = 'checkpoint+jwt') =>
        new SignJWT(payload).setProtectedHeader({ alg: 'EdDSA', kid: 'bank-1', typ }).sign(privateKey);
    });

    it('verifies a genuine proof for the expected provision', async () => {
      await expect(verifyInclusionProof(await proofOf(3), jwks, { provisionId: 'p-3' })).resolves.toEqual({
        valid: true,
        treeSize: 5,
        signedAt: '2026-12-07T00:00:00Z',
      });
    });

    it('refuses a flipped leaf byte, another provision, a foreign key, a wrong typ and a damaged path', async () => {
      const genuine = await proofOf(2);
      const flipped = Buffer.from(genuine.leaf, 'base64url');
      flipped[flipped.length - 2] ^= 1;
      await expect(
        verifyInclusionProof({ ...genuine, leaf: flipped.toString('base64url') }, jwks, { provisionId: 'p-2' }),
      ).resolves.toEqual({
        valid: false,
        reason: 'path',
      });
      await expect(verifyInclusionProof(genuine, jwks, { provisionId: 'p-4' })).resolves.toEqual({ valid: false, reason: 'leaf' });
      const other = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const foreign = { keys: [{ ...(await exportJWK(other.publicKey)), kid: 'bank-1', alg: 'EdDSA' }] };
      await expect(verifyInclusionProof(genuine, foreign, { provisionId: 'p-2' })).resolves.toEqual({ valid: false, reason: 'signature' });
      await expect(verifyInclusionProof(await proofOf(2, 'JWT'), jwks, { provisionId: 'p-2' })).resolves.toEqual({
        valid: false,
        reason: 'signature',
      });
      await expect(verifyInclusionProof({ ...genuine, auditPath: ['not base64!'] }, jwks, { provisionId: 'p-2' })).resolves.toEqual({
        valid: false,
        reason: 'malformed',
      });
    });

    it('verifies a checkpoint on its own, returning what its signature covers, and refuses a foreign key or a wrong typ', async () => {
      const root = base64url(treeHash(leaves));
      const { checkpoint } = await proofOf(0);
      await expect(verifyCheckpoint(checkpoint, jwks)).resolves.toEqual({
        valid: true,
        treeSize: 5,
        rootHash: root,
        signedAt: '2026-12-07T00:00:00Z',
      });
      const other = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const foreign = { keys: [{ ...(await exportJWK(other.publicKey)), kid: 'bank-1', alg: 'EdDSA' }] };
      await expect(verifyCheckpoint(checkpoint, foreign)).resolves.toEqual({ valid: false, reason: 'signature' });
      await expect(verifyCheckpoint((await proofOf(0, 'JWT')).checkpoint, jwks)).resolves.toEqual({ valid: false, reason: 'signature' });
      await expect(verifyCheckpoint(await sign({ treeSize: 5, time: 'x' }), jwks)).resolves.toEqual({ valid: false, reason: 'checkpoint' });
    });
  });
});
