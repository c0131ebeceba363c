import { AccountEntity } from '@infobank/identity';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * Whether an individual wants one kind of notification by e-mail too. A kind with no row follows the
 * default (see emailByDefault). Kinds are not constrained here, so kinds added later need no migration.
 * Matches migration AddMailAndEmailVerification.
 */
@Entity({ name: 'notification_email_preferences' })
export class NotificationEmailPreferenceEntity {
  @PrimaryColumn('uuid', { name: 'individual_id', primaryKeyConstraintName: 'pk_notification_email_preferences' })
  individualId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'individual_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'fk_notification_email_preferences_individual',
  })
  individual?: AccountEntity;

  @PrimaryColumn('text', { name: 'kind', primaryKeyConstraintName: 'pk_notification_email_preferences' })
  kind: string;

  @Column('boolean', { name: 'email' })
  email: boolean;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
