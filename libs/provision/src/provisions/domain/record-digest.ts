/**
 * HKDF purpose label of the keyed digest of a provided record (provision records and their log leaves).
 * Changing it changes every new digest; digests already in the log keep verifying as leaves.
 */
export const PROVISION_RECORD_DIGEST_PURPOSE = 'infobank/provision/record-digest/v1';
