/**
 * The signed-in user, shared by every page; loaded from GET /api/session (which also hands out
 * the CSRF token), again after signing in or out and whenever the tab comes back into view.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { SessionSchema, SessionUserSchema } from '../../src/api/accounts.js';
import { get, setCsrfToken } from './api.js';

export type SessionUser = z.infer<typeof SessionUserSchema>;
export type Role = SessionUser['role'];

interface SessionState {
  user: SessionUser | null;
  loaded: boolean;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState>({ user: null, loaded: false, refresh: async () => {} });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [loaded, setLoaded] = useState(false);
  const refresh = useCallback(async () => {
    const s = await get<z.infer<typeof SessionSchema>>('/api/session');
    setCsrfToken(s.csrfToken);
    setUser(s.user);
    setLoaded(true);
  }, []);
  useEffect(() => {
    void refresh();
    // Back to this tab: the session may have ended meanwhile (signed out elsewhere, the account
    // disabled by an administrator); the menu and the pages should say so at once.
    const again = () => {
      if (document.visibilityState === 'visible') void refresh().catch(() => {});
    };
    document.addEventListener('visibilitychange', again);
    return () => document.removeEventListener('visibilitychange', again);
  }, [refresh]);
  return <SessionContext.Provider value={{ user, loaded, refresh }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);
