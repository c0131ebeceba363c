import { Module, type DynamicModule, type ModuleMetadata, type Type } from '@nestjs/common';
import { AccountsModule } from '@infobank/identity';
import { RightsModule } from '../rights.module';
import {
  CountComplaintsUseCase,
  GetEscalatedComplaintUseCase,
  ListEscalatedComplaintsUseCase,
} from './application/board-complaints.use-cases';
import { ComplaintTexts } from './application/complaint-texts';
import { ComplaintThread } from './application/complaint-thread';
import { DeskSteps } from './application/desk-steps';
import {
  CloseComplaintUseCase,
  EscalateComplaintUseCase,
  GetDeskComplaintUseCase,
  ListComplaintQueueUseCase,
  ListOverdueComplaintsUseCase,
  ReplyToComplaintUseCase,
  RequestComplaintInformationUseCase,
  TriageComplaintUseCase,
} from './application/desk-complaints.use-cases';
import { AddDeskStaffUseCase, ListDeskStaffUseCase } from './application/desk-staff.use-cases';
import { COMPLAINT_RELATIONS, FileComplaintUseCase, type ComplaintRelations } from './application/file-complaint.use-case';
import { GetMyComplaintUseCase, ListMyComplaintsUseCase, ProvideComplaintInformationUseCase } from './application/my-complaints.use-cases';
import { ComplaintStore } from './infrastructure/complaint.store';

const COMPLAINT_PROVIDERS = [
  ComplaintStore,
  ComplaintTexts,
  ComplaintThread,
  ListMyComplaintsUseCase,
  GetMyComplaintUseCase,
  ProvideComplaintInformationUseCase,
  ListComplaintQueueUseCase,
  ListOverdueComplaintsUseCase,
  GetDeskComplaintUseCase,
  DeskSteps,
  TriageComplaintUseCase,
  ReplyToComplaintUseCase,
  RequestComplaintInformationUseCase,
  EscalateComplaintUseCase,
  CloseComplaintUseCase,
  ListEscalatedComplaintsUseCase,
  GetEscalatedComplaintUseCase,
  CountComplaintsUseCase,
  AddDeskStaffUseCase,
  ListDeskStaffUseCase,
];

/**
 * The complaints desk (苦情相談窓口): the individual's thread, the desk's queue and steps, the board's view
 * of escalated complaints and counts, and the operator's desk staff. Needs the platform (DataSource,
 * APP_CONFIG) and the bank's keys (CryptoModule.forPlatform(): texts are encrypted).
 */
@Module({ imports: [AccountsModule, RightsModule], providers: COMPLAINT_PROVIDERS, exports: COMPLAINT_PROVIDERS })
export class ComplaintsModule {}

/** How the app that files complaints checks the ids a complaint names (see ComplaintRelations). */
export interface ComplaintFilingOptions {
  relations: Type<ComplaintRelations>;
  imports?: ModuleMetadata['imports'];
}

/** Filing complaints (the portal): FileComplaintUseCase with the app's check of the related ids. */
@Module({})
export class ComplaintFilingModule {
  static forRoot(options: ComplaintFilingOptions): DynamicModule {
    return {
      module: ComplaintFilingModule,
      imports: [ComplaintsModule, ...(options.imports ?? [])],
      providers: [options.relations, { provide: COMPLAINT_RELATIONS, useExisting: options.relations }, FileComplaintUseCase],
      exports: [ComplaintsModule, FileComplaintUseCase],
    };
  }
}
