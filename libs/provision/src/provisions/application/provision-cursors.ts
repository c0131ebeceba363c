import { Inject, Injectable } from '@nestjs/common';
import { KEY_MATERIAL, KeyedSeal, type KeyMaterial } from '@infobank/crypto';
import { decodeProvisionCursor, positionFromBytes, positionToBytes, type ProvisionPosition } from '../domain/provision-history-query';

/** The HKDF label of the history cursors' seal. */
export const PROVISION_CURSOR_PURPOSE = 'infobank/provision/history-cursor/v1';
/** A sealed position: 40 bytes + nonce and tag (68 bytes) in base64url. */
const SEALED_CURSOR = /^[A-Za-z0-9_-]{91}$/;

/**
 * The history's page cursors: the last provision's time and id and whose history it is, sealed (AES-256-GCM under
 * a key derived from the bank's pseudonym secret), so that the next page starts at a known time (PostgreSQL skips
 * the newer months' partitions as it plans) while a URL carrying the cursor still says nothing about anyone.
 * Id-only cursors issued before keep working: their position is read inside the page's statement.
 */
@Injectable()
export class ProvisionCursors {
  private readonly seal: KeyedSeal;

  constructor(@Inject(KEY_MATERIAL) material: KeyMaterial) {
    this.seal = KeyedSeal.derive(material.pseudonymSecret, PROVISION_CURSOR_PURPOSE);
  }

  /** `individualId`'s cursor of the page after the provision at `position`. */
  issue(individualId: string, position: { id: string; providedAt: string }): string {
    return this.seal.seal(positionToBytes(individualId, position)).toString('base64url');
  }

  /**
   * The position a cursor names for `individualId`; null when it is not one this API issued (or was sealed under
   * another secret). Another individual's cursor reads as its provision's id alone, which finds nothing of theirs.
   */
  read(individualId: string, text: string): ProvisionPosition | null {
    if (!SEALED_CURSOR.test(text)) return decodeProvisionCursor(text);
    const opened = this.seal.open(Buffer.from(text, 'base64url'));
    const read = opened === null ? null : positionFromBytes(opened);
    if (read === null) return null;
    return read.individualId === individualId ? read.position : { id: read.position.id, providedAt: null };
  }
}
