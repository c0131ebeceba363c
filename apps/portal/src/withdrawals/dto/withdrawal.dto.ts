import { ApiProperty } from '@nestjs/swagger';
import { CONSENT_STATUSES, type ConsentStatus } from '@infobank/consent';
import { NOTICE_KINDS, NOTICE_STATUSES, type NoticeKind, type NoticeStatus } from '@infobank/revocation';

/** An organisation's name in Japanese (and English, if registered). */
export class WithdrawalRecipientNameDto {
  @ApiProperty()
  ja: string;

  @ApiProperty({ required: false })
  en?: string;
}

/** A recipient that held data under the consent. */
export class WithdrawalRecipientDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: WithdrawalRecipientNameDto, nullable: true })
  name: WithdrawalRecipientNameDto | null;
}

/** One notice to that recipient: why, where it stands, and when the recipient attested deleting the data. */
export class WithdrawalNoticeDto {
  @ApiProperty({ enum: NOTICE_KINDS })
  kind: NoticeKind;

  @ApiProperty({ enum: NOTICE_STATUSES, description: 'open: waiting for the recipient; attested: it reported deleting; overdue: late' })
  status: NoticeStatus;

  @ApiProperty({ format: 'date-time' })
  issuedAt: string;

  @ApiProperty({ format: 'date-time' })
  dueAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  attestedAt: string | null;
}

/** Per recipient, its notices. */
export class WithdrawalRecipientNoticesDto {
  @ApiProperty({ type: WithdrawalRecipientDto })
  recipient: WithdrawalRecipientDto;

  @ApiProperty({ type: [WithdrawalNoticeDto] })
  notices: WithdrawalNoticeDto[];
}

/** Where the withdrawal of one of my consents stands (同意の撤回). */
export class ConsentWithdrawalDto {
  @ApiProperty({ format: 'uuid' })
  consentId: string;

  @ApiProperty({ enum: CONSENT_STATUSES })
  state: ConsentStatus;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'when the withdrawal took effect; null while live' })
  withdrawnAt: string | null;

  @ApiProperty({ type: [WithdrawalRecipientNoticesDto] })
  recipients: WithdrawalRecipientNoticesDto[];
}
