import { createContext } from 'react';
import type { SessionDto } from '@ssj/server/api-types';

/** Why nobody is signed in: never was, logged out here, or the server dropped the session. */
export type SignedOutReason = 'anonymous' | 'logout' | 'expired';

/** Where the session stands: still asking the server, signed in, signed out, or the server could not answer. */
export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-in'; session: SessionDto }
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'error'; error: unknown };

export interface SessionContextValue {
  state: SessionState;
  /** The session when signed in, else null. */
  session: SessionDto | null;
  /** The token to send as `x-csrf-token` on every state-changing request; null when signed out. */
  csrfToken: string | null;
  /** Records the session a successful login returned. */
  signIn: (session: SessionDto) => void;
  /** Logs out on the server (with the CSRF header) and forgets the session. */
  signOut: () => Promise<void>;
  /** Forgets the session without asking the server (after a 401 from any call). */
  forget: () => void;
  /** Asks the server again (after a network error). */
  reload: () => void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);
