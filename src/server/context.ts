/**
 * What every route module receives: the stores, the calendar, the clock and the settings. Route
 * modules are functions `(app, deps) => void`, one per area of the application.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { SessionUser } from '../accounts/permissions.js';
import type { AppServices } from '../app/context.js';

export interface ServerConfig {
  /** Cookies marked Secure (default). Off only for plain-HTTP deployments on a private network. */
  secureCookies: boolean;
  /** Public application form: at most `max` submissions per client address per `windowMs`. */
  publicRateLimit: { max: number; windowMs: number };
  /** Supervisor uploads: per file and per request. */
  upload: { maxFileBytes: number; maxFiles: number };
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client; none by default. */
  trustedProxies: string[];
  /** Folder of the built browser application (index.html + assets); absent in API-only tests. */
  webRoot?: string;
}

export const DEFAULT_CONFIG: ServerConfig = {
  secureCookies: true,
  publicRateLimit: { max: 10, windowMs: 60 * 60 * 1000 },
  upload: { maxFileBytes: 64 * 1024 * 1024, maxFiles: 500 },
  trustedProxies: [],
};

/** The use cases' services (src/app/context.ts) and what only the HTTP side needs. */
export interface AppDeps extends AppServices {
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
    /** The client's network address, through the trusted proxies (src/server/rate-limit.ts). */
    clientAddress: string;
  };
}

export type App = OpenAPIHono<AppEnv>;
export type RouteModule = (app: App, deps: AppDeps) => void;
