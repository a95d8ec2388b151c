/**
 * The version a save began from: `version` in the JSON, else an `If-Match` header (`"3"`,
 * `W/"3"` or `3`; `*` or anything else means no check), as src/api/versions.ts documents.
 */
import type { Context } from 'hono';

export function versionOf(c: Context, version: number | undefined): number | undefined {
  if (version !== undefined) return version;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(c.req.header('if-match') ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The JSON of a save with its version taken from `If-Match` when the JSON has none. */
export function withVersion<T extends { version?: number | undefined }>(c: Context, json: T): T {
  return { ...json, version: versionOf(c, json.version) };
}
