import { ApiProperty } from '@nestjs/swagger';
import { AUDITED_TRANSFER_STATUSES, SUMMARY_BUCKETS } from '@infobank/oversight';
import { OrganisationNameDto } from '../../attestations/dto/attestation-overview.dto';

/** A recipient by id and name. */
export class AuditRecipientRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: OrganisationNameDto })
  name: OrganisationNameDto;
}

/** The consent and version a provision relied on. */
export class ConsentVersionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  version: number;
}

/** The transfer part a provision was delivered in. */
export class TransferPartRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  part: number;
}

/** One provision (提供記録); the individual appears only as the recipient's pseudonymous subject id. */
export class AuditedProvisionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'pseudonymous subject id the recipient knows the individual by' })
  subjectId: string;

  @ApiProperty({ type: AuditRecipientRefDto })
  recipient: AuditRecipientRefDto;

  @ApiProperty({ format: 'uuid' })
  offerId: string;

  @ApiProperty()
  purposeCode: string;

  @ApiProperty({ type: [String] })
  items: string[];

  @ApiProperty({ type: [String], description: 'data categories of the items' })
  categories: string[];

  @ApiProperty({ description: 'how many records were provided' })
  records: number;

  @ApiProperty({ type: ConsentVersionDto })
  consent: ConsentVersionDto;

  @ApiProperty({ type: TransferPartRefDto })
  transfer: TransferPartRefDto;

  @ApiProperty({ format: 'date-time' })
  providedAt: string;

  @ApiProperty({ type: Number, nullable: true, description: 'transparency log leaf index; null until sealed' })
  leafIndex: number | null;
}

/** A page of provisions, newest first. */
export class AuditedProvisionsPageDto {
  @ApiProperty({ type: [AuditedProvisionDto] })
  provisions: AuditedProvisionDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

/** One cell of the provision summary. */
export class ProvisionSummaryCellDto {
  @ApiProperty({ format: 'uuid' })
  recipientId: string;

  @ApiProperty()
  purposeCode: string;

  @ApiProperty()
  categoryCode: string;

  @ApiProperty({ format: 'date-time', description: 'start of the bucket (UTC)' })
  bucketStart: string;

  @ApiProperty()
  provisions: number;

  @ApiProperty({ description: 'distinct individuals' })
  subjects: number;

  @ApiProperty({ description: 'records of those provisions (a provision spanning two categories counts in both)' })
  records: number;
}

/** Provision counts by recipient × purpose × category × bucket. */
export class ProvisionSummaryDto {
  @ApiProperty({ enum: SUMMARY_BUCKETS })
  bucket: string;

  @ApiProperty({ type: [ProvisionSummaryCellDto] })
  cells: ProvisionSummaryCellDto[];
}

/** Subjects of a transfer per outcome. */
export class SubjectOutcomesDto {
  @ApiProperty()
  pending: number;

  @ApiProperty()
  awaitingApproval: number;

  @ApiProperty()
  ready: number;

  @ApiProperty()
  delivered: number;

  @ApiProperty()
  denied: number;

  @ApiProperty()
  expired: number;
}

/** One transfer as the board audits it. */
export class AuditedTransferDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  recipientId: string;

  @ApiProperty({ format: 'uuid' })
  offerId: string;

  @ApiProperty({ enum: AUDITED_TRANSFER_STATUSES })
  status: string;

  @ApiProperty()
  parts: number;

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  readyAt: string | null;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  deliveredAt: string | null;

  @ApiProperty({ type: SubjectOutcomesDto })
  subjects: SubjectOutcomesDto;
}

/** Denied subjects for one reason. */
export class DenialReasonCountDto {
  @ApiProperty()
  reason: string;

  @ApiProperty()
  subjects: number;
}

/** A page of transfers and the denial reasons over every matching transfer. */
export class AuditedTransfersPageDto {
  @ApiProperty({ type: [AuditedTransferDto] })
  transfers: AuditedTransferDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;

  @ApiProperty({ type: [DenialReasonCountDto] })
  denialReasons: DenialReasonCountDto[];
}
