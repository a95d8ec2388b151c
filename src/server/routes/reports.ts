/**
 * The annual report editor's routes: HTTP only. Each parses the request (src/api/reports.ts),
 * calls one use case (src/app/reports.ts) and shapes the answer: no-store, the preview's own
 * policy, and downloads with their file names.
 */
import { checkReportModel, downloadReport, finalizeReport, getReport, listReports, PdfUnavailable, PREVIEW_CSP, previewReport, saveReport } from '../../app/reports.js';
import * as api from '../../api/reports.js';
import { requireUser } from '../auth/session.js';
import type { RouteModule } from '../context.js';
import { ApiError } from '../errors.js';
import { sendFile } from '../http.js';

export const reportRoutes: RouteModule = (app, deps) => {
  app.openapi(api.listReports, async (c) => c.json(await listReports(deps, requireUser(c), c.req.valid('param')), 200));

  app.openapi(api.getReport, async (c) => {
    const view = await getReport(deps, requireUser(c), c.req.valid('param'));
    c.header('Cache-Control', 'no-store');
    return c.json(view, 200);
  });

  app.openapi(api.saveReport, async (c) => c.json(await saveReport(deps, requireUser(c), { ...c.req.valid('param'), ...c.req.valid('json') }), 200));

  app.openapi(api.finalizeReport, async (c) => c.json(await finalizeReport(deps, requireUser(c), { ...c.req.valid('param'), ...c.req.valid('json') }), 200));

  app.openapi(api.checkModel, async (c) => {
    requireUser(c);
    return c.json(checkReportModel(c.req.valid('json')), 200);
  });

  app.openapi(api.previewReport, async (c) => {
    const html = await previewReport(deps, requireUser(c), c.req.valid('param'));
    // Takes effect once the application's header policy lets a route keep its own (see app.ts).
    c.header('Content-Security-Policy', `${PREVIEW_CSP}; frame-ancestors 'self'; sandbox`);
    c.header('Cache-Control', 'no-store');
    return c.html(html, 200);
  });

  app.openapi(api.downloadReport, async (c) => {
    try {
      return sendFile(c, await downloadReport(deps, requireUser(c), { ...c.req.valid('param'), ...c.req.valid('query') }));
    } catch (error) {
      if (error instanceof PdfUnavailable) throw new ApiError(503, error.message);
      throw error;
    }
  });
};
