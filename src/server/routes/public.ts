/**
 * The public over HTTP: online applications (条例第二十九条), status lookup by query code, online
 * 补正 and withdrawal. Handlers only — the contract is in src/api/public.ts, the rules in
 * src/app/public-applications.ts; what stays here is HTTP's: the limit on submissions per client
 * address (429 with Retry-After) and the client id the audit names.
 *
 * The query code travels in the body of a POST, never in the address: addresses end up in server
 * and proxy logs and in the browser's history, request bodies do not. (POST routes carry the CSRF
 * token like every change; the browser application has it from GET /api/session.)
 * Lookups are not rate-limited: a code has ~59 random bits.
 */
import { correctionRoute, formInfoRoute, statusRoute, submitRoute, withdrawRoute } from '../../api/public.js';
import { publicFormInfo, publicStatus, submitApplication, submitCorrection, withdrawApplication } from '../../app/public-applications.js';
import type { RouteModule } from '../context.js';
import { keepIfAccepted, RateLimiter, refusedByLimit } from '../rate-limit.js';

export const publicRoutes: RouteModule = (app, deps) => {
  const limiter = new RateLimiter(deps.config.publicRateLimit.max, deps.config.publicRateLimit.windowMs);

  app.openapi(formInfoRoute, (c) => c.json(publicFormInfo(), 200));

  app.openapi(submitRoute, async (c) => {
    const refused = refusedByLimit(limiter, c);
    if (refused) return refused;
    const result = await keepIfAccepted(limiter, c, () => submitApplication(deps, c.get('clientId'), c.req.valid('json')), (r) => r.ok);
    return result.ok ? c.json(result.submitted, 200) : c.json({ error: result.error, fields: result.fields }, 400);
  });

  app.openapi(statusRoute, async (c) => c.json(await publicStatus(deps, { ...c.req.valid('param'), ...c.req.valid('json') }), 200));

  app.openapi(correctionRoute, async (c) =>
    c.json(await submitCorrection(deps, c.get('clientId'), { ...c.req.valid('param'), ...c.req.valid('json') }), 200),
  );

  app.openapi(withdrawRoute, async (c) => c.json(await withdrawApplication(deps, c.get('clientId'), { ...c.req.valid('param'), ...c.req.valid('json') }), 200));
};
