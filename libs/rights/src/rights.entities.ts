import type { Type } from '@nestjs/common';
import { NotificationEntity } from './notifications/infrastructure/notification.entity';

/** TypeORM entities of libs/rights (the notifications inbox for now). */
export const RIGHTS_ENTITIES: Type<unknown>[] = [NotificationEntity];
