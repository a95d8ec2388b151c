/**
 * What every route module receives: the stores, the calendar, the clock and the settings. Route
 * modules are functions `(app, deps) => void`, one per area of the application.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { SessionUser } from '../accounts/permissions.js';
import type { AppServices } from '../app/context.js';
import { DEFAULT_READ_BUDGET, DEFAULT_UPLOAD_BUDGET, type ReadBudget, type UploadBudget } from '../read/budget.js';

export interface ServerConfig {
  /** Cookies marked Secure (default). Off only for plain-HTTP deployments on a private network. */
  secureCookies: boolean;
  /** Public application form: at most `max` submissions per client address per `windowMs`. */
  publicRateLimit: { max: number; windowMs: number };
  /** Supervisor uploads: bytes per file and files per request, and the rest of the upload's budget when not the defaults. */
  upload: { maxFileBytes: number; maxFiles: number } & Partial<UploadBudget>;
  /** The reading budget of each uploaded file (src/read/budget.ts). */
  read: ReadBudget;
  /** Where uploads are streamed before they are read (a folder in the data folder); the system's temporary folder otherwise. */
  stagingDir?: string;
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client; none by default. */
  trustedProxies: string[];
  /** Folder of the built browser application (index.html + assets); absent in API-only tests. */
  webRoot?: string;
}

export const DEFAULT_CONFIG: ServerConfig = {
  secureCookies: true,
  publicRateLimit: { max: 10, windowMs: 60 * 60 * 1000 },
  upload: { maxFileBytes: DEFAULT_READ_BUDGET.maxBytes, maxFiles: DEFAULT_UPLOAD_BUDGET.maxFiles },
  read: DEFAULT_READ_BUDGET,
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
