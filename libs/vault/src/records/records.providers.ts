import type { Provider } from '@nestjs/common';

/** The records part of the vault: deposits, the individual's view and erasure (exported by VaultModule). */
export const RECORD_PROVIDERS: Provider[] = [];
