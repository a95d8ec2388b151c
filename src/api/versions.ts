/**
 * How an edit says which version it began from (no lost updates): every editable record's GET
 * answers with its `version`; a save sends it back, in the JSON as `version` (a report draft's is
 * `revision`) or as an `If-Match: "<version>"` header. A save begun from an older version is
 * refused with 409 and a Chinese message asking to reload; omitted, it is not checked.
 */
import { z } from '@hono/zod-openapi';

/** The version field of a save. */
export const EditVersion = z
  .number()
  .int()
  .min(0)
  .optional()
  .openapi({ description: '编辑所依据的版本号（读取时返回的 version；新建为 0）；与已保存的版本不一致时拒绝保存（409），防止覆盖他人的修改。也可用请求头 If-Match: "版本号"。省略则不核对' });

/** The version a record is at, in a GET's or a save's answer. */
export const StoredVersion = z.number().int().openapi({ description: '版本号：每次保存加一；保存时原样送回 (version 或 If-Match)' });
