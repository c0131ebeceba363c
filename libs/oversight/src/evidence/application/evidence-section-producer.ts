import type { RequestContext } from '@infobank/platform';
import type { EvidenceSection } from '../domain/evidence';
import type { EvidencePeriod } from '../infrastructure/evidence.queries';

/** Makes one section of the certification evidence from the running system. */
export interface EvidenceSectionProducer {
  /** The requirement it covers (one of EVIDENCE_REQUIREMENT_IDS). */
  readonly id: string;
  produce(ctx: RequestContext, period: EvidencePeriod | null): Promise<EvidenceSection>;
}

/** The injection token of the list of section producers the bundle is built from. */
export const EVIDENCE_SECTION_PRODUCERS = Symbol('EVIDENCE_SECTION_PRODUCERS');
