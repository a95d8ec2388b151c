/**
 * The directory as a table (CSV or Excel): reading its rows, checking them against each other and
 * against the directory already kept, and planning what an import writes. All or nothing: a plan
 * is made only when every row is right; otherwise every wrong row is named with its line number
 * and the reason.
 *
 * One row is one body. A government (层级 省级, 市级, 县级 or 乡镇（街道）) is written with its
 * region's 行政区划代码 as 代码 and the code of the region above as 上级代码; the row makes the
 * region and its government at once. A department or office (层级 部门) is written with its own
 * code (its 编号 in gongkai) and, as 上级代码, the code of the region whose government it belongs
 * to. A body already kept without a region code is written with its 编号.
 */
import { BODY_LEVEL_LABELS, BODY_LEVELS, type BodyLevel } from '../register/bodies.js';
import { creditCodeProblem, isRegionLevel, parentProblem, regionCodeProblem, type RegionLevel } from './codes.js';
import { compactName, normalizeName, regionNameOf, splitAliases } from './names.js';

/** The columns, in the order export writes them; the first three are required in an import. */
export const COLUMNS = [
  ['code', '代码'],
  ['name', '名称'],
  ['level', '层级'],
  ['parentCode', '上级代码'],
  ['aliases', '别名'],
  ['worksHere', '在本系统办理'],
  ['creditCode', '统一社会信用代码'],
] as const;
type Column = (typeof COLUMNS)[number][0];
const REQUIRED: readonly Column[] = ['code', 'name', 'level'];

/** The words a file may use for a level, beside the labels gongkai shows. */
const LEVEL_WORDS: Record<string, BodyLevel> = {
  省: 'province', 省级: 'province',
  市: 'city', 市级: 'city', 地级: 'city', 地市级: 'city',
  县: 'county', 县级: 'county', 区县: 'county',
  乡镇: 'township', 街道: 'township', 乡级: 'township', '乡镇(街道)': 'township', 乡镇街道: 'township',
  部门: 'department', 单位: 'department',
};
for (const l of BODY_LEVELS) LEVEL_WORDS[normalizeName(BODY_LEVEL_LABELS[l])] = l;

/** A body id as gongkai accepts it (the same rule as adding one by hand). */
export const BODY_ID = /^[\w-]{1,40}$/;

export interface RowError {
  line: number;
  message: string;
}

/** One row of the file, read. */
export interface DirectoryEntry {
  line: number;
  code: string;
  name: string;
  level: BodyLevel;
  parentCode: string | null;
  aliases: string[];
  /** null: the cell was empty (a new body is observed, an existing one keeps its status). */
  worksHere: boolean | null;
  creditCode: string | null;
}

export interface ExistingRegion {
  code: string;
  level: RegionLevel;
}

export interface ExistingBody {
  id: string;
  name: string;
  level: BodyLevel;
  regionCode: string | null;
  aliases: readonly string[];
}

export interface PlannedRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface PlannedBody {
  id: string;
  name: string;
  level: BodyLevel;
  regionCode: string | null;
  aliases: string[];
  worksHere: boolean | null;
  creditCode: string | null;
  /** Whether the row updates a body already kept (matched by code, by region or by name). */
  existing: boolean;
}

export interface ImportPlan {
  /** Parents before children. */
  regions: PlannedRegion[];
  bodies: PlannedBody[];
}

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; errors: RowError[] };

const cell = (v: string | undefined) => (v ?? '').replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim();

function worksHereOf(value: string): boolean | null | undefined {
  const v = normalizeName(value);
  if (v === '') return null;
  if (v === '是') return true;
  if (v === '否') return false;
  return undefined;
}

