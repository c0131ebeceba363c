import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type {
  LogVerificationFailure,
  LogVerificationProgress,
  LogVerificationStatus,
  LogVerificationTrigger,
} from '../domain/log-verification';

/** One full log verification run and its progress (page by page). Matches migration CreateLogVerifications. */
@Entity({ name: 'log_verifications' })
@Index('ix_log_verifications_requested', ['requestedAt', 'id'])
@Check('ck_log_verifications_trigger', `"trigger" IN ('board', 'operator', 'schedule')`)
@Check('ck_log_verifications_status', `"status" IN ('running', 'passed', 'failed')`)
@Check('ck_log_verifications_sizes', `"from_size" >= 0 AND "from_size" <= "next_size" AND "next_size" <= "to_size"`)
export class LogVerificationEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_log_verifications' })
  id: string;

  @Column('text', { name: 'trigger' })
  trigger: LogVerificationTrigger;

  /** The board member who asked (null for the operator and the schedule). */
  @Column('uuid', { name: 'requested_by', nullable: true })
  requestedBy: string | null;

  @Column('text', { name: 'status' })
  status: LogVerificationStatus;

  @Column('bigint', { name: 'from_size' })
  fromSize: string;

  @Column('bigint', { name: 'to_size' })
  toSize: string;

  /** Leaves `[from_size, next_size)` are checked; the next page starts here. */
  @Column('bigint', { name: 'next_size' })
  nextSize: string;

  @Column('jsonb', { name: 'progress' })
  progress: LogVerificationProgress;

  @Column('integer', { name: 'failure_count', default: 0 })
  failureCount: number;

  /** The first MAX_KEPT_FAILURES failures. */
  @Column('jsonb', { name: 'failures', default: () => `'[]'` })
  failures: LogVerificationFailure[];

  /** The result as a compact JWS signed by the bank (`typ: log-verification+jwt`), once complete. */
  @Column('text', { name: 'result_jws', nullable: true })
  resultJws: string | null;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;
}
