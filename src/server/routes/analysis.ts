/**
 * The supervisor's analysis routes: HTTP only. Each parses the request (src/api/analysis.ts),
 * calls one use case (src/app/analysis.ts) and answers with JSON or a file to download.
 */
import { analysisBodies, exportWorkbook, rollup, rollupFile, series } from '../../app/analysis.js';
import * as api from '../../api/analysis.js';
import { requireUser } from '../auth/session.js';
import type { RouteModule } from '../context.js';
import { sendFile } from '../http.js';

export const analysisRoutes: RouteModule = (app, deps) => {
  app.openapi(api.listBodies, async (c) => c.json(await analysisBodies(deps, requireUser(c)), 200));

  app.openapi(api.postRollup, async (c) => c.json(await rollup(deps, requireUser(c), c.req.valid('json')), 200));

  for (const format of ['html', 'docx'] as const) {
    app.openapi(api.rollupFile(format), async (c) => sendFile(c, await rollupFile(deps, requireUser(c), { ...c.req.valid('query'), format })));
  }

  app.openapi(api.getSeries, async (c) => c.json(await series(deps, requireUser(c), c.req.valid('query')), 200));

  app.openapi(api.exportXlsx, async (c) => sendFile(c, await exportWorkbook(deps, requireUser(c), c.req.valid('query'))));
};
