/**
 * The HTTP application: security headers, sessions and CSRF, the API's route modules, its
 * OpenAPI document, and the browser application's files. `createApp` takes its dependencies
 * (stores, calendar, clock), so tests run it on an in-memory database.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { sessionMiddleware } from './auth/session.js';
import type { AppDeps, AppEnv, RouteModule } from './context.js';
import { errorResponse } from './errors.js';
import { attachmentHeaders, FILES_PREFIX } from './http.js';
import { clientAddressMiddleware } from './rate-limit.js';
import { textHygiene } from './text-hygiene.js';
import { adminRoutes } from './routes/admin.js';
import { authRoutes } from './routes/auth.js';
import { ROUTE_MODULES } from './routes/index.js';

/** Content Security Policy of the application's pages: our own scripts only, nothing inline. */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // ECharts and React set style attributes.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  frameSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // A request that fails its schema gets one Chinese sentence per problem, with the field.
    defaultHook: (result, c) => {
      if (!result.success) {
        const problems = result.error.issues.map((i) => `${i.path.join('.') || '请求'}：${i.message}`);
        return c.json({ error: `请求内容有误 (invalid request)：${problems.join('；')}` }, 400);
      }
      return undefined;
    },
  });

  app.onError((error, c) => {
    const { status, error: message } = errorResponse(error);
    if (status >= 500) console.error(error);
    return c.json({ error: message }, status);
  });
  app.notFound((c) => c.json({ error: '没有这个地址 (no such address)' }, 404));

  // Who is asking, through the trusted proxies only (GONGKAI_TRUSTED_PROXIES): the rate limits' and the sign-in throttle's key.
  app.use('*', clientAddressMiddleware(deps.config.trustedProxies ?? []));
  // overwrite: false — a route that serves untrusted HTML (an uploaded report, a preview) sets its own, stricter policy.
  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, referrerPolicy: 'same-origin', crossOriginEmbedderPolicy: false, overwrite: false }));
  // JSON bodies are small; uploads have their own, larger limit in the supervisor routes.
  app.use('/api/*', async (c, next) => {
    if (c.req.path.startsWith('/api/supervisor/uploads')) return next();
    return bodyLimit({ maxSize: 2 * 1024 * 1024, onError: (cc) => cc.json({ error: '请求内容超过 2 MiB (request too large)' }, 413) })(c, next);
  });
  // Every text in NFC; NUL bytes and lone surrogates refused with the field's name (400, never a 500).
  app.use('/api/*', textHygiene());
  // Only the API needs to know who is asking; the page and its assets are the same for everyone.
  app.use('/api/*', sessionMiddleware(deps));
  // Uploaded files, apart from the API: the same session and text checks, and every answer sandboxed and never type-sniffed.
  app.use(`${FILES_PREFIX}/*`, textHygiene(), sessionMiddleware(deps), async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(attachmentHeaders)) c.res.headers.set(name, value);
  });

  const modules: RouteModule[] = [authRoutes, adminRoutes, ...ROUTE_MODULES];
  for (const mount of modules) mount(app, deps);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'gongkai API',
      version: '0.1.0',
      description: '政府信息公开：依申请公开台账、年度报告、监督检查与公众申请。浏览器应用使用的就是这些接口。',
    },
  });

  if (deps.config.webRoot) mountWeb(app, deps.config.webRoot);
  return app;
}

/** The single-page application: its assets, and index.html for every other page address. */
function mountWeb(app: OpenAPIHono<AppEnv>, root: string): void {
  let index: Promise<string> | undefined;
  app.use('/assets/*', serveStatic({ root }));
  app.get('/favicon.svg', serveStatic({ root }));
  app.get('*', async (c) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith(`${FILES_PREFIX}/`)) return c.json({ error: '没有这个地址 (no such address)' }, 404);
    index ??= readFile(join(root, 'index.html'), 'utf8');
    return c.html(await index);
  });
}
