/**
 * A body's page, the quality assessments, and the public region page: HTTP only. Each handler
 * parses the request (src/api/body-page.ts), calls one use case and answers.
 */
import type { Context } from 'hono';
import * as api from '../../api/body-page.js';
import type { FileDownload } from '../../app/download.js';
import { publicRegionData, publicRegionList, publicRegionReports, publicRegionSettings, setPublicRegion } from '../../app/public-region.js';
import { bodyAssessment, regionAssessment } from '../../app/supervision/assessment.js';
import { bodyPage } from '../../app/supervision/body-page.js';
import { requireUser } from '../auth/session.js';
import type { RouteModule } from '../context.js';
import { attachment, sendFile } from '../http.js';

/** The HTML assessment opens in the browser to be read and printed; the Word file downloads. */
const assessmentFile = (c: Context, file: FileDownload): Response =>
  file.type.startsWith('text/html')
    ? c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': file.type,
        'content-disposition': attachment(file.fileName, file.asciiName).replace(/^attachment/, 'inline'),
        'cache-control': 'no-store',
      })
    : sendFile(c, file);

export const bodyPageRoutes: RouteModule = (app, deps) => {
  app.openapi(api.bodyPage, async (c) => c.json(await bodyPage(deps, requireUser(c), c.req.valid('param')), 200));
  app.openapi(api.bodyAssessment, async (c) => assessmentFile(c, await bodyAssessment(deps, requireUser(c), { ...c.req.valid('param'), ...c.req.valid('query') })));
  app.openapi(api.regionAssessment, async (c) =>
    assessmentFile(c, await regionAssessment(deps, requireUser(c), { region: c.req.valid('param').code, ...c.req.valid('query') })),
  );
  app.openapi(api.regionSettings, async (c) => c.json(await publicRegionSettings(deps, requireUser(c)), 200));
  app.openapi(api.setRegionPublic, async (c) => c.json(await setPublicRegion(deps, requireUser(c), { code: c.req.valid('param').code, on: c.req.valid('json').on }), 200));
  app.openapi(api.publicRegionList, async (c) => c.json(await publicRegionList(deps), 200));
  app.openapi(api.publicRegion, async (c) => c.json(await publicRegionReports(deps, { ...c.req.valid('param'), ...c.req.valid('query') }), 200));
  app.openapi(api.publicRegionCsv, async (c) => sendFile(c, await publicRegionData(deps, { ...c.req.valid('param'), ...c.req.valid('query'), format: 'csv' })));
  app.openapi(api.publicRegionJson, async (c) => sendFile(c, await publicRegionData(deps, { ...c.req.valid('param'), ...c.req.valid('query'), format: 'json' })));
};
