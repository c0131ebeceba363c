import type { Type } from '@nestjs/common';
import { ProviderLinkEntity } from './infrastructure/provider-link.entity';

/** TypeORM entities of provider links. */
export const LINK_ENTITIES: Type<unknown>[] = [ProviderLinkEntity];
