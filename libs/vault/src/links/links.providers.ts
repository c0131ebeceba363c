import type { Provider } from '@nestjs/common';
import { CreateLinkUseCase } from './application/create-link.use-case';
import { LinkClock } from './application/link-clock';
import { LinkDirectory } from './application/link-directory';
import { ListOwnLinksUseCase } from './application/list-own-links.use-case';
import { RedeemLinkCodeUseCase } from './application/redeem-link-code.use-case';
import { RemoveOwnLinkUseCase } from './application/remove-own-link.use-case';
import { UnlinkCustomerUseCase } from './application/unlink-customer.use-case';
import { ProviderLinkStore } from './infrastructure/provider-link.store';

/** The links part of the vault: its use cases and services (exported by VaultModule). */
export const LINK_PROVIDERS: Provider[] = [
  LinkClock,
  ProviderLinkStore,
  LinkDirectory,
  CreateLinkUseCase,
  ListOwnLinksUseCase,
  RemoveOwnLinkUseCase,
  RedeemLinkCodeUseCase,
  UnlinkCustomerUseCase,
];
