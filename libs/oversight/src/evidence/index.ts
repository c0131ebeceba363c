// Certification evidence (issue 18 item 3): each guideline requirement mapped to its live control, signed by the bank.
export * from './domain/evidence';
export { evidenceHtml } from './domain/evidence-html';
export { EVIDENCE_SECTION_PRODUCERS, type EvidenceSectionProducer } from './application/evidence-section-producer';
export { ExportEvidenceUseCase, type EvidenceFile, type ExportedEvidence } from './application/export-evidence.use-case';
export { EvidenceModule } from './evidence.module';
