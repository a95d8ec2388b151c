/**
 * The public catalogue and the guide (指南) over HTTP: search, item pages, downloads, the body's
 * guide and its settings. The contract is src/api/catalogue-public.ts, the use cases
 * src/app/catalogue-public.ts (only published items exist: anything else is the same 404); here
 * only parsing and the download's strict headers (the file is someone else's content).
 */
import * as api from '../../api/catalogue-public.js';
import { bodyGuide, catalogueOptions, publishedAttachment, publishedItem, saveGuide, searchCatalogue } from '../../app/catalogue-public.js';
import { requireUser } from '../auth/session.js';
import type { RouteModule } from '../context.js';
import { serveAttachment } from '../http.js';
import { withVersion } from './if-match.js';


export const cataloguePublicRoutes: RouteModule = (app, deps) => {
  app.openapi(api.options, (c) => c.json(catalogueOptions(), 200));

  app.openapi(api.search, async (c) => c.json(await searchCatalogue(deps, c.req.valid('query')), 200));

  app.openapi(api.item, async (c) => c.json(await publishedItem(deps, c.req.valid('param').id), 200));

  app.openapi(api.attachmentRoute, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    const file = await publishedAttachment(deps, id, attachmentId);
    // Public, but it must disappear with its item if the item is withdrawn: no-cache.
    return serveAttachment(c, file, 'no-cache');
  });

  app.openapi(api.getGuide, async (c) => c.json(await bodyGuide(deps, c.get('user'), c.req.valid('param').bodyId), 200));

  app.openapi(api.putGuide, async (c) => {
    const result = await saveGuide(deps, requireUser(c), c.req.valid('param').bodyId, withVersion(c, c.req.valid('json')));
    return 'refused' in result ? c.json(result.refused, 400) : c.json(result, 200);
  });
};
