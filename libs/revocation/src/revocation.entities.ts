import type { Type } from '@nestjs/common';
import { WebhookDeliveryEntity } from './infrastructure/webhook-delivery.entity';
import { WithdrawalNoticeProvisionEntity } from './infrastructure/withdrawal-notice-provision.entity';
import { WithdrawalNoticeEntity } from './infrastructure/withdrawal-notice.entity';

/** TypeORM entities of libs/revocation. */
export const REVOCATION_ENTITIES: Type<unknown>[] = [WithdrawalNoticeEntity, WithdrawalNoticeProvisionEntity, WebhookDeliveryEntity];
