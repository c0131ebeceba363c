import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A piece of work committed with the change that caused it (transactional outbox). The relay copies
 * it to BullMQ with jobId = id; the worker marks it completed in the same transaction as the effect.
 */
@Entity({ name: 'outbox' })
@Index('ix_outbox_pending', ['availableAt'], { where: '"dispatched_at" IS NULL' })
@Index('ix_outbox_unfinished', ['dispatchedAt'], { where: '"dispatched_at" IS NOT NULL AND "completed_at" IS NULL' })
@Check('ck_outbox_attempts', '"attempts" >= 0')
export class OutboxMessageEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_outbox' })
  id: string;

  @Column('text', { name: 'queue' })
  queue: string;

  @Column('text', { name: 'job_name' })
  jobName: string;

  /** Ids only: the job contract's schema cannot express anything else. */
  @Column('jsonb', { name: 'payload' })
  payload: Record<string, string | number>;

  @Column('text', { name: 'correlation_id', nullable: true })
  correlationId: string | null;

  @Column('timestamptz', { name: 'available_at', default: () => 'now()' })
  availableAt: Date;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'dispatched_at', nullable: true })
  dispatchedAt: Date | null;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;

  @Column('integer', { name: 'attempts', default: 0 })
  attempts: number;
}
