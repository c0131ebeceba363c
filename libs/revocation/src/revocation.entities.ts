import type { Type } from '@nestjs/common';
import { WebhookDeliveryEntity } from './revocation/infrastructure/webhook-delivery.entity';
import { WithdrawalNoticeProvisionEntity } from './revocation/infrastructure/withdrawal-notice-provision.entity';
import { WithdrawalNoticeEntity } from './revocation/infrastructure/withdrawal-notice.entity';

/** TypeORM entities of libs/revocation. */
export const REVOCATION_ENTITIES: Type<unknown>[] = [WithdrawalNoticeEntity, WithdrawalNoticeProvisionEntity, WebhookDeliveryEntity];
