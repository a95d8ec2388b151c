/**
 * The reporting body's register over HTTP: applications, events, due dates with their
 * explanation, reply letters, the 台账 export. Handlers only — the contract is in
 * src/api/register.ts, what may be done and seen in src/app/register/applications.ts.
 */
import {
  addApplicationRoute,
  addEventRoute,
  dueListRoute,
  exportXlsxRoute,
  feeQuoteRoute,
  getApplicationRoute,
  letterRoute,
  listApplicationsRoute,
  vocabularyRoute,
} from '../../api/register.js';
import {
  addApplication,
  dueApplications,
  exportApplications,
  getApplication,
  letterOf,
  listApplications,
  quoteFee,
  recordEvent,
  registerVocabulary,
} from '../../app/register/applications.js';
import { letterDocx, letterHtml } from '../../register/letter-render.js';
import { CONTENT_TYPES } from '../../render/file-name.js';
import { requireUser } from '../auth/session.js';
import type { RouteModule } from '../context.js';
import { download, sendFile } from '../http.js';


export const registerRoutes: RouteModule = (app, deps) => {
  app.openapi(vocabularyRoute, (c) => {
    requireUser(c);
    return c.json(registerVocabulary(deps), 200);
  });

  app.openapi(listApplicationsRoute, async (c) => {
    const user = requireUser(c);
    return c.json(await listApplications(deps, user, { ...c.req.valid('param'), ...c.req.valid('query') }), 200);
  });

  app.openapi(dueListRoute, async (c) => c.json(await dueApplications(deps, requireUser(c), c.req.valid('param')), 200));

  app.openapi(addApplicationRoute, async (c) => {
    const user = requireUser(c);
    return c.json(await addApplication(deps, user, { ...c.req.valid('json'), ...c.req.valid('param') }), 200);
  });

  app.openapi(exportXlsxRoute, async (c) =>
    sendFile(c, await exportApplications(deps, requireUser(c), { ...c.req.valid('param'), unmasked: c.req.valid('query').unmasked === '1' })),
  );

  app.openapi(getApplicationRoute, async (c) => c.json(await getApplication(deps, requireUser(c), c.req.valid('param')), 200));

  app.openapi(addEventRoute, async (c) => {
    const user = requireUser(c);
    return c.json(await recordEvent(deps, user, { ...c.req.valid('param'), event: c.req.valid('json') }), 200);
  });

  app.openapi(feeQuoteRoute, async (c) => {
    const user = requireUser(c);
    return c.json(await quoteFee(deps, user, { ...c.req.valid('param'), ...c.req.valid('query') }), 200);
  });

  app.openapi(letterRoute, async (c) => {
    const user = requireUser(c);
    const { kind, format } = c.req.valid('query');
    const { letter, fileName } = await letterOf(deps, user, { ...c.req.valid('param'), kind });
    if (format === 'json') return c.json(letter, 200);
    if (format === 'html') return c.html(letterHtml(letter), 200, { 'cache-control': 'no-store' });
    return download(c, await letterDocx(letter), CONTENT_TYPES.docx, fileName);
  });
};
