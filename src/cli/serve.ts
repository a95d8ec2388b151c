/**
 * `gongkai serve`: the web application on http://127.0.0.1:8080 (PORT), data in ./data
 * (GONGKAI_DATA_DIR) or PostgreSQL (DATABASE_URL).
 */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoData } from '../app/demo.js';
import { readBudgetFromEnv, uploadBudgetFromEnv } from '../read/budget.js';
import { startServer } from '../server/start.js';

export interface ServeOptions {
  port?: string;
  host?: string;
  data?: string;
  demo?: boolean;
}

export async function serveCommand(opts: ServeOptions): Promise<number> {
  const webRoot = fileURLToPath(new URL('../web/', import.meta.url));
  if (!existsSync(webRoot)) process.stderr.write(`提示：没有找到浏览器应用（${webRoot}），请先运行 npm run build；接口照常可用。\n`);
  const port = Number(opts.port ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`端口 ${opts.port ?? process.env.PORT} 无效 (invalid port)\n`);
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  let read, upload;
  try {
    read = readBudgetFromEnv(process.env);
    upload = uploadBudgetFromEnv(process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const server = await startServer({
    port,
    host: opts.host ?? process.env.HOST ?? '127.0.0.1',
    ...(databaseUrl ? { databaseUrl } : { dataDir: opts.data ?? process.env.GONGKAI_DATA_DIR ?? './data' }),
    config: {
      ...(existsSync(webRoot) ? { webRoot } : {}),
      read,
      upload: { ...upload, maxFileBytes: read.maxBytes },
      ...(process.env.GONGKAI_INSECURE_COOKIES === '1' ? { secureCookies: false } : {}),
      ...(process.env.GONGKAI_TRUSTED_PROXIES ? { trustedProxies: process.env.GONGKAI_TRUSTED_PROXIES.split(',') } : {}),
      ...(process.env.GONGKAI_PUBLIC_RATE_LIMIT ? { publicRateLimit: { max: Number(process.env.GONGKAI_PUBLIC_RATE_LIMIT), windowMs: 3_600_000 } } : {}),
    },
    prepare: async (deps) => {
      if (!opts.demo) return;
      const made = await loadDemoData(deps);
      if (made.length) process.stdout.write(`示例账号 (demo accounts)：${DEMO_USERS.map((u) => u.username).join('、')}，密码 ${DEMO_PASSWORD}\n`);
    },
    log: (line) => process.stdout.write(`${line}\n`),
  });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write('正在关闭… (shutting down)\n');
  await server.close();
  return 0;
}
