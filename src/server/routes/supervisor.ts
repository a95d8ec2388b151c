/**
 * The supervisor's routes: HTTP only. The upload reads the multipart body within its limits
 * (counted as it arrives) and hands the files to the use case; the others parse the request
 * (src/api/supervisor.ts), call one use case (src/app/supervision) and answer, the sanitised page
 * of an HTML upload under its own sandboxing policy.
 */
import type { Context } from 'hono';
import type { z } from '@hono/zod-openapi';
import {
  correctCell,
  publishedReport,
  requestLimit,
  SOURCE_CSP,
  sourcePage,
  supervisorOverview,
  uploadLimits,
  undoCorrection,
  uploadReports,
  type UploadFile,
  type UploadLimits,
} from '../../app/supervision/index.js';
import * as api from '../../api/supervisor.js';
import { mib } from '../../read/zip.js';
import { requireUser } from '../auth/session.js';
import type { AppEnv, RouteModule } from '../context.js';
import { ApiError } from '../errors.js';
import { printable } from '../http.js';

/** What the upload answers for each file. */
export type UploadResult = z.infer<typeof api.UploadResultSchema>;

const tooLarge = (limit: number) => new ApiError(413, `上传内容超过每次上限 ${mib(limit)}，请分批上传 (request too large)`);

/** A file name as the browser sent it (a folder's relative path included), without control characters. */
const cleanName = (name: string) => printable(name).slice(0, 300) || '（无文件名）';

/** The `file` fields of a multipart body, counted as they arrive: past the limit, reading stops. */
async function readFiles(c: Context<AppEnv>, l: UploadLimits): Promise<UploadFile[]> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type)) throw new ApiError(400, '请以 multipart/form-data 上传文件，每个文件一个 file 字段 (multipart expected)');
  const limit = requestLimit(l);
  if (Number(c.req.header('content-length') ?? 0) > limit) throw tooLarge(limit);
  const body = c.req.raw.body;
  if (!body) throw new ApiError(400, '没有收到任何文件 (no files)');
  let seen = 0;
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        seen += chunk.byteLength;
        if (seen > limit) ctl.error(new Error('too large'));
        else ctl.enqueue(chunk);
      },
    }),
  );
  let form: FormData;
  try {
    form = await new Response(counted, { headers: { 'content-type': type } }).formData();
  } catch {
    if (seen > limit) throw tooLarge(limit);
    throw new ApiError(400, '上传内容不完整或格式有误，无法读取 (malformed multipart body)');
  }
  const files = form.getAll('file').filter((f): f is Exclude<typeof f, string> => typeof f !== 'string');
  if (files.length === 0) throw new ApiError(400, '没有收到任何文件（字段名应为 file）(no files)');
  if (files.length > l.maxFiles) throw new ApiError(400, `一次最多上传 ${l.maxFiles} 个文件，本次有 ${files.length} 个，请分批上传 (too many files)`);
  const big = files.find((f) => f.size > l.maxFileBytes);
  if (big) throw new ApiError(413, `文件“${cleanName(big.name)}”有 ${mib(big.size)}，超过每个文件的上限 ${mib(l.maxFileBytes)} (file too large)`);
  return Promise.all(files.map(async (f) => ({ file: cleanName(f.name), bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export const supervisorRoutes: RouteModule = (app, deps) => {
  app.openapi(api.limits, (c) => c.json(uploadLimits(requireUser(c), deps.config.upload), 200));

  app.openapi(api.upload, async (c) => {
    const results = await uploadReports(deps, requireUser(c), { files: () => readFiles(c, deps.config.upload), limits: deps.config.upload });
    return c.json({ results }, 200);
  });

  app.openapi(api.overview, async (c) => c.json(await supervisorOverview(deps, requireUser(c), c.req.valid('query')), 200));

  app.openapi(api.report, async (c) => c.json(await publishedReport(deps, requireUser(c), c.req.valid('param')), 200));

  app.openapi(api.correct, async (c) => c.json(await correctCell(deps, requireUser(c), { ...c.req.valid('param'), ...c.req.valid('json') }), 200));

  app.openapi(api.undoCorrection, async (c) => c.json(await undoCorrection(deps, requireUser(c), { ...c.req.valid('param'), ...c.req.valid('json') }), 200));

  app.openapi(api.sourceHtml, async (c) => {
    const page = await sourcePage(deps, requireUser(c), c.req.valid('param'));
    return c.body(page, 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': SOURCE_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
  });
};
