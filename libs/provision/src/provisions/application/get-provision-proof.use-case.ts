import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { ReplicaReads, type RequestContext, requireIndividual } from '@infobank/platform';
import { TransparencyLog, type InclusionProofView } from '@infobank/transparency-log';
import { ProvisionNotFoundError, ProvisionProofNotReadyError } from '../../provision.errors';
import type { LocalisedName } from '../infrastructure/provision-record.entity';
import { ProvisionRecordStore } from '../infrastructure/provision-record.store';

/** The provision a proof is about, as the individual's history shows it. */
export interface ProvenProvision {
  id: string;
  providedAt: string;
  recipient: { id: string; name: LocalisedName };
  offerId: string;
  consent: { id: string; version: number };
  transferId: string;
  part: number;
  items: string[];
}

/**
 * A provision's inclusion proof, shaped like the consent proofs: the inclusion proof fields at the top
 * level (`leaf` base64url, `leafIndex`, `auditPath`, `checkpoint`), so the saved document verifies with
 * `npm run admin -- log:verify-proof FILE`, plus the provision and the leaf body as readable JSON text.
 */
export type ProvisionProof = InclusionProofView & {
  provision: ProvenProvision;
  /** The leaf's bytes as text: the canonical JSON (provisionLeafBody) the leaf hash covers. */
  leafBody: string;
};

/**
 * Proof that one of my provisions is in the bank's transparency log (RFC 9162 inclusion proof against the
 * latest signed checkpoint). Another individual's provision reads as one that does not exist;
 * PROVISION_PROOF_NOT_READY until the sealer has sealed its leaf.
 */
@Injectable()
export class GetProvisionProofUseCase {
  constructor(
    private readonly records: ProvisionRecordStore,
    private readonly log: TransparencyLog,
    private readonly reads: ReplicaReads,
  ) {}

  async execute(ctx: RequestContext, provisionId: string): Promise<ProvisionProof> {
    const individualId = requireIndividual(ctx, {
      code: 'UNAUTHENTICATED',
      detail: 'Only a signed-in individual reads their provision proofs.',
    });
    return this.reads.run(ctx, (read) => this.read(read, individualId, provisionId));
  }

  private async read(ctx: RequestContext, individualId: string, provisionId: string): Promise<ProvisionProof> {
    const row = isUuid(provisionId) ? await this.records.findOwn(ctx, individualId, provisionId.toLowerCase()) : null;
    if (row === null) throw new ProvisionNotFoundError();
    const proof = await this.log.inclusionProof(ctx, row.leafId);
    if (proof === null) throw new ProvisionProofNotReadyError();
    return {
      provision: {
        id: row.id,
        providedAt: row.providedAt.toISOString(),
        recipient: { id: row.recipientId, name: row.recipientName },
        offerId: row.offerId,
        consent: { id: row.consentId, version: row.consentVersion },
        transferId: row.transferId,
        part: row.part,
        items: row.items,
      },
      leafBody: Buffer.from(proof.leaf, 'base64url').toString('utf8'),
      ...proof,
    };
  }
}
