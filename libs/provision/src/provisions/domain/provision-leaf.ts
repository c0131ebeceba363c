/** The transparency log kind of a provision record's leaf. */
export const PROVISION_LEAF_KIND = 'provision';

/** What a provision's leaf states: which consent (and version) let which items of which records reach whom, when. */
export interface ProvisionLeafFacts {
  provisionId: string;
  consentId: string;
  consentVersion: number;
  recipientId: string;
  offerId: string;
  transferId: string;
  part: number;
  /** The recipient's pseudonymous id of the individual (never the bank's own id). */
  subject: string;
  items: readonly string[];
  recordDigests: readonly string[];
  providedAt: Date;
}

/**
 * The canonical bytes of a provision's leaf: JSON with a fixed key order, so anyone holding the record
 * can rebuild the leaf and check it against an inclusion proof.
 */
export function provisionLeafBody(facts: ProvisionLeafFacts): string {
  return JSON.stringify({
    kind: PROVISION_LEAF_KIND,
    provisionId: facts.provisionId,
    consentId: facts.consentId,
    consentVersion: facts.consentVersion,
    recipientId: facts.recipientId,
    offerId: facts.offerId,
    transferId: facts.transferId,
    part: facts.part,
    subject: facts.subject,
    items: [...facts.items],
    recordDigests: [...facts.recordDigests],
    providedAt: facts.providedAt.toISOString(),
  });
}
