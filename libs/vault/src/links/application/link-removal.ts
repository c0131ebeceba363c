import type { QueryDeepPartialEntity } from 'typeorm';
import type { ProviderLinkEntity } from '../infrastructure/provider-link.entity';

/** The columns every removal sets: removed, when, and the code (if any) forgotten for good. */
export function removedNow(now: Date): QueryDeepPartialEntity<ProviderLinkEntity> {
  return { status: 'removed', removedAt: now, codeHash: null };
}
