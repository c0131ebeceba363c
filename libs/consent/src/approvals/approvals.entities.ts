import type { Type } from '@nestjs/common';
import { ApprovalRequestEntity } from './infrastructure/approval-request.entity';

/** TypeORM entities of ask-mode approvals. */
export const APPROVAL_ENTITIES: Type<unknown>[] = [ApprovalRequestEntity];
