/**
 * The catalogue's back office over HTTP: information items, index numbers, the review chain
 * (拟稿 → 初审 → 终审 → 保密审查), changes of published items, attachments, publication clocks,
 * re-examination of withheld items, settings and the year's figures. The contract is
 * src/api/catalogue.ts, the use cases (who may do what, the rules, the audit) src/app/catalogue;
 * here only parsing, the upload and the download's headers.
 */
import type { Context } from 'hono';
import * as api from '../../api/catalogue.js';
import * as catalogue from '../../app/catalogue/index.js';
import { MAX_ATTACHMENT_BYTES } from '../../catalogue/index.js';
import { requireUser } from '../auth/session.js';
import type { AppEnv, RouteModule } from '../context.js';
import { ApiError } from '../errors.js';
import { printable, serveAttachment } from '../http.js';
import { withVersion } from './if-match.js';

/** A file name without folders or control characters. */
const cleanName = (name: string) => printable(name.split(/[\\/]/).pop() ?? '').trim().slice(0, 200) || '附件';

/** The multipart upload's one file (field `file`), refused early when too large. */
async function uploadedFile(c: Context<AppEnv>): Promise<catalogue.UploadedFile> {
  if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? '')) throw new ApiError(400, '请以 multipart/form-data 上传附件，字段名为 file');
  if (Number(c.req.header('content-length') ?? 0) > MAX_ATTACHMENT_BYTES + 64 * 1024) throw new ApiError(413, '附件超过 1.5 MB 的上限');
  let form: FormData;
  try {
    form = await c.req.raw.formData();
  } catch {
    throw new ApiError(400, '上传内容不完整或格式有误，无法读取');
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') throw new ApiError(400, '没有收到附件（字段名应为 file）');
  if (file.size > MAX_ATTACHMENT_BYTES) throw new ApiError(413, '附件超过 1.5 MB 的上限');
  const type = file.type.split(';')[0]!.trim().toLowerCase();
  return { fileName: cleanName(file.name), mediaType: type || 'application/octet-stream', bytes: new Uint8Array(await file.arrayBuffer()) };
}

export const catalogueRoutes: RouteModule = (app, deps) => {
  app.openapi(api.vocabulary, (c) => {
    requireUser(c);
    return c.json(catalogue.catalogueVocabulary(deps), 200);
  });

  app.openapi(api.listItems, async (c) => c.json(await catalogue.listItems(deps, requireUser(c), c.req.valid('param').bodyId, c.req.valid('query')), 200));

  app.openapi(api.createItem, async (c) => c.json(await catalogue.createItem(deps, requireUser(c), c.req.valid('param').bodyId, c.req.valid('json')), 200));

  app.openapi(api.getItem, async (c) => c.json(await catalogue.getItem(deps, requireUser(c), c.req.valid('param').id), 200));

  app.openapi(api.updateItem, async (c) => c.json(await catalogue.updateItem(deps, requireUser(c), c.req.valid('param').id, withVersion(c, c.req.valid('json'))), 200));

  app.openapi(api.discardChange, async (c) => c.json(await catalogue.discardChange(deps, requireUser(c), c.req.valid('param').id), 200));

  app.openapi(api.submitItem, async (c) => c.json(await catalogue.submitItem(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200));

  app.openapi(api.reviewItem, async (c) => c.json(await catalogue.reviewItem(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200));

  app.openapi(api.withdrawItem, async (c) => c.json(await catalogue.withdrawItem(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200));

  app.openapi(api.revokeItem, async (c) => c.json(await catalogue.revokeItem(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200));

  app.openapi(api.deleteItem, async (c) => c.json(await catalogue.deleteItem(deps, requireUser(c), c.req.valid('param').id), 200));

  app.openapi(api.listReviews, async (c) => c.json(await catalogue.itemReviews(deps, requireUser(c), c.req.valid('param').id), 200));

  app.openapi(api.reexamine, async (c) => c.json(await catalogue.reexamineItem(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200));

  // The upload is read once the use case has checked who may attach: a stranger's is never read.
  app.openapi(api.addAttachment, async (c) => c.json(await catalogue.addAttachment(deps, requireUser(c), c.req.valid('param').id, () => uploadedFile(c)), 200));

  app.openapi(api.getAttachment, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    const file = await catalogue.attachmentFile(deps, requireUser(c), id, attachmentId, c.req.valid('query').pending === '1');
    // Under /files, sandboxed, typed from its bytes (src/server/http.ts).
    return serveAttachment(c, file, 'private, no-store');
  });

  app.openapi(api.deleteAttachment, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    return c.json(await catalogue.removeAttachment(deps, requireUser(c), id, attachmentId, c.req.valid('query').pending === '1'), 200);
  });

  app.openapi(api.queue, async (c) => c.json(await catalogue.reviewQueue(deps, requireUser(c)), 200));

  app.openapi(api.dueList, async (c) => c.json(await catalogue.dueLists(deps, requireUser(c), c.req.valid('param').bodyId), 200));

  app.openapi(api.reexamList, async (c) => c.json(await catalogue.reexaminationList(deps, requireUser(c), c.req.valid('param').bodyId), 200));

  app.openapi(api.getSettings, async (c) => c.json(await catalogue.catalogueSettings(deps, requireUser(c), c.req.valid('param').bodyId), 200));

  app.openapi(api.putSettings, async (c) => c.json(await catalogue.changeCatalogueSettings(deps, requireUser(c), c.req.valid('param').bodyId, withVersion(c, c.req.valid('json'))), 200));

  app.openapi(api.figures, async (c) => c.json(await catalogue.catalogueFigures(deps, requireUser(c), c.req.valid('param').bodyId, c.req.valid('query').year), 200));
};
