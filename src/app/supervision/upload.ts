/**
 * The supervisor's upload: files, folders and ZIP archives of published reports, each read once
 * (`parseFile`), matched to a body of the uploader's set, checked against the reports already
 * stored, and saved with its source view and the audit entries in one transaction.
 *
 * Matching: a report whose unit is a body in the uploader's set goes to that body; a known body
 * outside the set is refused (nothing saved); an unknown unit becomes a new body in the uploader's
 * set (the supervisor collects the reports of the bodies under them); no unit at all is kept as
 * the uploader's own, unplaced.
 */
import { createHash } from 'node:crypto';
import { actorId, type SessionUser } from '../../accounts/permissions.js';
import { EXTERNAL_TOOLS } from '../../adapters/external.js';
import { bodyKey } from '../../corpus/outputs.js';
import { detectFormat } from '../../ingest.js';
import { applyCorrections } from '../../model/corrections.js';
import type { AnnualReport, Diagnostic } from '../../model/report.js';
import { levelOfBody } from '../../register/bodies.js';
import { DEFAULT_UNZIP_LIMITS, unzip } from '../../read/zip.js';
import { sortFindings, type Finding } from '../../rules/finding.js';
import { writeAudit } from '../../store/audit.js';
import type { Db } from '../../store/db.js';
import { PublishedStore, type BodyRef, type SourceView, type Viewer } from '../../store/published-store.js';
import type { AppServices } from '../context.js';
import { invalid } from '../errors.js';
import { requireSupervisor, viewerOf } from './access.js';
import { checkBatch, poolEntry, type PoolEntry } from './checks.js';
import { withFingerprints } from './fingerprint.js';
import { readUpload } from './source-view.js';

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
}

