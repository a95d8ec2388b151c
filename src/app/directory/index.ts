/**
 * The directory's use cases: the tree of regions and bodies, importing and exporting it as CSV or
 * Excel (all or nothing), editing one body, and the one question the public side asks — does this
 * body work in gongkai (take applications), or is it only observed?
 */
import { actorId, type Actor } from '../../accounts/permissions.js';
import { creditCodeProblem } from '../../directory/codes.js';
import { compactName } from '../../directory/names.js';
import { BODY_ID, planImport, type RowError } from '../../directory/rows.js';
import { readTable, toCsv, toXlsx } from '../../directory/table.js';
import { exportTable, type BodyRecord, type RegionRecord } from '../../directory/tree.js';
import { BODY_LEVEL_LABELS } from '../../register/bodies.js';
import { writeAudit } from '../../store/audit.js';
import { BodyStore, type DirectoryBodyRow } from '../../store/body-store.js';
import type { Db } from '../../store/db.js';
import { RegionStore } from '../../store/region-store.js';
import { requireAdmin } from '../admin.js';
import type { AppServices } from '../context.js';
import { XLSX, type FileDownload } from '../download.js';
import { invalid, Refusal } from '../errors.js';
import { checkVersion } from '../versions.js';

export interface Directory {
  regions: RegionRecord[];
  /** With each body's version, which a save sends back. */
  bodies: DirectoryBodyRow[];
}

/** Every region and body, for the administrator's tree. */
export async function directory(s: AppServices, actor: Actor): Promise<Directory> {
  requireAdmin(actor);
  return read(s.db);
}

async function read(db: Db): Promise<Directory> {
  const [regions, bodies] = await Promise.all([new RegionStore(db).all(), new BodyStore(db).all()]);
  return { regions, bodies };
}

export interface ImportSummary {
  regions: number;
  created: number;
  updated: number;
  /** Bodies of the file that work in gongkai after the import, and those observed. */
  worksHere: number;
  observed: number;
}

/** How many problems a refusal lists before saying how many more there are. */
const LISTED = 50;

/** The refusal of a file with wrong rows: every row named with its line, nothing written. */
export function rowsRefusal(errors: readonly RowError[]): Refusal {
  const lines = errors.slice(0, LISTED).map((e) => `第 ${e.line} 行：${e.message}`);
  if (errors.length > LISTED) lines.push(`……另有 ${errors.length - LISTED} 处`);
  return invalid(`名录文件有 ${errors.length} 处错误，未导入任何内容：\n${lines.join('\n')}`);
}

/** Import a directory file (CSV or Excel): every row checked, then all written in one transaction, or nothing. */
export async function importDirectory(s: AppServices, actor: Actor, file: { bytes: Uint8Array; fileName?: string }): Promise<ImportSummary> {
  requireAdmin(actor);
  let table;
  try {
    table = await readTable(file.bytes);
  } catch {
    throw invalid('无法读取该文件：请上传 CSV（UTF-8 或 GBK）或 Excel（.xlsx）文件');
  }
  return s.db.transaction(async (tx) => {
    const kept = await read(tx);
    const result = planImport(table, kept);
    if (!result.ok) throw rowsRefusal(result.errors);
    const { regions, bodies } = result.plan;
    await RegionStore.write(tx, regions);
    await BodyStore.write(tx, bodies);
    const keptStatus = new Map(kept.bodies.map((b) => [b.id, b.worksHere]));
    const works = bodies.filter((b) => b.worksHere ?? keptStatus.get(b.id) ?? false).length;
    const summary: ImportSummary = {
      regions: regions.length,
      created: bodies.filter((b) => !b.existing).length,
      updated: bodies.filter((b) => b.existing).length,
      worksHere: works,
      observed: bodies.length - works,
    };
    await writeAudit(tx, actorId(actor), 'import', 'directory', file.fileName ?? '名录', null, {
      ...summary,
      createdIds: bodies.filter((b) => !b.existing).map((b) => b.id),
      updatedIds: bodies.filter((b) => b.existing).map((b) => b.id),
    });
    return summary;
  });
}

/** The whole directory as a file the import reads back. */
export async function exportDirectory(s: AppServices, actor: Actor, format: 'csv' | 'xlsx'): Promise<FileDownload> {
  requireAdmin(actor);
  const { regions, bodies } = await read(s.db);
  const table = exportTable(regions, bodies);
  const stamp = s.today();
  if (format === 'csv') return { bytes: new TextEncoder().encode(toCsv(table)), type: 'text/csv; charset=utf-8', fileName: `机关名录-${stamp}.csv`, asciiName: `directory-${stamp}.csv` };
  return { bytes: await toXlsx(table, '机关名录'), type: XLSX, fileName: `机关名录-${stamp}.xlsx`, asciiName: `directory-${stamp}.xlsx` };
}

export type BodyInput = Omit<BodyRecord, 'id'>;

/**
 * Add a body to the directory or change one (its name, level, region, aliases, credit code,
 * status). `version` is the one the edit began from (0: a new body); another save in between is
 * refused rather than overwritten.
 */
export async function saveDirectoryBody(s: AppServices, actor: Actor, id: string, input: BodyInput & { version?: number | undefined }): Promise<DirectoryBodyRow> {
  requireAdmin(actor);
  if (!BODY_ID.test(id)) throw invalid('机关编号只能用字母、数字、- 和 _，至多 40 个字符');
  const name = compactName(input.name);
  if (name.length < 2 || name.length > 100) throw invalid('名称应为 2 到 100 个字');
  const creditCode = input.creditCode ? compactName(input.creditCode).toUpperCase() : null;
  const creditProblem = creditCode ? creditCodeProblem(creditCode) : undefined;
  if (creditProblem) throw invalid(creditProblem);
  if (input.level === 'department' && !input.regionCode) throw invalid(`${BODY_LEVEL_LABELS.department}须选择所属地区（所属政府的行政区划）`);
  const aliases = [...new Set(input.aliases.map(compactName).filter((a) => a && a !== name))];
  const body: BodyRecord = { id, name, level: input.level, regionCode: input.regionCode, aliases, creditCode, worksHere: input.worksHere };
  return s.db.transaction(async (tx) => {
    if (body.regionCode && !(await tx.query('SELECT 1 FROM regions WHERE code = $1', [body.regionCode])).length) throw invalid(`没有行政区划代码为“${body.regionCode}”的地区`);
    const store = new BodyStore(tx);
    const old = await store.lock(id);
    checkVersion(old ? '该机关的名录信息' : '该编号的机关', input.version, old?.version ?? 0);
    await BodyStore.write(tx, [body]);
    await writeAudit(tx, actorId(actor), old ? 'update' : 'create', 'body', id, old, body);
    return (await store.get(id))!;
  });
}

/**
 * Refuse an application to a body that does not work in gongkai: it has no officer to answer and
 * no statutory clock should start. Nothing is said about a body that does not exist (the caller
 * has its own refusal for that).
 */
export async function observedBodyProblem(db: Db, bodyId: string): Promise<string | undefined> {
  const works = await new BodyStore(db).worksHere(bodyId);
  return works === false ? '该机关不在本系统办理政府信息公开申请，请直接向该机关提出申请' : undefined;
}

