import type { Provider } from '@nestjs/common';

/** The links part of the vault: its use cases and services (exported by VaultModule). */
export const LINK_PROVIDERS: Provider[] = [];
