/**
 * What every route module receives: the stores, the calendar, the clock and the settings. Route
 * modules are functions `(app, deps) => void`, one per area of the application.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { WorkingDayCalendar } from '../calendar/calendar.js';
import type { AccountStore } from '../store/account-store.js';
import type { Db } from '../store/db.js';
import type { RegisterStore } from '../store/register-store.js';
import type { SessionUser } from './auth/permissions.js';

export interface ServerConfig {
  /** Cookies marked Secure (default). Off only for plain-HTTP deployments on a private network. */
  secureCookies: boolean;
  /** Public application form: at most `max` submissions per client address per `windowMs`. */
  publicRateLimit: { max: number; windowMs: number };
  /** Supervisor uploads: per file and per request. */
  upload: { maxFileBytes: number; maxFiles: number };
  /** Folder of the built browser application (index.html + assets); absent in API-only tests. */
  webRoot?: string;
}

export const DEFAULT_CONFIG: ServerConfig = {
  secureCookies: true,
  publicRateLimit: { max: 10, windowMs: 60 * 60 * 1000 },
  upload: { maxFileBytes: 64 * 1024 * 1024, maxFiles: 500 },
};

export interface AppDeps {
  db: Db;
  register: RegisterStore;
  accounts: AccountStore;
  /** The working-day calendar with the administrator's overrides as of now. */
  calendar(): Promise<WorkingDayCalendar>;
  /** Forget the cached calendar after an override changed. */
  calendarChanged(): void;
  /** Today in Beijing time (YYYY-MM-DD); tests pin it. */
  today(): string;
  /** Server secret for CSRF tokens, kept in the database across restarts. */
  secret: string;
  config: ServerConfig;
}

export interface AppEnv {
  Variables: {
    user: SessionUser | null;
    sessionId: string | null;
    /** A random id per browser (cookie), for anonymous CSRF tokens and rate limits. */
    clientId: string;
  };
}

export type App = OpenAPIHono<AppEnv>;
export type RouteModule = (app: App, deps: AppDeps) => void;