/** The rows of a table (its first non-empty row the header), or the problems that stop reading them. */
export function readEntries(table: readonly (readonly string[])[]): { entries: DirectoryEntry[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const entries: DirectoryEntry[] = [];
  const headerAt = table.findIndex((r) => r.some((c) => cell(c) !== ''));
  if (headerAt < 0) return { entries, errors: [{ line: 1, message: '文件是空的：第一行应为列名（代码、名称、层级、上级代码、别名、在本系统办理）' }] };
  const index = new Map<Column, number>();
  table[headerAt]!.forEach((h, i) => {
    const found = COLUMNS.find(([, label]) => label === normalizeName(h));
    if (found && !index.has(found[0])) index.set(found[0], i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c)).map((c) => COLUMNS.find(([k]) => k === c)![1]);
  if (missing.length) return { entries, errors: [{ line: headerAt + 1, message: `缺少列：${missing.join('、')}（第一行应为列名）` }] };
  const get = (row: readonly string[], c: Column) => (index.has(c) ? cell(row[index.get(c)!]) : '');

  for (let i = headerAt + 1; i < table.length; i++) {
    const row = table[i]!;
    if (!row.some((c) => cell(c) !== '')) continue;
    const line = i + 1;
    const fail = (message: string) => errors.push({ line, message });
    const code = get(row, 'code');
    const name = compactName(get(row, 'name'));
    const levelText = get(row, 'level');
    const level = LEVEL_WORDS[normalizeName(levelText)];
    const worksHere = worksHereOf(get(row, 'worksHere'));
    const creditCode = normalizeName(get(row, 'creditCode')).toUpperCase() || null;
    const problems = [
      code ? null : '代码为空',
      !name ? '名称为空' : name.length < 2 || name.length > 100 ? `名称“${name}”应为 2 到 100 个字` : null,
      !levelText ? '层级为空' : level ? null : `层级“${levelText}”无法识别，可填：${BODY_LEVELS.map((l) => BODY_LEVEL_LABELS[l]).join('、')}`,
      worksHere === undefined ? `在本系统办理只能填“是”或“否”（现为“${get(row, 'worksHere')}”）` : null,
      creditCode ? (creditCodeProblem(creditCode) ?? null) : null,
    ].filter((p): p is string => p !== null);
    if (problems.length) {
      for (const p of problems) fail(p);
      continue;
    }
    entries.push({ line, code, name, level: level!, parentCode: get(row, 'parentCode') || null, aliases: splitAliases(get(row, 'aliases')), worksHere: worksHere ?? null, creditCode });
  }
  if (!entries.length && !errors.length) errors.push({ line: headerAt + 1, message: '列名之下没有任何机关' });
  return { entries, errors };
}

/** Where a row's code and parent point, once every row is known. */
interface Placed {
  entry: DirectoryEntry;
  /** The region this row makes (a government with a region code). */
  region: PlannedRegion | null;
  regionCode: string | null;
}

/** Check every row against the others and the directory kept, and plan the import. */
export function planImport(table: readonly (readonly string[])[], existing: { regions: readonly ExistingRegion[]; bodies: readonly ExistingBody[] }): PlanResult {
  const { entries, errors } = readEntries(table);
  const fail = (line: number, message: string) => errors.push({ line, message });

  const codeLine = new Map<string, number>();
  const nameLine = new Map<string, number>();
  const fileRegions = new Map<string, { level: RegionLevel; line: number }>();
  const fileDepartments = new Map<string, number>();
  const keptRegions = new Map(existing.regions.map((r) => [r.code, r.level]));
  const byId = new Map(existing.bodies.map((b) => [b.id, b]));
  const ok = new Set<DirectoryEntry>(entries);
  for (const e of entries) {
    const again = codeLine.get(e.code);
    if (again !== undefined) {
      fail(e.line, `代码“${e.code}”与第 ${again} 行重复`);
      ok.delete(e);
    } else codeLine.set(e.code, e.line);
    const key = normalizeName(e.name);
    const sameName = nameLine.get(key);
    if (sameName !== undefined) {
      fail(e.line, `名称“${e.name}”与第 ${sameName} 行重复`);
      ok.delete(e);
    } else nameLine.set(key, e.line);
    if (isRegionLevel(e.level) && !regionCodeProblem(e.code, e.level, '')) fileRegions.set(e.code, { level: e.level, line: e.line });
    else if (e.level === 'department') fileDepartments.set(e.code, e.line);
  }

  /** The region `code` names (in the file first, then kept), or why it cannot be a parent. */
  const parentOf = (code: string): { level: RegionLevel } | string => {
    const inFile = fileRegions.get(code);
    if (inFile) return inFile;
    const dept = fileDepartments.get(code);
    if (dept !== undefined) return `上级代码“${code}”是第 ${dept} 行的部门，部门不能作为上级`;
    const kept = keptRegions.get(code);
    if (kept) return { level: kept };
    return `上级代码“${code}”既不在本文件中，也不在现有名录中`;
  };

  const placed: Placed[] = [];
  for (const e of entries) {
    if (!ok.has(e)) continue;
    const before = errors.length;
    let region: PlannedRegion | null = null;
    let regionCode: string | null = null;
    const parent = e.parentCode ? parentOf(e.parentCode) : null;
    if (typeof parent === 'string') fail(e.line, parent);
    if (isRegionLevel(e.level) && fileRegions.get(e.code)?.line === e.line) {
      if (parent && typeof parent !== 'string') {
        const p = parentProblem(e.code, e.level, e.parentCode!, parent.level);
        if (p) fail(e.line, p);
      }
      region = { code: e.code, name: regionNameOf(e.name), level: e.level, parentCode: e.parentCode };
      regionCode = e.code;
    } else if (e.level === 'department' || byId.has(e.code)) {
      // A department, or a body kept without a region code: attached to the region of 上级代码
      // (a body already kept may stay without one; a new department needs it).
      if (e.level === 'department' && !e.parentCode && !byId.has(e.code)) fail(e.line, '部门须填写上级代码：所属政府的行政区划代码');
      if (!BODY_ID.test(e.code)) fail(e.line, `代码“${e.code}”只能用字母、数字、- 和 _，至多 40 个字符`);
      else if (keptRegions.has(e.code) && !byId.has(e.code)) fail(e.line, `代码“${e.code}”是现有区划的代码，部门请用其他代码`);
      regionCode = e.parentCode;
    } else {
      fail(e.line, regionCodeProblem(e.code, e.level as RegionLevel, BODY_LEVEL_LABELS[e.level])!);
    }
    if (errors.length === before) placed.push({ entry: e, region, regionCode });
  }

  const bodies = matchBodies(placed, existing.bodies, fail);
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  const regions = placed.flatMap((p) => (p.region ? [p.region] : []));
  const rank = (l: RegionLevel) => ['province', 'city', 'county', 'township'].indexOf(l);
  regions.sort((a, b) => rank(a.level) - rank(b.level));
  return { ok: true, plan: { regions, bodies } };
}

/**
 * Which kept body each row is: the government of the row's region, the body with the row's code,
 * or the one body whose name or alias is the row's name or one of its aliases (so 石泉街道办事处,
 * kept under its short name, becomes 青禾县石泉街道办事处 instead of a second body).
 */
function matchBodies(placed: readonly Placed[], kept: readonly ExistingBody[], fail: (line: number, message: string) => void): PlannedBody[] {
  const byId = new Map(kept.map((b) => [b.id, b]));
  const governs = new Map<string, ExistingBody>();
  for (const b of kept) if (b.regionCode && isRegionLevel(b.level) && !governs.has(b.regionCode)) governs.set(b.regionCode, b);
  const byName = new Map<string, ExistingBody[]>();
  for (const b of kept) {
    for (const n of new Set([b.name, ...b.aliases].map(normalizeName))) byName.set(n, [...(byName.get(n) ?? []), b]);
  }
  const claimed = new Map<string, number>();
  const out: PlannedBody[] = [];
  for (const { entry: e, region, regionCode } of placed) {
    let match = (region ? governs.get(region.code) : undefined) ?? byId.get(e.code);
    if (!match) {
      const candidates = [...new Set([e.name, ...e.aliases].flatMap((n) => byName.get(normalizeName(n)) ?? []))];
      if (candidates.length > 1) {
        fail(e.line, `名称或别名与多个现有机关相同：${candidates.map((c) => `${c.name}（编号 ${c.id}）`).join('、')}，请先在名录中合并或改名`);
        continue;
      }
      match = candidates[0];
    }
    if (match) {
      const other = claimed.get(match.id);
      if (other !== undefined) {
        fail(e.line, `与第 ${other} 行对应同一个现有机关“${match.name}”（编号 ${match.id}）`);
        continue;
      }
      claimed.set(match.id, e.line);
    }
    const aliases = match ? mergeAliases(e, match) : e.aliases;
    out.push({ id: match?.id ?? e.code, name: e.name, level: e.level, regionCode, aliases, worksHere: e.worksHere, creditCode: e.creditCode, existing: Boolean(match) });
  }
  return out;
}

/** The row's aliases, and the kept body's old name when the row renames it (a former name is an alias). */
function mergeAliases(e: DirectoryEntry, kept: ExistingBody): string[] {
  const names = [...e.aliases];
  const has = (n: string) => normalizeName(n) === normalizeName(e.name) || names.some((a) => normalizeName(a) === normalizeName(n));
  if (!has(kept.name)) names.push(kept.name);
  return names;
}
