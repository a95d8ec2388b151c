/**
 * The API contract of the directory (机关名录): regions and bodies for the administrator's tree,
 * import and export as CSV or Excel, editing one body.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { REGION_LEVELS } from '../directory/codes.js';
import { BODY_LEVELS } from '../register/bodies.js';
import { errors, jsonBody, jsonOf } from './common.js';
import { EditVersion, StoredVersion } from './versions.js';

const TAG = ['机关名录 directory'];

export const RegionSchema = z
  .object({ code: z.string(), name: z.string(), level: z.enum(REGION_LEVELS), parentCode: z.string().nullable() })
  .openapi('Region');

export const DirectoryBodySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    level: z.enum(BODY_LEVELS),
    regionCode: z.string().nullable(),
    aliases: z.array(z.string()),
    creditCode: z.string().nullable(),
    worksHere: z.boolean().openapi({ description: '在本系统办理：有经办人、受理申请、发布目录；否则为仅收录（只载入其公开的年度报告）' }),
    version: StoredVersion,
  })
  .openapi('DirectoryBody');

export const DirectorySchema = z.object({ regions: z.array(RegionSchema), bodies: z.array(DirectoryBodySchema) }).openapi('Directory');

export const ImportSummarySchema = z
  .object({ regions: z.number().int(), created: z.number().int(), updated: z.number().int(), worksHere: z.number().int(), observed: z.number().int() })
  .openapi('DirectoryImportSummary');

export const getDirectory = createRoute({
  method: 'get',
  path: '/api/admin/directory',
  tags: TAG,
  summary: '机关名录：全部地区和机关 (every region and body)',
  responses: { 200: jsonOf(DirectorySchema), 401: errors[401], 403: errors[403] },
});

export const importDirectory = createRoute({
  method: 'post',
  path: '/api/admin/directory/import',
  tags: TAG,
  summary: '导入机关名录（CSV 或 Excel，字段 file）；任一行有误则整批不导入，并逐行说明 (import, all or nothing)',
  description:
    'multipart/form-data，字段 file。列：代码、名称、层级、上级代码、别名（多个用、分隔）、在本系统办理（是/否）、统一社会信用代码（可选）。政府一行的代码为其行政区划代码，部门一行的代码为其编号、上级代码为所属政府的行政区划代码。',
  responses: { 200: jsonOf(ImportSummarySchema), 400: errors[400], 401: errors[401], 403: errors[403], 413: errors[413] },
});

export const exportDirectory = createRoute({
  method: 'get',
  path: '/api/admin/directory/export',
  tags: TAG,
  summary: '导出机关名录，格式与导入相同 (export, as the import reads it)',
  request: { query: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }) },
  responses: {
    200: {
      description: 'CSV 或 Excel 文件',
      content: {
        'text/csv': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    401: errors[401],
    403: errors[403],
  },
});

export const BodyInputSchema = z.object({
  name: z.string().min(2, '名称至少 2 个字').max(100, '名称至多 100 个字'),
  level: z.enum(BODY_LEVELS),
  regionCode: z.string().max(12).nullable(),
  aliases: z.array(z.string().max(100)).max(50),
  creditCode: z.string().max(18).nullable(),
  worksHere: z.boolean(),
  version: EditVersion,
});

export const saveBody = createRoute({
  method: 'put',
  path: '/api/admin/directory/bodies/{id}',
  tags: TAG,
  summary: '新增或修改名录中的机关 (add or change a body)',
  request: { params: z.object({ id: z.string().min(1).max(60) }), body: jsonBody(BodyInputSchema) },
  responses: { 200: jsonOf(DirectoryBodySchema), 400: errors[400], 401: errors[401], 403: errors[403], 409: errors[409] },
});
