import { Injectable } from '@nestjs/common';
import type { DisclosureSection } from '../../domain/disclosure';
import { BenefitsSection, LinksSection, ProfileSection } from './account-sections';
import { ComplaintsSection } from './complaints-section';
import { ConsentsSection, NoticesSection } from './consent-sections';
import type { DisclosureSectionCollector } from './disclosure-section';
import { ProvisionsSection } from './provisions-section';
import { RecordsSection } from './records-section';

/**
 * Every section collector, one per DISCLOSURE_SECTIONS entry. A new section is a collector beside these,
 * listed here and in the constructor below, with its description (domain/disclosure-files.ts) and schema
 * (domain/disclosure-schemas.ts).
 */
export const SECTION_COLLECTORS = [
  ProfileSection,
  LinksSection,
  RecordsSection,
  ConsentsSection,
  ProvisionsSection,
  BenefitsSection,
  NoticesSection,
  ComplaintsSection,
];

/** Finds the collector of each section. */
@Injectable()
export class DisclosureSections {
  private readonly bySection: ReadonlyMap<DisclosureSection, DisclosureSectionCollector>;

  constructor(
    profile: ProfileSection,
    links: LinksSection,
    records: RecordsSection,
    consents: ConsentsSection,
    provisions: ProvisionsSection,
    benefits: BenefitsSection,
    notices: NoticesSection,
    complaints: ComplaintsSection,
  ) {
    const collectors: DisclosureSectionCollector[] = [profile, links, records, consents, provisions, benefits, notices, complaints];
    this.bySection = new Map(collectors.map((collector) => [collector.section, collector]));
  }

  collectorOf(section: DisclosureSection): DisclosureSectionCollector {
    const collector = this.bySection.get(section);
    if (collector === undefined) throw new Error(`No collector for disclosure section ${section}`);
    return collector;
  }
}
