import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@infobank/platform';
import { ListBoardMembersUseCase, ReviewModule } from '@infobank/review';
import { complaintsAndDisclosureEvidenceProducers } from './application/complaints-disclosure-evidence-producers';
import { coreEvidenceProducers } from './application/core-evidence-producers';
import { EVIDENCE_SECTION_PRODUCERS } from './application/evidence-section-producer';
import { ExportEvidenceUseCase } from './application/export-evidence.use-case';
import { EvidenceQueries } from './infrastructure/evidence.queries';

/**
 * Certification evidence. The bundle is built from EVIDENCE_SECTION_PRODUCERS: a requirement gets its section by
 * adding its producer to this list. Needs PlatformModule and the bank key ring (CryptoModule.forPlatform()).
 */
@Module({
  imports: [ReviewModule],
  providers: [
    EvidenceQueries,
    {
      provide: EVIDENCE_SECTION_PRODUCERS,
      inject: [EvidenceQueries, APP_CONFIG, ListBoardMembersUseCase],
      useFactory: (queries: EvidenceQueries, config: AppConfig, boardMembers: ListBoardMembersUseCase) => [
        ...coreEvidenceProducers(queries, config, boardMembers),
        ...complaintsAndDisclosureEvidenceProducers(queries, config),
      ],
    },
    ExportEvidenceUseCase,
  ],
  exports: [ExportEvidenceUseCase],
})
export class EvidenceModule {}
