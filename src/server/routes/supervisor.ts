/**
 * The supervisor's routes: HTTP only. The upload streams the multipart body to disk within its
 * limits (counted as it arrives) and hands the files to the use case, which reads them in threads; the others parse the request
 * (src/api/supervisor.ts), call one use case (src/app/supervision) and answer, the sanitised page
 * of an HTML upload under its own sandboxing policy.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { boundaryOf, stageMultipart, StageError, type StagedFile } from '../multipart.js';

/** What the upload answers for each file. */
export type UploadResult = z.infer<typeof api.UploadResultSchema>;

const tooLarge = (limit: number) => new ApiError(413, `上传内容超过每次上限 ${mib(limit)}，请分批上传 (request too large)`);

/** A file name as the browser sent it (a folder's relative path included), without control characters. */
const cleanName = (name: string) => printable(name).slice(0, 300) || '（无文件名）';

/**
 * The `file` fields of a multipart body, streamed into `dir` and counted as they arrive: past
 * the request's limit, reading stops (413); a file past its own limit is not kept and answered
 * as refused, the others go on. Each file's bytes are loaded only when it is read.
 */
async function stageFiles(c: Context<AppEnv>, l: UploadLimits, dir: string): Promise<UploadFile[]> {
  const type = c.req.header('content-type') ?? '';
  const boundary = boundaryOf(type);
  if (!/^multipart\/form-data/i.test(type) || !boundary) throw new ApiError(400, '请以 multipart/form-data 上传文件，每个文件一个 file 字段 (multipart expected)');
  const limit = requestLimit(l);
  if (Number(c.req.header('content-length') ?? 0) > limit) throw tooLarge(limit);
  const body = c.req.raw.body;
  if (!body) throw new ApiError(400, '没有收到任何文件 (no files)');
  let staged: StagedFile[];
  try {
    staged = await stageMultipart(body, boundary, dir, { maxRequestBytes: limit, maxFileBytes: l.maxFileBytes, maxFiles: l.maxFiles });
  } catch (error) {
    if (!(error instanceof StageError)) throw error;
    if (error.kind === 'tooLarge') throw tooLarge(limit);
    if (error.kind === 'tooManyFiles') throw new ApiError(400, `一次最多上传 ${l.maxFiles} 个文件，本次超过了，请分批上传 (too many files)`);
    throw new ApiError(400, '上传内容不完整或格式有误，无法读取 (malformed multipart body)');
  }
  if (staged.length === 0) throw new ApiError(400, '没有收到任何文件（字段名应为 file）(no files)');
  return staged.map((f): UploadFile => {
    const file = cleanName(f.name);
    if (f.tooLarge || !f.path) return { file, bytes: new Uint8Array(), refused: `文件超过每个文件的上限 ${mib(l.maxFileBytes)}，未读取` };
    const path = f.path;
    return { file, bytes: async () => new Uint8Array(await readFile(path)) };
  });
}

export const supervisorRoutes: RouteModule = (app, deps) => {
  app.openapi(api.limits, (c) => c.json(uploadLimits(requireUser(c), deps.config.upload), 200));

  app.openapi(api.upload, async (c) => {
    const limits = deps.config.upload;
    const staging = deps.config.stagingDir ?? join(tmpdir(), 'gongkai-uploads');
    await mkdir(staging, { recursive: true });
    const dir = await mkdtemp(join(staging, 'upload-'));
    try {
      // The use case checks the uploader first and only then asks for the files: a stranger's body is never read.
      const results = await uploadReports(deps, requireUser(c), { files: () => stageFiles(c, limits, dir), limits });
      return c.json({ results }, 200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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
