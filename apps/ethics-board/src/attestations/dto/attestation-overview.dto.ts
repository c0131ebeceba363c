import { ApiProperty } from '@nestjs/swagger';
import { NOTICE_KINDS, type NoticeKind } from '@infobank/revocation';

/** An organisation's name in Japanese (and English, if registered). */
export class OrganisationNameDto {
  @ApiProperty()
  ja: string;

  @ApiProperty({ required: false })
  en?: string;
}

/** A recipient, by id and name. */
export class NoticeRecipientDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: OrganisationNameDto, nullable: true })
  name: OrganisationNameDto | null;
}

/** A notice the recipient did not attest by its due time. */
export class OverdueNoticeDto {
  @ApiProperty({ format: 'uuid' })
  noticeId: string;

  @ApiProperty({ type: NoticeRecipientDto })
  recipient: NoticeRecipientDto;

  @ApiProperty({ enum: NOTICE_KINDS })
  kind: NoticeKind;

  @ApiProperty({ description: 'how many subjects the notice names' })
  subjects: number;

  @ApiProperty({ description: 'how many transfers the notice names' })
  transfers: number;

  @ApiProperty({ format: 'date-time' })
  issuedAt: string;

  @ApiProperty({ format: 'date-time' })
  dueAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  overdueAt: string | null;
}

/** Overdue notices, oldest due first. */
export class OverdueNoticeListDto {
  @ApiProperty({ type: [OverdueNoticeDto] })
  notices: OverdueNoticeDto[];
}

/** Notices of one recipient per state. */
export class NoticeCountsDto {
  @ApiProperty()
  open: number;

  @ApiProperty()
  attested: number;

  @ApiProperty()
  overdue: number;
}

/** How one recipient answers notices. */
export class RecipientAttestationsDto {
  @ApiProperty({ type: NoticeRecipientDto })
  recipient: NoticeRecipientDto;

  @ApiProperty({ type: NoticeCountsDto })
  counts: NoticeCountsDto;

  @ApiProperty({ nullable: true, type: Number, description: 'median seconds from issue to attestation; null when none attested' })
  medianSecondsToAttest: number | null;
}

/** Every recipient that has been sent notices. */
export class RecipientAttestationsListDto {
  @ApiProperty({ type: [RecipientAttestationsDto] })
  recipients: RecipientAttestationsDto[];
}
