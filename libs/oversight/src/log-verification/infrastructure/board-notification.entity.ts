import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** What the board is told about: today only a failed log verification. */
export type BoardNotificationKind = 'log_verification_failed';

/**
 * A notification to the data ethics board, read at `GET /v1/board/notifications`. One per kind and
 * subject (a verification id), so a repeated job raises it once. Matches migration CreateLogVerifications.
 */
@Entity({ name: 'board_notifications' })
@Unique('uq_board_notifications_kind_subject', ['kind', 'subjectId'])
@Index('ix_board_notifications_created', ['createdAt', 'id'])
@Check('ck_board_notifications_kind', `"kind" IN ('log_verification_failed')`)
export class BoardNotificationEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_board_notifications' })
  id: string;

  @Column('text', { name: 'kind' })
  kind: BoardNotificationKind;

  /** The object it is about (the verification run's id). */
  @Column('uuid', { name: 'subject_id' })
  subjectId: string;

  /** Counts and kinds only, never personal data. */
  @Column('jsonb', { name: 'summary' })
  summary: Record<string, unknown>;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
