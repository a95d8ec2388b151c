/**
 * The supervisor's upload: files, folders and ZIP archives of published reports, each read once
 * (`parseFile`), matched to a body of the uploader's scope, checked against the reports already
 * stored, and saved with its source view and its audit entries in one transaction (a few files per
 * transaction, so other requests are not held up behind a large upload).
 *
 * Matching (src/directory/match.ts): a report whose unit is one body in the scope — by full
 * name, alias, or region + short name — goes to that body; a known body outside the scope is
 * refused (nothing saved); anything else waits in 待匹配 (./pending.ts), where the supervisor
 * picks the body or creates it inside the scope. No body is ever created here.
 */
import { actorId, isAdmin, type SessionUser } from '../../accounts/permissions.js';
import { detectFormat } from '../../ingest.js';
import { applyCorrections } from '../../model/corrections.js';
import type { AnnualReport, Diagnostic } from '../../model/report.js';
import { MATCH_METHOD_LABELS, Matcher, type MatchMethod } from '../../directory/match.js';
import { budgetLimitText, DEFAULT_UPLOAD_BUDGET, type UploadBudget } from '../../read/budget.js';
import { sortFindings, type Finding } from '../../rules/finding.js';
import { writeAudit } from '../../store/audit.js';
import type { Db } from '../../store/db.js';
import { BodyStore } from '../../store/body-store.js';
import { PendingStore } from '../../store/pending-store.js';
import { PublishedStore, type BodyRef, type ReplacedUpload, type SourceView, type Viewer } from '../../store/published-store.js';
import { RegionStore } from '../../store/region-store.js';
import type { AppServices } from '../context.js';
import { invalid } from '../errors.js';
import { requireSupervisor, viewerOf } from './access.js';
import { checkBatch, poolEntry, type PoolEntry } from './checks.js';
import type { ReportReader } from '../reading/reader.js';
import { withFingerprints } from './fingerprint.js';
import { NO_SOURCE } from './source-view.js';

/** The upload's budget (src/read/budget.ts): bytes per file (as sent), files, and the upload's bytes, unpacked bytes and reading time when not the defaults. */
export interface UploadLimits extends Partial<UploadBudget> {
  maxFileBytes: number;
  maxFiles: number;
}

/** One file as it came: its name (a folder's relative path included) and its bytes, or how to load them (a file staged on disk). */
export interface UploadFile {
  file: string;
  bytes: Uint8Array | (() => Promise<Uint8Array>);
  /** Refused as it arrived (over the per-file byte budget): not read, answered with this reason. */
  refused?: string;
}

/** The files, read only once the uploader may upload (the server reads a request body that may be large). */
export type ReadFiles = () => Promise<readonly UploadFile[]>;

/** What the upload answers for each file. */
export interface UploadResult {
  file: string;
  ok: boolean;
  reportId: number | null;
  unit: string | null;
  year: number | null;
  bodyId: string | null;
  /** The body's name as the directory keeps it. */
  bodyName: string | null;
  /** 已匹配 and how (全称/别名/地区+简称), 待匹配 (waiting for the supervisor), or neither (unreadable, refused). */
  match: { status: 'matched'; method: string } | { status: 'pending'; candidates: number } | null;
  /** What this upload replaced: the same file uploaded before (its version and date), or null. */
  replaced: string | null;
  /** Reports of the same body and year uploaded before (not replaced: both are kept), named for the supervisor. */
  sameYear: string | null;
  errors: number;
  warnings: number;
  error?: string;
}

const budgetOf = (l: UploadLimits): UploadBudget => ({ ...DEFAULT_UPLOAD_BUDGET, ...l });

/** The request's size limit: the files (never more than the upload's byte budget) plus room for the multipart headers. */
export function requestLimit(l: UploadLimits): number {
  return Math.min(l.maxFiles * l.maxFileBytes, Math.max(l.maxFileBytes, budgetOf(l).maxUploadBytes)) + 64 * 1024 + l.maxFiles * 1024;
}

const loadBytes = (f: UploadFile) => (typeof f.bytes === 'function' ? f.bytes() : Promise.resolve(f.bytes));

/** The limits the upload page shows before anything is sent. */
export function uploadLimits(user: SessionUser, l: UploadLimits) {
  requireSupervisor(user);
  return { maxFileBytes: l.maxFileBytes, maxFiles: l.maxFiles, maxRequestBytes: requestLimit(l) - 64 * 1024 - l.maxFiles * 1024 };
}

// ─── ZIP archives among the uploads ─────────────────────────────────────────────────────────

