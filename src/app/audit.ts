/**
 * The administrator reads the audit log: filtered by who, what was done, to what kind of entry,
 * which body and which days (Beijing time), a page at a time, each entry in Chinese with its
 * fields before and after; or the whole filtered set as a spreadsheet (itself audited).
 */
import { actionLabel, beijingDayEnd, beijingDayStart, beijingTime, entityLabel, readableEntry, whoLabel, type ReadableEntry } from '../accounts/audit-format.js';
import { actorId, type Actor } from '../accounts/permissions.js';
import { auditChoices, readAudit, writeAudit, type AuditFilter, type AuditRow } from '../store/audit.js';
import { requireAdmin } from './admin.js';
import type { AppServices } from './context.js';
import { XLSX, type FileDownload } from './download.js';
import { invalid } from './errors.js';

/** Filters as the page and the URL carry them: several actions or entries comma-separated, days as YYYY-MM-DD. */
export interface AuditQuery {
  actor?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  body?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditEntryView extends ReadableEntry {
  seq: number;
  /** ISO 8601 instant. */
  at: string;
  bodyId: string | null;
  body: string;
}

/** The most a spreadsheet holds; the administrator narrows the filter for more. */
export const EXPORT_LIMIT = 20_000;

const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

function filterOf(q: AuditQuery): AuditFilter {
  if (q.from && q.to && q.from > q.to) throw invalid('起始日期不能晚于截止日期');
  return {
    actor: q.actor || undefined,
    actions: list(q.action),
    entities: list(q.entity),
    bodyId: q.body || undefined,
    from: q.from ? beijingDayStart(q.from) : undefined,
    to: q.to ? beijingDayEnd(q.to) : undefined,
  };
}

/** Names of the bodies the rows mention (for account scopes listed by id). */
async function bodyNames(s: AppServices): Promise<(id: string) => string | undefined> {
  const rows = await s.db.query<{ id: string; name: string }>('SELECT id, name FROM bodies');
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return (id) => names.get(id);
}

function view(row: AuditRow, bodyName: (id: string) => string | undefined): AuditEntryView {
  return {
    seq: row.seq,
    at: row.at,
    bodyId: row.bodyId,
    body: row.bodyName ?? row.bodyId ?? '',
    ...readableEntry(row, bodyName),
  };
}

/** One page of the filtered log, newest first, with the number of entries matching. */
export async function auditLog(s: AppServices, actor: Actor, query: AuditQuery & { offset: number; limit: number }): Promise<{ total: number; entries: AuditEntryView[] }> {
  requireAdmin(actor);
  const { total, rows } = await readAudit(s.db, filterOf(query), { offset: query.offset, limit: query.limit });
  const names = await bodyNames(s);
  return { total, entries: rows.map((r) => view(r, names)) };
}

export interface AuditOption {
  /** The value to filter by (several stored keys with the same Chinese name, comma-separated). */
  value: string;
  label: string;
}

/** Every key under its Chinese name, keys sharing a name merged into one option. */
function merged(keys: readonly string[], label: (k: string) => string): AuditOption[] {
  const byLabel = new Map<string, string[]>();
  for (const k of keys) byLabel.set(label(k), [...(byLabel.get(label(k)) ?? []), k]);
  return [...byLabel].map(([l, ks]) => ({ value: ks.join(','), label: l })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

/** What the filters offer: the people, actions, kinds of entry and bodies the log holds. */
export async function auditFilterChoices(s: AppServices, actor: Actor): Promise<{ actors: AuditOption[]; actions: AuditOption[]; entities: AuditOption[]; bodies: AuditOption[] }> {
  requireAdmin(actor);
  const c = await auditChoices(s.db);
  return {
    actors: c.actors.map((a) => ({ value: a.actor, label: whoLabel(a.actor, a.name) })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')),
    actions: merged(c.actions, actionLabel),
    entities: merged(c.entities, entityLabel),
    bodies: c.bodies.map((b) => ({ value: b.id, label: b.name ?? b.id })),
  };
}

/** The filters in words, for the export's own audit entry. */
function conditionsText(q: AuditQuery): string {
  const parts = [
    q.actor && `操作人 ${whoLabel(q.actor)}`,
    q.action && `操作 ${actionLabel(list(q.action)![0]!)}`,
    q.entity && `对象 ${entityLabel(list(q.entity)![0]!)}`,
    q.body && `机关 ${q.body}`,
    q.from && `自 ${q.from}`,
    q.to && `至 ${q.to}`,
  ].filter(Boolean);
  return parts.length ? parts.join('，') : '全部';
}

/** The filtered log as an Excel workbook, newest first; the export is itself an audit entry. */
export async function exportAuditLog(s: AppServices, actor: Actor, query: AuditQuery): Promise<FileDownload> {
  requireAdmin(actor);
  const filter = filterOf(query);
  const { total, rows } = await readAudit(s.db, filter, { offset: 0, limit: EXPORT_LIMIT });
  if (total > EXPORT_LIMIT) throw invalid(`符合条件的记录有 ${total} 条，超过一次导出的上限 ${EXPORT_LIMIT} 条，请缩小日期范围或增加筛选条件`);
  const names = await bodyNames(s);
  const { auditWorkbook } = await import('../accounts/audit-excel.js');
  const range = query.from || query.to ? `，${query.from ?? '最早'} 至 ${query.to ?? '今天'}` : '';
  const bytes = await auditWorkbook(rows.map((r) => view(r, names)), `审计日志（共 ${total} 条${range}；导出于 ${beijingTime(new Date().toISOString())}）`);
  await s.db.transaction((tx) => writeAudit(tx, actorId(actor), 'export', 'audit-log', '', null, { count: total, conditions: conditionsText(query) }));
  return { bytes, type: XLSX, fileName: `审计日志-${s.today()}.xlsx`, asciiName: `audit-log-${s.today()}.xlsx` };
}
