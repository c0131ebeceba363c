import type { Type } from '@nestjs/common';

/** TypeORM entities of deposited records. */
export const RECORD_ENTITIES: Type<unknown>[] = [];
