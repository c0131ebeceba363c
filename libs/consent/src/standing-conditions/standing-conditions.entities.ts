import type { Type } from '@nestjs/common';
import { StandingConditionsEntity } from './infrastructure/standing-conditions.entity';

/** TypeORM entities of standing conditions. */
export const STANDING_CONDITION_ENTITIES: Type<unknown>[] = [StandingConditionsEntity];
