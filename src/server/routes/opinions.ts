/**
 * The opinion box (意见箱) over HTTP. The contract is src/api/opinions.ts, the use cases
 * src/app/opinions.ts; here the parsing and the rate limit of submissions per client address.
 * The query code travels in a POST body, never in the address (addresses end up in logs and
 * histories).
 */
import * as api from '../../api/opinions.js';
import { answerOpinion, listOpinions, opinionStatus, opinionYearFigures, submitOpinion } from '../../app/opinions.js';
import { requireUser } from '../auth/session.js';
import type { RouteModule } from '../context.js';
import { keepIfAccepted, RateLimiter, refusedByLimit } from '../rate-limit.js';

export const opinionRoutes: RouteModule = (app, deps) => {
  const limiter = new RateLimiter(deps.config.publicRateLimit.max, deps.config.publicRateLimit.windowMs);

  app.openapi(api.submitOpinion, async (c) => {
    const refused = refusedByLimit(limiter, c);
    if (refused) return refused;
    const result = await keepIfAccepted(limiter, c, () => submitOpinion(deps, c.get('clientId'), c.req.valid('json')), (r) => !('refused' in r));
    return 'refused' in result ? c.json(result.refused, 400) : c.json(result, 200);
  });

  app.openapi(api.opinionStatus, async (c) => c.json(await opinionStatus(deps, c.req.valid('param').refNo, c.req.valid('json').code), 200));

  app.openapi(api.listOpinions, async (c) => c.json(await listOpinions(deps, requireUser(c), c.req.valid('param').bodyId, c.req.valid('query')), 200));

  app.openapi(api.answerOpinion, async (c) => {
    const { bodyId, refNo } = c.req.valid('param');
    return c.json(await answerOpinion(deps, requireUser(c), bodyId, refNo, c.req.valid('json').text), 200);
  });

  app.openapi(api.figures, async (c) => c.json(await opinionYearFigures(deps, requireUser(c), c.req.valid('param').bodyId, c.req.valid('query').year), 200));
};
