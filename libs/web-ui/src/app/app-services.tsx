import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { ApiClient, ApiProblem } from '../api/api-client';
import { useI18n } from '../i18n/i18n';

/** What every screen of a web app may use: the API client, navigation and the announcement area. */
export interface AppServices {
  api: ApiClient;
  navigate(path: string): void;
  announce(message: string, tone?: 'info' | 'error'): void;
}

/** Carries the app's services (an app may add its own to them) down to its screens. */
export const AppServicesContext = createContext<AppServices | null>(null);

/** The app's services; `T` names the app's own extension of AppServices. */
export function useAppServices<T extends AppServices = AppServices>(): T {
  const services = useContext(AppServicesContext);
  if (services === null) throw new Error('useAppServices needs the app shell above it');
  return services as T;
}

/** Loads data for a screen; `reload` fetches again after an action. */
export function useLoad<T>(load: (api: ApiClient) => Promise<T>, dependencies: unknown[] = []) {
  const { api } = useAppServices();
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

/** Runs an action, announcing `done` on success and the problem on failure (a cancelled step-up is silent). */
export function useAction() {
  const { announce } = useAppServices();
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
