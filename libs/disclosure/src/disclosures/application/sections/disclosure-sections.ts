import { Injectable } from '@nestjs/common';
import type { DisclosureSection } from '../../domain/disclosure';
import { BenefitsSection, LinksSection, ProfileSection } from './account-sections';
import { ConsentsSection, NoticesSection } from './consent-sections';
import type { DisclosureSectionCollector } from './disclosure-section';
import { ProvisionsSection } from './provisions-section';
import { RecordsSection } from './records-section';

/**
 * Every section collector, one per DISCLOSURE_SECTIONS entry.
 *
 * EXTENSION POINT (complaints, 苦情): when the complaints desk lands, add `complaints-section.ts` beside
 * these (a `DisclosureSectionCollector` with `section = 'complaints'` reading the individual's own
 * complaints through the complaints library's exported use case), list it in SECTION_COLLECTORS and
 * in the constructor below, and add `'complaints'` to DISCLOSURE_SECTIONS with its description
 * (domain/disclosure-files.ts) and schema (domain/disclosure-schemas.ts).
 */
export const SECTION_COLLECTORS = [
  ProfileSection,
  LinksSection,
  RecordsSection,
  ConsentsSection,
  ProvisionsSection,
  BenefitsSection,
  NoticesSection,
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
  ) {
    const collectors: DisclosureSectionCollector[] = [profile, links, records, consents, provisions, benefits, notices];
    this.bySection = new Map(collectors.map((collector) => [collector.section, collector]));
  }

  collectorOf(section: DisclosureSection): DisclosureSectionCollector {
    const collector = this.bySection.get(section);
    if (collector === undefined) throw new Error(`No collector for disclosure section ${section}`);
    return collector;
  }
}
