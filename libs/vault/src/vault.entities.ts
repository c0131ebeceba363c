import { LINK_ENTITIES } from './links/links.entities';
import { RECORD_ENTITIES } from './records/records.entities';

/** Every table of the vault (the migrations must produce exactly these). */
export const VAULT_ENTITIES = [...LINK_ENTITIES, ...RECORD_ENTITIES];
