/**
 * The signed-in user, shared by every page; loaded once from GET /api/session (which also
 * hands out the CSRF token) and refreshed after signing in or out.
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
  }, [refresh]);
  return <SessionContext.Provider value={{ user, loaded, refresh }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);
