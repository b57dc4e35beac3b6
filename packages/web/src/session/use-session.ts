import { useContext } from 'react';
import { SessionContext } from './session-context.ts';
import type { SessionContextValue } from './session-context.ts';

/** The session held by `<SessionProvider>`. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession() must be used inside <SessionProvider>');
  return value;
}
