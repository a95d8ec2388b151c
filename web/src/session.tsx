/**
 * The signed-in user, shared by every page; loaded once from GET /api/session (which also
 * hands out the CSRF token) and refreshed after signing in or out.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { get, setCsrfToken } from './api.js';

export type Role = 'officer' | 'reviewer' | 'supervisor' | 'admin';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  bodies: string[];
}

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
    const s = await get<{ user: SessionUser | null; csrfToken: string }>('/api/session');
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
