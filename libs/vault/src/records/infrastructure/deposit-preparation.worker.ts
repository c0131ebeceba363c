// A worker thread of DepositPreparationPool: prepares deposit batches (signature, parsing, record
// checks, canonical JSON) off the main thread. Its own category rules, compiled once when it starts.
import { installNativeBase64Decoding } from '@infobank/crypto';
import { parentPort } from 'node:worker_threads';
import { CatalogCategoryRules } from '../application/catalog-category-rules';
import { prepareDeposit, type DepositPreparationInput } from '../application/deposit-preparation';

// jose decodes each batch's payload (megabytes of base64url) through this when present: native speed.
installNativeBase64Decoding();
const rules = new CatalogCategoryRules();

parentPort?.on('message', async (input: DepositPreparationInput) => {
  try {
    const outcome = await prepareDeposit(input, rules);
    // The records' canonical data is handed over, not copied.
    parentPort?.postMessage({ outcome }, 'prepared' in outcome ? [outcome.prepared.plaintexts.buffer as ArrayBuffer] : []);
  } catch (error) {
    // Only the message: it names a failure, never the batch's content.
    parentPort?.postMessage({ failure: error instanceof Error ? error.message : 'unknown failure' });
  }
});
