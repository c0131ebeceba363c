import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StopUseOrderEntity } from './stop-use-order.entity';

/**
 * An offer a stop-use order suspended when it took effect, kept so that withdrawal propagation knows
 * whose data to stop however the target reads later. Matches migration CreateWithdrawalNotices.
 */
@Entity({ name: 'stop_use_order_offers' })
export class StopUseOrderOfferEntity {
  @PrimaryColumn('uuid', { name: 'order_id', primaryKeyConstraintName: 'pk_stop_use_order_offers' })
  orderId: string;

  @ManyToOne(() => StopUseOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_stop_use_order_offers_order' })
  order?: StopUseOrderEntity;

  @PrimaryColumn('uuid', { name: 'offer_id', primaryKeyConstraintName: 'pk_stop_use_order_offers' })
  offerId: string;
}
