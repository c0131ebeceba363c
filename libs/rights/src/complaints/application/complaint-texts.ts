import { Injectable } from '@nestjs/common';
import { EnvelopeEncryption, isCryptoError } from '@infobank/crypto';
import { ValidationFailedError, type RequestContext } from '@infobank/platform';
import { COMPLAINT_TEXT_MAX_LENGTH } from '../domain/complaint';

/**
 * A complaint's texts are personal data: they are stored only encrypted under the individual's own data
 * key (as deposited records are), bound to their complaint and event by the AAD, and never logged.
 * Erasing the individual's data shreds the key and with it every text of their complaints.
 */
@Injectable()
export class ComplaintTexts {
  constructor(private readonly envelope: EnvelopeEncryption) {}

  /** Encrypts one step's text for the individual the complaint is about. */
  seal(ctx: RequestContext, individualId: string, complaintId: string, eventId: string, text: string): Promise<Buffer> {
    return this.envelope.encrypt(ctx, individualId, Buffer.from(text, 'utf8'), aad(complaintId, eventId));
  }

  /** Decrypts the texts of a complaint's steps; null for a step without text and for every text once the data was erased. */
  async open(
    ctx: RequestContext,
    individualId: string,
    complaintId: string,
    events: readonly { id: string; textCiphertext: Buffer | null }[],
  ): Promise<(string | null)[]> {
    const sealed = events.filter((event) => event.textCiphertext !== null);
    if (sealed.length === 0) return events.map(() => null);
    let plaintexts: Buffer[];
    try {
      plaintexts = await this.envelope.decryptMany(
        ctx,
        individualId,
        sealed.map((event) => ({ ciphertext: event.textCiphertext as Buffer, aad: aad(complaintId, event.id) })),
      );
    } catch (error) {
      if (isCryptoError(error, 'DATA_KEY_NOT_FOUND')) return events.map(() => null);
      throw error;
    }
    const texts = new Map(sealed.map((event, index) => [event.id, plaintexts[index].toString('utf8')]));
    return events.map((event) => texts.get(event.id) ?? null);
  }
}

/** The text as stored (trimmed), or a validation problem naming `path`; `optional` lets it be absent. */
export function complaintText(value: unknown, path: string, optional = false): string | null {
  if (optional && (value === undefined || value === null)) return null;
  const text = typeof value === 'string' ? value.trim().normalize('NFC') : '';
  const length = [...text].length;
  if (length === 0 || length > COMPLAINT_TEXT_MAX_LENGTH) {
    throw new ValidationFailedError([{ path, message: `must be 1 to ${COMPLAINT_TEXT_MAX_LENGTH} characters long` }]);
  }
  return text;
}

function aad(complaintId: string, eventId: string): Buffer {
  return Buffer.from(`complaint:${complaintId}:${eventId}`, 'utf8');
}
