import type { Type } from '@nestjs/common';

/** TypeORM entities of provider links. */
export const LINK_ENTITIES: Type<unknown>[] = [];
