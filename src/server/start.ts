/**
 * Starting the server: open the database (PGlite in a folder by default, PostgreSQL with
 * `DATABASE_URL`), bring its schema up to date, make the first administrator on an empty
 * database, and listen on 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { openDb, type Db } from '../store/db.js';
import { openServices } from '../app/services.js';
import { createApp } from './app.js';
import { ensureFirstAdmin } from '../app/accounts/users.js';
import { DEFAULT_CONFIG, type AppDeps, type ServerConfig } from './context.js';

/** Everything the application needs, on an open database: the use cases' services, the secret and the settings. */
async function makeDeps(db: Db, options: { config?: Partial<ServerConfig>; today?: () => string } = {}): Promise<AppDeps> {
  const config = { ...DEFAULT_CONFIG, ...options.config };
  const services = await openServices(db, { ...(options.today ? { today: options.today } : {}), readBudget: config.read });
  const secret = await services.accounts.setting('csrf-secret', () => randomBytes(32).toString('base64url'));
  return { ...services, secret, config };
}

export interface RunningServer {
  url: string;
  deps: AppDeps;
  close(): Promise<void>;
}

export interface StartOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  config?: Partial<ServerConfig>;
  today?: () => string;
  /** Called once the database is ready and before listening (demo data, test accounts). */
  prepare?: (deps: AppDeps) => Promise<void>;
  log?: (line: string) => void;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const db = await openDb(options.databaseUrl ? { url: options.databaseUrl } : options.dataDir ? { dataDir: options.dataDir } : {});
  // Uploads stream into the data folder (the same disk as the data); PostgreSQL or in memory: the system's temporary folder.
  const stagingDir = options.dataDir ? join(options.dataDir, 'uploads-tmp') : undefined;
  const config = { ...(stagingDir ? { stagingDir } : {}), ...options.config };
  const deps = await makeDeps(db, { config, ...(options.today ? { today: options.today } : {}) });
  const generated = await ensureFirstAdmin(deps, process.env.GONGKAI_ADMIN_PASSWORD);
  if (generated) log(`已创建管理员账号 admin，初始密码：${generated}（登录后请在“账号”中修改）\nCreated account admin with password ${generated}`);
  await options.prepare?.(deps);
  const app = createApp(deps);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: options.host ?? '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  log(`gongkai 已启动：${url}  （数据库：${db.kind === 'pglite' ? `内嵌 PGlite，${options.dataDir ?? '内存'}` : 'PostgreSQL'}）`);
  return {
    url,
    deps,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await deps.reader.close();
      await db.close();
    },
  };
}
