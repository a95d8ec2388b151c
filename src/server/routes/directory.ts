/**
 * The directory's routes (机关名录): handlers only; the use cases are src/app/directory.
 */
import * as api from '../../api/directory.js';
import { directory, exportDirectory, importDirectory, saveDirectoryBody } from '../../app/directory/index.js';
import { requireUser } from '../auth/session.js';
import type { RouteModule } from '../context.js';
import { ApiError } from '../errors.js';
import { printable, sendFile } from '../http.js';
import { withVersion } from './if-match.js';

/** A directory of tens of thousands of bodies is a few MB; more is not a directory. */
const MAX_DIRECTORY_BYTES = 20 * 1024 * 1024;

export const directoryRoutes: RouteModule = (app, deps) => {
  app.openapi(api.getDirectory, async (c) => c.json(await directory(deps, requireUser(c)), 200));

  app.openapi(api.importDirectory, async (c) => {
    const user = requireUser(c);
    if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? '')) throw new ApiError(400, '请以 multipart/form-data 上传名录文件，字段名为 file');
    if (Number(c.req.header('content-length') ?? 0) > MAX_DIRECTORY_BYTES) throw new ApiError(413, '名录文件超过 20 MB 的上限');
    let file: ReturnType<FormData['get']>;
    try {
      file = (await c.req.raw.formData()).get('file');
    } catch {
      throw new ApiError(400, '上传内容不完整或格式有误，无法读取');
    }
    if (!file || typeof file === 'string') throw new ApiError(400, '没有收到名录文件（字段名应为 file）');
    if (file.size > MAX_DIRECTORY_BYTES) throw new ApiError(413, '名录文件超过 20 MB 的上限');
    return c.json(await importDirectory(deps, user, { bytes: new Uint8Array(await file.arrayBuffer()), fileName: printable(file.name).slice(0, 200) }), 200);
  });

  app.openapi(api.exportDirectory, async (c) => sendFile(c, await exportDirectory(deps, requireUser(c), c.req.valid('query').format)) as never);

  app.openapi(api.saveBody, async (c) => c.json(await saveDirectoryBody(deps, requireUser(c), c.req.valid('param').id, withVersion(c, c.req.valid('json'))), 200));
};