/** Files that are no report: folders, macOS resource forks, hidden files. */
const JUNK = /(^|\/)(__MACOSX\/|\.[^/]*$|Thumbs\.db$|desktop\.ini$)/i;

interface Refused {
  file: string;
  error: string;
}

/**
 * ZIP archives (not Word files) are opened by the hardened reader, in a reading thread; their
 * files join the upload as `archive.zip!/entry`. A zip bomb, a broken archive, or one past what
 * the upload may still unpack is refused unopened; an entry over the size limit, encrypted, or
 * itself an archive is refused on its own. Files refused as they arrived are refused here.
 */
async function expand(reader: ReportReader, files: readonly UploadFile[], l: UploadLimits): Promise<{ uploads: UploadFile[]; refused: Refused[] }> {
  const budget = budgetOf(l);
  const uploads: UploadFile[] = [];
  const refused: Refused[] = [];
  let unpacked = 0;
  for (const f of files) {
    if (f.refused !== undefined) {
      refused.push({ file: f.file, error: f.refused });
      continue;
    }
    const bytes = await loadBytes(f);
    if (!bytes.length || detectFormat(bytes) !== 'zip') {
      uploads.push(f);
      continue;
    }
    const room = budget.maxUploadUnpackedBytes - unpacked;
    const inside = await reader.unzip(bytes, { maxEntryBytes: Math.min(l.maxFileBytes, reader.budget.maxBytes), maxTotalBytes: room, maxEntries: 10_000 });
    if ('refused' in inside) {
      const error = inside.refused.startsWith('压缩包') ? inside.refused : `压缩包未解压：${inside.refused}`;
      refused.push({ file: f.file, error: room < budget.maxUploadUnpackedBytes ? `${error}（${budgetLimitText('maxUploadUnpackedBytes', budget)}，本次已解压 ${(unpacked / 1024 / 1024).toFixed(0)} MiB）` : error });
      continue;
    }
    for (const e of inside.entries) {
      if (JUNK.test(e.name)) continue;
      const file = `${f.file}!/${e.name}`;
      if ('refused' in e) refused.push({ file, error: e.refused });
      else if (e.bytes.length && detectFormat(e.bytes) === 'zip') refused.push({ file, error: '压缩包中的压缩包不再展开，请解压后分别上传' });
      else {
        unpacked += e.bytes.length;
        uploads.push({ file, bytes: e.bytes });
      }
    }
  }
  if (uploads.length + refused.length > l.maxFiles) {
    throw invalid(`压缩包展开后共 ${uploads.length + refused.length} 个文件，超过每次上限 ${l.maxFiles} 个，请分批上传 (too many files)`);
  }
  return { uploads, refused };
}

// ─── Bodies ─────────────────────────────────────────────────────────────────────────────────

/**
 * Where a report's unit belongs: a body in scope (and how it was found), a known body outside the
 * scope (refused, nothing saved), or nothing certain — the report then waits in 待匹配 with the
 * candidates found (stored, with its model) until the supervisor picks or creates its body.
 * No unit (an unreadable file) is kept as the uploader's own, unplaced.
 */
type Placement =
  | { kind: 'none' }
  | { kind: 'refused' }
  | { kind: 'body'; body: BodyRef; method: MatchMethod }
  | { kind: 'pending'; candidates: string[] };

const OUT_OF_SCOPE = '该机关不在您的监督范围内，未保存';

interface Directory {
  /** The bodies in the uploader's scope. */
  inScope: Matcher;
  /** Every body: a unit that is a known body outside the scope is refused, not left waiting. */
  everywhere: Matcher;
  refs: Map<string, BodyRef>;
}

async function directoryOf(s: AppServices, user: SessionUser): Promise<Directory> {
  const [bodies, regions] = await Promise.all([new BodyStore(s.db).all(), new RegionStore(s.db).all()]);
  const scope = new Set(user.bodies);
  const mine = isAdmin(user) ? bodies : bodies.filter((b) => scope.has(b.id));
  return {
    inScope: new Matcher(mine, regions),
    everywhere: new Matcher(bodies, regions),
    refs: new Map(bodies.map((b) => [b.id, { id: b.id, name: b.name, level: b.level }])),
  };
}

function place(unit: string | null, d: Directory): Placement {
  const found = d.inScope.match(unit);
  if (found.kind === 'matched') return { kind: 'body', body: d.refs.get(found.bodyId)!, method: found.method };
  if (found.kind === 'ambiguous') return { kind: 'pending', candidates: found.candidates };
  // A full name or alias of a body outside the scope: that body's report, not the supervisor's.
  const outside = d.everywhere.match(unit);
  if (outside.kind === 'matched' && outside.method !== 'regionShortName') return { kind: 'refused' };
  return { kind: 'pending', candidates: [] };
}

