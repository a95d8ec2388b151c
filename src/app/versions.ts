/**
 * No lost updates: every editable record (report draft, catalogue item, body, catalogue and guide
 * settings) has a version number. The editor reads it with the record and sends it back with the
 * save (`version` in the JSON, or an `If-Match` header; a report draft's is its `revision`); the
 * use case compares it with the stored one under the record's row lock, in the transaction that
 * writes, and refuses an edit begun from an older version with 409 instead of overwriting what
 * someone saved in between. Omitted, it is not checked (API clients that do not track it).
 */
import { conflict, type Refusal } from './errors.js';

/** The refusal of an edit begun from an older version of `what` (now at `current`). */
export function staleEdit(what: string, current: number): Refusal {
  return conflict(`${what}已由他人保存了更新的版本（第 ${current} 版），您的修改没有保存。请刷新页面，核对最新内容后再修改。 (changed by someone else meanwhile)`);
}

/** Refuse unless the edit began from the stored version (`expected` undefined: not checked). */
export function checkVersion(what: string, expected: number | undefined, current: number): void {
  if (expected !== undefined && expected !== current) throw staleEdit(what, current);
}
