import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiClient } from '../api/api-client';
import { useStepUpPrompt } from '../components/step-up-dialog';

/** Where a web app's session stands: resuming from the refresh cookie on load, signed in, or signed out. */
export type SessionState = 'resuming' | 'in' | 'out';

/**
 * What every web app's shell keeps around its screens: the API client (asking for step-up in place), the
 * session, the current path (history navigation, back and forward), the live message, and the `<main>` that
 * takes the focus on every page change so keyboard and screen reader users start there.
 */
export function useAppShell() {
  const api = useMemo(() => new ApiClient(), []);
  const [path, setPath] = useState(() => window.location.pathname);
  const [session, setSession] = useState<SessionState>('resuming');
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const stepUp = useStepUpPrompt();
  const mainReference = useRef<HTMLElement>(null);

  useEffect(() => api.setStepUpPrompt(stepUp.ask), [api, stepUp.ask]);
  useEffect(() => api.onSignedOut(() => setSession('out')), [api]);
  useEffect(() => {
    // A reload keeps no token: the app's refresh cookie resumes the session, if there is one.
    void api.resume().then((resumed) => setSession(resumed ? 'in' : 'out'));
    const onPopState = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [api]);

  const navigate = useCallback((next: string) => {
    window.history.pushState(null, '', next);
    setPath(next);
    setMessage(null);
    window.scrollTo(0, 0);
    requestAnimationFrame(() => mainReference.current?.focus());
  }, []);
  const announce = useCallback((text: string, tone: 'info' | 'error' = 'info') => setMessage({ text, tone }), []);
  const markSignedIn = useCallback(() => setSession('in'), []);

  return { api, path, session, message, stepUp, mainReference, navigate, announce, markSignedIn };
}