// ─── The upload ─────────────────────────────────────────────────────────────────────────────

interface Item {
  file: string;
  sha256: string;
  format: string;
  report: AnnualReport | null;
  /** What the reader said, kept for an unreadable file too (its model is not kept). */
  diagnostics: Diagnostic[];
  error: string | null;
  source: SourceView;
  placement: Placement;
  body: BodyRef | null;
  findings: Finding[];
  /** A re-upload of a corrected file: the model as read (`report` is then the corrected model) and how many corrections were replayed. */
  read?: { report: AnnualReport; corrections: number };
}

const countOf = (fs: readonly Finding[], s: Finding['severity']) => fs.filter((f) => f.severity === s).length;

/** What the audit log keeps of a stored report (not the whole model). */
function summary(i: Item) {
  return {
    file: i.file,
    body: i.body?.id ?? null,
    unit: i.report?.unit ?? null,
    year: i.report?.year ?? null,
    errors: countOf(i.findings, 'error'),
    warnings: countOf(i.findings, 'warning'),
    error: i.error,
    ...(i.read ? { corrections: i.read.corrections } : {}),
  };
}

/** A re-upload of a file the uploader's earlier copy of was corrected: the corrections are replayed on the new reading. */
async function keepCorrections(store: PublishedStore, db: Db, user: SessionUser, items: readonly Item[]): Promise<void> {
  const kept = await store.correctionsOfUploads(db, user.id, items.map((i) => i.sha256));
  for (const item of items) {
    const corrections = kept.get(item.sha256);
    if (!corrections || !item.report || item.error) continue;
    item.read = { report: item.report, corrections: corrections.length };
    item.report = applyCorrections(item.report, corrections);
  }
}

/**
 * Read each file once, in the reading threads (a few at a time, so the threads stay busy), and
 * match it to a body. A file over a budget comes back refused with the reason and is kept as
 * unreadable; files not started when the upload's reading time is spent are refused unread.
 */
async function readItems(reader: ReportReader, d: Directory, uploads: readonly UploadFile[], l: UploadLimits): Promise<Item[]> {
  const deadline = Date.now() + budgetOf(l).maxUploadMs;
  const items: Item[] = new Array<Item>(uploads.length);
  let next = 0;
  const one = async (u: UploadFile): Promise<Item> => {
    const remaining = deadline - Date.now();
    const bytes = await loadBytes(u);
    const read = remaining > 0 ? await reader.read(bytes, { view: true, upload: { within: remaining, budget: budgetOf(l) } }) : reader.refuseUnread(bytes, 'maxUploadMs', budgetOf(l));
    const { parsed, source, sha256 } = read;
    const error = parsed.readable ? null : (parsed.reason ?? '无法读取');
    const placement = parsed.readable ? place(parsed.report.unit, d) : { kind: 'none' as const };
    const report = parsed.readable ? parsed.report : null;
    const body = placement.kind === 'body' ? placement.body : null;
    return { file: u.file, sha256, format: parsed.format, report, diagnostics: parsed.report.diagnostics, error, source: source ?? NO_SOURCE, placement, body, findings: [] };
  };
  const lane = async () => {
    for (let i = next++; i < uploads.length; i = next++) items[i] = await one(uploads[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(uploads.length, reader.threads) }, lane));
  return items;
}

const dateOf = (at: string) => at.slice(0, 10);

/** Files saved per transaction. */
const SAVE_CHUNK = 10;

/** 已替换: the same file uploaded before, with its version and date. */
const replacedText = (r: ReplacedUpload | null) => (r ? `已替换此前上传的同一文件“${r.file}”（第 ${r.version} 版，${dateOf(r.uploadedAt)} 上传）` : null);

/**
 * Upload published reports: ZIPs opened, each file read once, matched, checked (a stored report
 * a new one pairs with or resembles is re-checked), and everything saved with its audit entries
 * in transactions of a few files each. One result per file, in the order sent, then the files refused unread.
 */
