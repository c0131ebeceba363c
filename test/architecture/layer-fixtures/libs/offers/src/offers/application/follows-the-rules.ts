import type { EntityManager } from 'typeorm';
import type { OfferEntity } from '../infrastructure/offer.entity';

/** Type imports of TypeORM and entities, and a date from a value: all allowed. */
export function describe(manager: EntityManager, offer: OfferEntity, at: string): string {
  return `${String(manager)} ${offer.id} ${new Date(at).toISOString()}`;
}
