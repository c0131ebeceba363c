/**
 * The additional authenticated data a record version is sealed under: its row id, its version and
 * the individual. A ciphertext copied into another row, another version or another individual's
 * records fails authentication instead of decrypting there.
 */
export function recordAad(vaultRecordId: string, version: number, individualId: string): Buffer {
  return Buffer.from(`infobank/vault-record/v1|${vaultRecordId}|${version}|${individualId}`, 'utf8');
}