export async function uploadReports(s: AppServices, user: SessionUser, input: { files: readonly UploadFile[] | ReadFiles; limits: UploadLimits }): Promise<UploadResult[]> {
  requireSupervisor(user);
  const files = typeof input.files === 'function' ? await input.files() : input.files;
  const store = new PublishedStore(s.db);
  const { uploads, refused } = await expand(s.reader, files, input.limits);
  const directory = await directoryOf(s, user);
  const items = await readItems(s.reader, directory, uploads, input.limits);
  const stored = items.filter((i) => i.placement.kind !== 'refused');
  await keepCorrections(store, s.db, user, stored);
  const years = stored.flatMap((i) => (i.report?.year == null ? [] : [i.report.year]));
  const viewer: Viewer = viewerOf(user);
  const earlier = await store.sameBodyYear(viewer, stored.flatMap((i) => (i.body && i.report?.year != null ? [{ bodyId: i.body.id, year: i.report.year }] : [])), stored.map((i) => i.sha256));
  const pool: PoolEntry[] = years.length
    ? (await store.pool(viewer, Math.min(...years) - 1, Math.max(...years) + 1, stored.map((i) => i.sha256))).map(poolEntry)
    : [];
  checkBatch(stored, pool);
  const actor = actorId(user);
  const saveItem = async (tx: Db, item: Item) => {
    const bodyId = item.body?.id ?? null;
    const findings = withFingerprints(sortFindings(item.findings), { bodyId, unit: item.report?.unit ?? null }, item.report?.year ?? null);
    const saved = await store.save(tx, user.id, { ...item, findings, fileName: item.file, bodyId });
    const { id, replaced } = saved;
    if (item.read && item.report) await store.setCorrectedModel(tx, id, item.read.report, item.report);
    const match = item.placement.kind === 'body' ? { match: MATCH_METHOD_LABELS[item.placement.method] } : item.placement.kind === 'pending' ? { match: '待匹配', candidates: item.placement.candidates } : {};
    await writeAudit(tx, actor, replaced ? 'replace' : 'upload', 'published-report', String(id), replaced, { sha256: item.sha256, ...summary({ ...item, findings }), ...match });
    if (item.placement.kind === 'pending') await PendingStore.put(tx, id, item.report?.unit ?? '', item.placement.candidates);
    else await PendingStore.drop(tx, id);
    return saved;
  };
  // A few files per transaction: the embedded database has one connection, and one transaction for
  // hundreds of files would keep every other request (the public form too) waiting until it ends.
  const ids = new Map<Item, { id: number; replaced: ReplacedUpload | null }>();
  for (let at = 0; at < stored.length; at += SAVE_CHUNK) {
    await s.db.transaction(async (tx) => {
      for (const item of stored.slice(at, at + SAVE_CHUNK)) ids.set(item, await saveItem(tx, item));
    });
  }
  await s.db.transaction(async (tx) => {
    for (const p of pool) {
      if (p.storedId === undefined || !p.changed) continue;
      const findings = withFingerprints(sortFindings(p.findings), { bodyId: p.bodyId, unit: p.report.unit }, p.year);
      const old = await store.setFindings(tx, p.storedId, findings);
      await writeAudit(tx, actor, 'recheck', 'published-report', String(p.storedId), { findings: old.map((f) => f.code) }, { findings: findings.map((f) => f.code) });
    }
  });
  return [
    ...items.map((i): UploadResult => {
      const body = i.body;
      const saved = ids.get(i);
      const p = i.placement;
      const match = p.kind === 'body' ? { status: 'matched' as const, method: MATCH_METHOD_LABELS[p.method] } : p.kind === 'pending' ? { status: 'pending' as const, candidates: p.candidates.length } : null;
      const before = body && i.report?.year != null ? earlier.filter((e) => e.bodyId === body.id && e.year === i.report!.year && e.id !== saved?.id) : [];
      const sameYear = before.length ? `${i.report!.year} 年度已有此机关的报告：${before.map((e) => `“${e.file}”（${dateOf(e.uploadedAt)} 上传）`).join('、')}，两份都保留` : null;
      const base = { file: i.file, unit: i.report?.unit ?? null, year: i.report?.year ?? null, bodyId: body?.id ?? null, bodyName: body?.name ?? null, match, replaced: replacedText(saved?.replaced ?? null), sameYear };
      if (p.kind === 'refused') return { ...base, match: null, ok: false, reportId: null, errors: 0, warnings: 0, error: OUT_OF_SCOPE };
      const counts = { errors: countOf(i.findings, 'error'), warnings: countOf(i.findings, 'warning') };
      return { ...base, ...counts, ok: !i.error, reportId: saved?.id ?? null, ...(i.error ? { error: i.error } : {}) };
    }),
    ...refused.map((r): UploadResult => ({ file: r.file, ok: false, reportId: null, unit: null, year: null, bodyId: null, bodyName: null, match: null, replaced: null, sameYear: null, errors: 0, warnings: 0, error: r.error })),
  ];
}
