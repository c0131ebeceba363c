import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import {
  GetProvisionProofUseCase,
  ListMyProvisionsUseCase,
  MAX_PROVISION_PAGE,
  ProvisionProofNotReadyError,
  type MyProvisionView,
  type ProvisionProof,
} from '@infobank/provision';
import type { CollectedSection, DisclosureSectionCollector } from './disclosure-section';

/** provisions: every provision record, newest first, each with its inclusion proof (null until sealed). */
@Injectable()
export class ProvisionsSection implements DisclosureSectionCollector {
  readonly section = 'provisions' as const;

  constructor(
    private readonly provisions: ListMyProvisionsUseCase,
    private readonly proofs: GetProvisionProofUseCase,
  ) {}

  async collect(ctx: RequestContext): Promise<CollectedSection> {
    const listed: MyProvisionView[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.provisions.execute(ctx, { limit: MAX_PROVISION_PAGE, ...(cursor === undefined ? {} : { cursor }) });
      listed.push(...page.provisions);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    const provisions = [];
    for (const provision of listed) provisions.push({ ...provision, proof: await this.proofOf(ctx, provision.id) });
    const rows = provisions.map((provision) => ({
      id: provision.id,
      recipientId: provision.recipient.id,
      recipientName: provision.recipient.name,
      offerId: provision.offer.id,
      purposeCode: provision.offer.purposeCode,
      items: provision.items,
      records: String(provision.records),
      providedAt: provision.providedAt,
      consentId: provision.consent.id,
      consentVersion: String(provision.consent.version),
      dataLifeEndsAt: provision.dataLifeEndsAt,
      benefit: provision.benefit,
      proof: provision.proof,
    }));
    return { document: { provisions }, rows };
  }

  private async proofOf(ctx: RequestContext, provisionId: string) {
    let proof: ProvisionProof;
    try {
      proof = await this.proofs.execute(ctx, provisionId);
    } catch (error) {
      if (error instanceof ProvisionProofNotReadyError) return null;
      throw error;
    }
    return {
      leaf: proof.leaf,
      leafIndex: proof.leafIndex,
      auditPath: proof.auditPath,
      checkpoint: proof.checkpoint,
      leafBody: proof.leafBody,
    };
  }
}
