import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { SessionDto } from '@ssj/server/api-types';
import { isApiStatus } from '../api/api-error.ts';
import { getSession, postLogout } from '../api/endpoints.ts';
import { SessionContext } from './session-context.ts';
import type { SessionContextValue, SessionState } from './session-context.ts';

/** Loads `GET /api/auth/session` once and holds the session (and its CSRF token) for the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getSession(controller.signal).then(
      (session) => {
        setState({ status: 'signed-in', session });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState(
          isApiStatus(error, 401)
            ? { status: 'signed-out', reason: 'anonymous' }
            : { status: 'error', error },
        );
      },
    );
    return () => {
      controller.abort();
    };
  }, [attempt]);

  const signIn = useCallback((session: SessionDto) => {
    setState({ status: 'signed-in', session });
  }, []);

  const forget = useCallback(() => {
    setState({ status: 'signed-out', reason: 'expired' });
  }, []);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const session = state.status === 'signed-in' ? state.session : null;

  const signOut = useCallback(async () => {
    if (session === null) return;
    try {
      await postLogout(session.csrfToken);
    } catch (error) {
      // A 401/403 means the server no longer holds this session: signed out either way.
      if (!isApiStatus(error, 401) && !isApiStatus(error, 403)) throw error;
    }
    setState({ status: 'signed-out', reason: 'logout' });
  }, [session]);

  const value = useMemo<SessionContextValue>(
    () => ({ state, session, csrfToken: session?.csrfToken ?? null, signIn, signOut, forget, reload }),
    [state, session, signIn, signOut, forget, reload],
  );

  return <SessionContext value={value}>{children}</SessionContext>;
}
