import { Inject, Injectable } from '@nestjs/common';
import { KEY_MATERIAL, KeyedDigest, type KeyMaterial } from '@infobank/crypto';

/** HKDF purpose label of the content digest key; changing it changes every digest. */
const CONTENT_DIGEST_PURPOSE = 'infobank/vault/record-content/v1';

/** What a record version's content digest covers. */
export interface DigestedContent {
  providerId: string;
  recordId: string;
  individualId: string;
  category: string;
  observedAt: Date;
  /** The record's data as canonical JSON (UTF-8): what is encrypted, too. */
  canonicalData: Buffer;
}

/**
 * The keyed digest of a record's content (HMAC-SHA-256 under a key HKDF-derived from the bank's
 * pseudonym secret), stored in clear to recognise a record sent again unchanged. It also covers the
 * provider, record and individual, so equal content of two people never shows as equal digests.
 */
@Injectable()
export class RecordContentDigest {
  private readonly digest: KeyedDigest;

  constructor(@Inject(KEY_MATERIAL) material: KeyMaterial) {
    this.digest = KeyedDigest.derive(material.pseudonymSecret, CONTENT_DIGEST_PURPOSE);
  }

  of(content: DigestedContent): Buffer {
    return this.digest.digest(
      content.providerId,
      content.recordId,
      content.individualId,
      content.category,
      content.observedAt.toISOString(),
      content.canonicalData,
    );
  }
}
