import { AppServicesContext, useAppServices, type AppServices as SharedServices, type Language } from '@infobank/web-ui';

/** What every screen may use: the shared services (API client, navigation, announcements) and the account's language. */
export interface AppServices extends SharedServices {
  /** Saves a language switch to the signed-in account (PATCH /v1/me); the browser keeps it either way. */
  saveLanguage(language: Language): void;
  /** Fetches the unread count and the address's verification again (after marking read, or verifying). */
  refreshBadges(): void;
}

export const AppContext = AppServicesContext;

export function useApp(): AppServices {
  return useAppServices<AppServices>();
}

export { useAction, useLoad } from '@infobank/web-ui';
