import { DisclosureDownloadTokenEntity, DisclosureRequestEntity } from './infrastructure/disclosure-request.entity';

/** The tables of disclosure requests. */
export const DISCLOSURE_ENTITIES = [DisclosureRequestEntity, DisclosureDownloadTokenEntity];