/** One file as it came: its name (a folder's relative path included) and bytes. */
export interface UploadFile {
  file: string;
  bytes: Uint8Array;
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
  bodyCreated: boolean;
  errors: number;
  warnings: number;
  error?: string;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Never buffer more than this for one request, whatever the per-file limit times the count. */
const REQUEST_CAP = 256 * 1024 * 1024;

/** The request's size limit: the files plus room for the multipart headers. */
export function requestLimit(l: UploadLimits): number {
  return Math.min(l.maxFiles * l.maxFileBytes, Math.max(l.maxFileBytes, REQUEST_CAP)) + 64 * 1024 + l.maxFiles * 1024;
}

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
 * ZIP archives (not Word files) are opened by the hardened reader; their files join the upload
 * as `archive.zip!/entry`. A zip bomb or a broken archive is refused unopened; an entry over the
 * size limit, encrypted, or itself an archive is refused on its own.
 */
function expand(files: readonly UploadFile[], l: UploadLimits): { uploads: UploadFile[]; refused: Refused[] } {
  const uploads: UploadFile[] = [];
  const refused: Refused[] = [];
  for (const f of files) {
    if (!f.bytes.length || detectFormat(f.bytes) !== 'zip') {
      uploads.push(f);
      continue;
    }
    const inside = unzip(f.bytes, { ...DEFAULT_UNZIP_LIMITS, maxEntryBytes: l.maxFileBytes });
    if ('refused' in inside) {
      refused.push({ file: f.file, error: inside.refused.startsWith('压缩包') ? inside.refused : `压缩包未解压：${inside.refused}` });
      continue;
    }
    for (const e of inside.entries) {
      if (JUNK.test(e.name)) continue;
      const file = `${f.file}!/${e.name}`;
      if ('refused' in e) refused.push({ file, error: e.refused });
      else if (e.bytes.length && detectFormat(e.bytes) === 'zip') refused.push({ file, error: '压缩包中的压缩包不再展开，请解压后分别上传' });
      else uploads.push({ file, bytes: e.bytes });
    }
  }
  if (uploads.length + refused.length > l.maxFiles) {
    throw invalid(`压缩包展开后共 ${uploads.length + refused.length} 个文件，超过每次上限 ${l.maxFiles} 个，请分批上传 (too many files)`);
  }
  return { uploads, refused };
}

// ─── Bodies ─────────────────────────────────────────────────────────────────────────────────

type Placement = { kind: 'none' } | { kind: 'refused' } | { kind: 'body'; body: BodyRef; create: boolean };

const OUT_OF_SCOPE = '该机关不在您的监督范围内，未保存 (body outside your set)';

/** Bodies by normalised name (`青禾县 云岭镇人民政府` = `青禾县云岭镇`). */
function byKey(bodies: readonly BodyRef[]): Map<string, BodyRef[]> {
  const map = new Map<string, BodyRef[]>();
  for (const b of bodies) {
    const key = bodyKey(b.name);
    map.set(key, [...(map.get(key) ?? []), b]);
  }
  return map;
}

/** Where a report's unit belongs: a body in scope, a body outside it, or a new body for the uploader. */
function place(unit: string | null, bodies: Map<string, BodyRef[]>, scope: Set<string>, all: boolean): Placement {
  const key = bodyKey(unit);
  if (!key) return { kind: 'none' };
  const known = bodies.get(key) ?? [];
  const mine = known.find((b) => all || scope.has(b.id));
  if (mine) return { kind: 'body', body: mine, create: false };
  if (known.length) return { kind: 'refused' };
  const name = unit!.replace(/\s+/g, '');
  const body = { id: `pub-${sha256(new TextEncoder().encode(key)).slice(0, 12)}`, name, level: levelOfBody(name) };
  bodies.set(key, [body]);
  return { kind: 'body', body, create: true };
}

/** A new body, added to the uploader's set, in the transaction that stores its report. */
async function createBody(store: PublishedStore, tx: Db, body: BodyRef, user: SessionUser, actor: string): Promise<void> {
  if (await store.insertBody(tx, body)) await writeAudit(tx, actor, 'create', 'body', body.id, null, { name: body.name, level: body.level, from: 'upload' });
  if (user.role === 'admin') return;
  const old = await store.userBodies(tx, user.id);
  if (old.includes(body.id)) return;
  await store.addUserBody(tx, user.id, body.id);
  await writeAudit(tx, actor, 'update', 'user-bodies', String(user.id), { bodies: old }, { bodies: [...old, body.id].sort() });
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

/** Read each file once, match it to a body, check it against the batch and the stored reports. */
async function readItems(store: PublishedStore, user: SessionUser, uploads: readonly UploadFile[], l: UploadLimits): Promise<{ items: Item[]; scope: Set<string> }> {
  const bodies = byKey(await store.allBodies());
  const scope = new Set(user.bodies);
  const items: Item[] = [];
  for (const u of uploads) {
    const { parsed, source } = await readUpload(u.bytes, { maxBytes: l.maxFileBytes, tools: EXTERNAL_TOOLS });
    const error = parsed.readable ? null : (parsed.reason ?? '无法读取');
    const placement = parsed.readable ? place(parsed.report.unit, bodies, scope, user.role === 'admin') : { kind: 'none' as const };
    if (placement.kind === 'body') scope.add(placement.body.id);
    const report = parsed.readable ? parsed.report : null;
    const body = placement.kind === 'body' ? placement.body : null;
    items.push({ file: u.file, sha256: sha256(u.bytes), format: parsed.format, report, diagnostics: parsed.report.diagnostics, error, source, placement, body, findings: [] });
  }
  return { items, scope };
}

/**
 * Upload published reports: ZIPs opened, each file read once, matched, checked (a stored report
 * a new one pairs with or resembles is re-checked), and everything saved with its audit entries
 * in one transaction. One result per file, in the order sent, then the files refused unread.
 */
export async function uploadReports(s: AppServices, user: SessionUser, input: { files: readonly UploadFile[] | ReadFiles; limits: UploadLimits }): Promise<UploadResult[]> {
  requireSupervisor(user);
  const files = typeof input.files === 'function' ? await input.files() : input.files;
  const store = new PublishedStore(s.db);
  const { uploads, refused } = expand(files, input.limits);
  const { items, scope } = await readItems(store, user, uploads, input.limits);
  const stored = items.filter((i) => i.placement.kind !== 'refused');
  await keepCorrections(store, s.db, user, stored);
  const years = stored.flatMap((i) => (i.report?.year == null ? [] : [i.report.year]));
  const viewer: Viewer = { ...viewerOf(user), bodies: [...scope] };
  const pool: PoolEntry[] = years.length
    ? (await store.pool(viewer, Math.min(...years) - 1, Math.max(...years) + 1, stored.map((i) => i.sha256))).map(poolEntry)
    : [];
  checkBatch(stored, pool);
  const actor = actorId(user);
  const ids = await s.db.transaction(async (tx) => {
    const out = new Map<Item, number>();
    for (const item of stored) {
      if (item.placement.kind === 'body' && item.placement.create) await createBody(store, tx, item.placement.body, user, actor);
      const bodyId = item.body?.id ?? null;
      const findings = withFingerprints(sortFindings(item.findings), { bodyId, unit: item.report?.unit ?? null }, item.report?.year ?? null);
      const { id, replaced } = await store.save(tx, user.id, { ...item, findings, fileName: item.file, bodyId });
      if (item.read && item.report) await store.setCorrectedModel(tx, id, item.read.report, item.report);
      await writeAudit(tx, actor, replaced ? 'replace' : 'upload', 'published-report', String(id), replaced, { sha256: item.sha256, ...summary({ ...item, findings }) });
      out.set(item, id);
    }
    for (const p of pool) {
      if (p.storedId === undefined || !p.changed) continue;
      const findings = withFingerprints(sortFindings(p.findings), { bodyId: p.bodyId, unit: p.report.unit }, p.year);
      const old = await store.setFindings(tx, p.storedId, findings);
      await writeAudit(tx, actor, 'recheck', 'published-report', String(p.storedId), { findings: old.map((f) => f.code) }, { findings: findings.map((f) => f.code) });
    }
    return out;
  });
  const created = new Set<string>();
  return [
    ...items.map((i): UploadResult => {
      const body = i.body;
      const isNew = Boolean(body && i.placement.kind === 'body' && i.placement.create && !created.has(body.id));
      if (body && isNew) created.add(body.id);
      const base = { file: i.file, unit: i.report?.unit ?? null, year: i.report?.year ?? null, bodyId: body?.id ?? null, bodyCreated: isNew };
      if (i.placement.kind === 'refused') return { ...base, ok: false, reportId: null, errors: 0, warnings: 0, error: OUT_OF_SCOPE };
      const counts = { errors: countOf(i.findings, 'error'), warnings: countOf(i.findings, 'warning') };
      return { ...base, ...counts, ok: !i.error, reportId: ids.get(i) ?? null, ...(i.error ? { error: i.error } : {}) };
    }),
    ...refused.map((r): UploadResult => ({ file: r.file, ok: false, reportId: null, unit: null, year: null, bodyId: null, bodyCreated: false, errors: 0, warnings: 0, error: r.error })),
  ];
}
