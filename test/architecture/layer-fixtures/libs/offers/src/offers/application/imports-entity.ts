import { OfferEntity } from '../infrastructure/offer.entity';

export const entity = OfferEntity;
