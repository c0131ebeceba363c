import { ApiProperty } from '@nestjs/swagger';
import { COMPLAINT_CATEGORIES, COMPLAINT_EVENT_TYPES, COMPLAINT_PRIORITIES, COMPLAINT_STATUSES } from '../domain/complaint';

const SLA_TIMER_STATES = ['pending', 'overdue', 'met', 'missed'];

/** What a complaint is about besides its text: the individual's own consent or provision, and a recipient. */
export class ComplaintRelatedDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  consentId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  provisionId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  recipientId: string | null;
}

/** A complaint in its filer's list. */
export class MyComplaintSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  category: string;

  @ApiProperty({ enum: COMPLAINT_STATUSES })
  status: string;

  @ApiProperty({ description: 'The desk has escalated it to the data ethics board' })
  escalated: boolean;

  @ApiProperty({ format: 'date-time' })
  filedAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;

  @ApiProperty({ type: ComplaintRelatedDto })
  related: ComplaintRelatedDto;
}

/** `GET /v1/me/complaints`. */
export class MyComplaintListDto {
  @ApiProperty({ type: [MyComplaintSummaryDto], description: 'Newest first' })
  complaints: MyComplaintSummaryDto[];
}

/** One step of the thread as its filer sees it: theirs or the desk's (never which desk member). */
export class MyComplaintMessageDto {
  @ApiProperty({ enum: COMPLAINT_EVENT_TYPES })
  type: string;

  @ApiProperty({ enum: ['you', 'desk'] })
  by: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: String, nullable: true, description: 'null for a step without text, or once the data was erased' })
  text: string | null;
}

/** A complaint and its thread, for the individual who filed it. */
export class MyComplaintThreadDto extends MyComplaintSummaryDto {
  @ApiProperty({ type: [MyComplaintMessageDto], description: 'Oldest first' })
  messages: MyComplaintMessageDto[];
}

/** A service-level timer. */
export class SlaTimerDto {
  @ApiProperty({ format: 'date-time' })
  dueAt: string;

  @ApiProperty({ enum: SLA_TIMER_STATES })
  state: string;
}

/** The two timers of a complaint: first answer and resolution. */
export class ComplaintSlaDto {
  @ApiProperty({ type: SlaTimerDto, description: 'A first answer within COMPLAINT_FIRST_REPLY_HOURS' })
  firstReply: SlaTimerDto;

  @ApiProperty({ type: SlaTimerDto, description: 'Closed within COMPLAINT_RESOLVE_DAYS' })
  resolution: SlaTimerDto;
}

/** A complaint in the desk's queue and the board's list: no text, no individual's details. */
export class DeskComplaintSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  category: string;

  @ApiProperty({ enum: COMPLAINT_STATUSES })
  status: string;

  @ApiProperty({ enum: COMPLAINT_PRIORITIES, nullable: true, description: 'null until triaged' })
  priority: string | null;

  @ApiProperty()
  escalated: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  escalatedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  filedAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstAnsweredAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;

  @ApiProperty({ type: ComplaintRelatedDto })
  related: ComplaintRelatedDto;

  @ApiProperty({ type: ComplaintSlaDto })
  sla: ComplaintSlaDto;
}

/** A list of complaints for the desk or the board. */
export class DeskComplaintListDto {
  @ApiProperty({ type: [DeskComplaintSummaryDto] })
  complaints: DeskComplaintSummaryDto[];
}

/** `GET /v1/desk/complaints/overdue`: the two overdue lists. */
export class OverdueComplaintsDto {
  @ApiProperty({ type: [DeskComplaintSummaryDto], description: 'No first answer within COMPLAINT_FIRST_REPLY_HOURS' })
  firstReply: DeskComplaintSummaryDto[];

  @ApiProperty({ type: [DeskComplaintSummaryDto], description: 'Not closed within COMPLAINT_RESOLVE_DAYS' })
  resolution: DeskComplaintSummaryDto[];
}

/** Who took a step of a complaint's thread. */
class ComplaintActorDto {
  @ApiProperty({ enum: ['individual', 'staff'] })
  type: string;

  @ApiProperty({ format: 'uuid' })
  id: string;
}

/** One step as the desk and the board see it: who took it and when. */
export class DeskComplaintEventDto {
  @ApiProperty()
  sequence: number;

  @ApiProperty({ enum: COMPLAINT_EVENT_TYPES })
  type: string;

  @ApiProperty({ type: ComplaintActorDto })
  actor: ComplaintActorDto;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES, nullable: true, description: 'Set by filing and by a triage that corrected it' })
  category: string | null;

  @ApiProperty({ enum: COMPLAINT_PRIORITIES, nullable: true, description: 'Set by triage' })
  priority: string | null;

  @ApiProperty({ type: String, nullable: true })
  text: string | null;
}

/** A complaint and its whole thread, for the desk (and the board once escalated). */
export class DeskComplaintThreadDto extends DeskComplaintSummaryDto {
  @ApiProperty({ type: [DeskComplaintEventDto], description: 'Oldest first' })
  events: DeskComplaintEventDto[];
}

/** Counts of complaints for one key. */
class ComplaintCountDto {
  @ApiProperty()
  total: number;

  @ApiProperty({ description: 'Not closed' })
  open: number;

  @ApiProperty()
  escalated: number;
}

/** Counts of one category. */
class CategoryCountDto extends ComplaintCountDto {
  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  category: string;
}

/** Counts of one recipient (null: complaints naming none). */
class RecipientCountDto extends ComplaintCountDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  recipientId: string | null;
}

/** `GET /v1/complaints/counts`: every complaint counted by category and by recipient. */
export class ComplaintCountsDto {
  @ApiProperty({ type: [CategoryCountDto] })
  byCategory: CategoryCountDto[];

  @ApiProperty({ type: [RecipientCountDto] })
  byRecipient: RecipientCountDto[];
}
