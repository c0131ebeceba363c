import { ApiClient, ApiProblem, useI18n, type Language } from '@infobank/web-ui';
import { createContext, useCallback, useContext, useEffect, useState } from 'react';

/** What every screen may use: the API client, navigation and the announcement area. */
export interface AppServices {
  api: ApiClient;
  navigate(path: string): void;
  announce(message: string, tone?: 'info' | 'error'): void;
  /** Saves a language switch to the signed-in account (PATCH /v1/me); the browser keeps it either way. */
  saveLanguage(language: Language): void;
  /** Fetches the unread count and the address's verification again (after marking read, or verifying). */
  refreshBadges(): void;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (services === null) throw new Error('useApp needs the App above it');
  return services;
}

/** Loads data for a screen; `reload` fetches again after an action. */
export function useLoad<T>(load: (api: ApiClient) => Promise<T>, dependencies: unknown[] = []) {
  const { api } = useApp();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    load(api)
      .then((value) => current && (setData(value), setError(null)))
      .catch((failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)));
    return () => {
      current = false;
    };
  }, [api, version, ...dependencies]);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { data, error, reload };
}

/** Runs an action, announcing `done` on success and the problem on failure. */
export function useAction() {
  const { announce } = useApp();
  const { t } = useI18n();
  return useCallback(
    async (action: () => Promise<unknown>, done?: string): Promise<boolean> => {
      try {
        await action();
        if (done) announce(done);
        return true;
      } catch (error) {
        if (error instanceof ApiProblem && error.code === 'STEP_UP_CANCELLED') return false;
        if (error instanceof ApiProblem && error.code === 'TERMS_ACCEPTANCE_CANCELLED') {
          announce(t('terms.cancelled'), 'error');
          return false;
        }
        announce(t('common.error', { message: error instanceof Error ? error.message : String(error) }), 'error');
        return false;
      }
    },
    [announce, t],
  );
}
