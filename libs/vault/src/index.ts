// The public surface of libs/vault: provider links (store consent, 預託の同意), deposited records
// (encrypted under each individual's data key) and erasure.
export { LINK_ERROR_STATUS } from './links/links.errors';
export { RECORD_ERROR_STATUS } from './records/records.errors';
export { VAULT_ENTITIES } from './vault.entities';
export { VAULT_ERROR_STATUS } from './vault.errors';
export { VaultModule } from './vault.module';
