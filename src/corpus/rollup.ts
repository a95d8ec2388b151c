/**
 * Rolling up many bodies' annual reports into one canonical model of their area (a county's
 * 汇总): tables 二, 三 and 四 summed cell by cell. Pure: the CLI reads the files and groups them.
 *
 * What is never done silently:
 * - Reports of another year than the rollup's are refused (listed, with a Chinese reason).
 * - A 2019-template report is never added to 2021-template ones (or the reverse): tables 二 and 三
 *   have different rows and columns. The rollup takes the template of the majority of the reports
 *   of its year; the others are refused.
 * - A blank (null) cell is never read as 0: the area's cell is null, and a ROLLUP.NULL_CELL
 *   diagnostic names the bodies that left it blank.
 * - A body's report given twice is counted once; the second copy is refused.
 *
 * Table 三, row （六）其他处理, in a 2021 report that still printed the 2019 template's single row
 * (the model then carries `otherHandling` and leaves the three sub-rows null): its numbers cannot
 * be split into 1. 逾期不补正, 2. 逾期未缴费 and 3. 其他, so nothing may be guessed. When any included
 * body printed the single row, the area's model is shaped the same way: it carries the single
 * `otherHandling` row, which is the sum over every body of its whole （六） (the single row, or the
 * sum of the three sub-rows for the bodies that split it), and its three sub-rows stay null with a
 * ROLLUP.NULL_CELL diagnostic naming the bodies that did not split. Nothing is lost — （七）总计 and
 * the balance still hold over the area, because the check reads the single row in place of the
 * sub-rows exactly as for such a body's own report — and no split is invented.
 */
import { emptyReport, nullRow, type AnnualReport, type Cell, type CellRow, type Diagnostic, type TableKey } from '../model/report.js';
import { OTHER_HANDLING_SINGLE, TEMPLATE_2019, TEMPLATE_2021, templateFor, type TemplateVersion } from '../template/templates.js';

export interface Refusal {
  unit: string | null;
  reason: string;
}

export interface RollupOptions {
  /** The area's name: the rolled-up report's `unit`. */
  unit: string;
  /** The year to roll up; by default the year most of the reports are of (the latest on a tie). */
  year?: number;
  /** The bodies that should have reported: those with no report are listed as missing. */
  expected?: readonly string[];
}

export interface RollupResult {
  report: AnnualReport;
  /** Names of the bodies summed (`（机关未知）` for a report without a unit). */
  included: string[];
  /** Expected bodies with no report at all (as written in `expected`). */
  missing: string[];
  refused: Refusal[];
}

export const UNKNOWN_UNIT = '（机关未知）';

/** Names compare without whitespace (`青禾县 林业局` = `青禾县林业局`). */
export function sameName(name: string): string {
  return name.replace(/\s+/g, '');
}

const labelOf = (r: AnnualReport): string => r.unit ?? UNKNOWN_UNIT;

/** Sum of amounts (万元, decimal), rounded to 4 decimals to drop binary floating-point noise. */
function roundAmount(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

function majorityYear(reports: readonly AnnualReport[]): number | null {
  const counts = new Map<number, number>();
  for (const r of reports) if (r.year !== null) counts.set(r.year, (counts.get(r.year) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && year > best)) {
      best = year;
      bestCount = count;
    }
  }
  return best;
}

function majorityTemplate(reports: readonly AnnualReport[], year: number | null): TemplateVersion {
  const n2019 = reports.filter((r) => r.template === '2019').length;
  const n2021 = reports.length - n2019;
  if (n2019 !== n2021) return n2019 > n2021 ? '2019' : '2021';
  // A tie: the template the year calls for.
  return year !== null && year <= 2020 ? '2019' : '2021';
}

/** The kind of a table 二 field (amounts are decimals rounded to 4 places). */
function amountFields(version: TemplateVersion): Set<string> {
  const set = new Set<string>();
  for (const block of templateFor(version).proactive) {
    for (const row of block.rows) for (const f of row.fields) if (f.kind === 'amount') set.add(`${row.key}.${f.key}`);
  }
  return set;
}

const SUB_ROWS = ['otherHandling.noCorrection', 'otherHandling.feeUnpaid', 'otherHandling.other'] as const;

/** A body's whole （六）其他处理 for one column: its single row, or the sum of its three sub-rows. */
function otherHandlingOf(report: AnnualReport, column: string): Cell {
  const apps = report.applications;
  if ('otherHandling' in apps) return apps.otherHandling?.[column] ?? null;
  let sum = 0;
  for (const key of SUB_ROWS) {
    const v = apps[key]?.[column];
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return sum;
}

function joinNames(names: readonly string[]): string {
  return names.map((n) => `“${n}”`).join('、');
}

const TABLE_NAME: Record<TableKey, string> = { proactive: '表二', applications: '表三', appeals: '表四' };

/** A row's label as printed, with its group for table 三's numbered sub-rows (`（三）不予公开 1.属于国家秘密`). */
export function rowLabel(table: TableKey, row: string): string {
  for (const t of [TEMPLATE_2021, TEMPLATE_2019]) {
    if (table === 'proactive') {
      const def = t.proactive.flatMap((b) => b.rows).find((r) => r.key === row);
      if (def) return def.label;
    } else if (table === 'applications') {
      const def = row === OTHER_HANDLING_SINGLE.key ? OTHER_HANDLING_SINGLE : t.applicationRows.find((r) => r.key === row);
      if (def) return def.group && def.group !== OTHER_HANDLING_SINGLE.group ? `${def.group} ${def.label}` : def.label;
    } else {
      const def = t.appealGroups.find((g) => g.key === row);
      if (def) return def.label;
    }
  }
  return row;
}

/** A column's label as printed. */
export function columnLabel(table: TableKey, row: string, column: string): string {
  for (const t of [TEMPLATE_2021, TEMPLATE_2019]) {
    const def =
      table === 'proactive'
        ? t.proactive.flatMap((b) => b.rows).find((r) => r.key === row)?.fields.find((f) => f.key === column)
        : (table === 'applications' ? t.applicationColumns : t.appealResults).find((c) => c.key === column);
    if (def) return def.label;
  }
  return column;
}

/**
 * One diagnostic per row and set of blank bodies (a whole blank row is one diagnostic, not
 * seven); `at` is the first blank cell's path.
 */
function nullCellDiagnostics(table: TableKey, row: string, columns: readonly string[], blanks: Map<string, string[]>): Diagnostic[] {
  const bySet = new Map<string, { bodies: string[]; columns: string[] }>();
  for (const column of columns) {
    const bodies = blanks.get(column);
    if (!bodies || bodies.length === 0) continue;
    const key = bodies.join('\u0000');
    const entry = bySet.get(key) ?? { bodies, columns: [] };
    entry.columns.push(column);
    bySet.set(key, entry);
  }
  const out: Diagnostic[] = [];
  for (const { bodies, columns: cols } of bySet.values()) {
    const names = cols.map((c) => `“${columnLabel(table, row, c)}”`).join('、');
    const which =
      cols.length === columns.length && cols.length > 1 ? '（整行）' : table === 'applications' ? `行${names}列` : `的${names}`;
    out.push({
      code: 'ROLLUP.NULL_CELL',
      severity: 'warning',
      message: `${TABLE_NAME[table]}“${rowLabel(table, row)}”${which}：${joinNames(bodies)}的报告此处为空（未填数），汇总数无法得出，留空，未按0计算`,
      at: `${table}.${row}.${cols[0]!}`,
    });
  }
  return out;
}

/** One body's blank cell in one table, met while summing. */
interface Blank {
  row: string;
  column: string;
  body: string;
}

/**
 * The ROLLUP.NULL_CELL lines of one table. A body whose report lacks a whole column (blank in at
 * least two rows and in at least half the rows that have the column) gets one line for that
 * column, not one per row; the other blanks are said row by row (nullCellDiagnostics).
 */
function blankDiagnostics(table: TableKey, skeleton: Record<string, CellRow>, skip: ReadonlySet<string>, blanks: readonly Blank[]): Diagnostic[] {
  const rowsWith = new Map<string, number>();
  for (const [row, cells] of Object.entries(skeleton)) {
    if (!skip.has(row)) for (const column of Object.keys(cells)) rowsWith.set(column, (rowsWith.get(column) ?? 0) + 1);
  }
  const byBodyColumn = new Map<string, Blank[]>();
  for (const b of blanks) {
    const key = `${b.body}\u0000${b.column}`;
    byBodyColumn.set(key, [...(byBodyColumn.get(key) ?? []), b]);
  }
  const out: Diagnostic[] = [];
  const collapsed = new Set<Blank>();
  for (const cells of byBodyColumn.values()) {
    const { body, column, row } = cells[0]!;
    if (cells.length < 2 || cells.length * 2 < (rowsWith.get(column) ?? 0)) continue;
    for (const c of cells) collapsed.add(c);
    out.push({
      code: 'ROLLUP.NULL_CELL',
      severity: 'warning',
      message: `${TABLE_NAME[table]}“${columnLabel(table, row, column)}”列：${joinNames([body])}的报告有${cells.length}行此列为空（未填数或缺少此列），这些格的汇总数无法得出，留空，未按0计算`,
      at: `${table}.${row}.${column}`,
    });
  }
  for (const [row, cells] of Object.entries(skeleton)) {
    const perColumn = new Map<string, string[]>();
    for (const b of blanks) if (b.row === row && !collapsed.has(b)) perColumn.set(b.column, [...(perColumn.get(b.column) ?? []), b.body]);
    out.push(...nullCellDiagnostics(table, row, Object.keys(cells), perColumn));
  }
  return out;
}

/** Sum one table of the included reports into the area's table (same keys as the skeleton). */
function sumTable(
  table: TableKey,
  skeleton: Record<string, CellRow>,
  bodies: readonly AnnualReport[],
  amounts: ReadonlySet<string>,
  skip: ReadonlySet<string>,
  read: (r: AnnualReport, row: string, column: string) => Cell,
  diagnostics: Diagnostic[],
): void {
  const blanks: Blank[] = [];
  for (const [row, cells] of Object.entries(skeleton)) {
    if (skip.has(row)) continue;
    for (const column of Object.keys(cells)) {
      let sum = 0;
      let blank = false;
      for (const r of bodies) {
        const v = read(r, row, column);
        if (v === null) {
          blanks.push({ row, column, body: labelOf(r) });
          blank = true;
        } else sum += v;
      }
      cells[column] = blank || bodies.length === 0 ? null : amounts.has(`${row}.${column}`) ? roundAmount(sum) : sum;
    }
  }
  diagnostics.push(...blankDiagnostics(table, skeleton, skip, blanks));
}

export function rollup(reports: readonly AnnualReport[], opts: RollupOptions): RollupResult {
  const refused: Refusal[] = [];
  const year = opts.year ?? majorityYear(reports);

  const ofYear: AnnualReport[] = [];
  for (const r of reports) {
    if (year !== null && r.year === year) ofYear.push(r);
    else if (r.year === null) {
      refused.push({ unit: r.unit, reason: year === null ? '无法确定报告年度' : `无法确定报告年度，不能确认属于${year}年度` });
    } else refused.push({ unit: r.unit, reason: `报告年度为${r.year}年，与汇总年度${year}年不同` });
  }

  const template = majorityTemplate(ofYear, year);
  const included: AnnualReport[] = [];
  const seen = new Set<string>();
  for (const r of ofYear) {
    if (r.template !== template) {
      refused.push({
        unit: r.unit,
        reason: `使用${r.template}年模板，表二、表三的栏目与${template}年模板不同，不能与其他${template}年模板的报告相加`,
      });
      continue;
    }
    if (r.unit !== null) {
      const name = sameName(r.unit);
      if (seen.has(name)) {
        refused.push({ unit: r.unit, reason: '同一机关的报告重复提供，只计第一份' });
        continue;
      }
      seen.add(name);
    }
    included.push(r);
  }

  const single = template === '2021' && included.some((r) => 'otherHandling' in r.applications);
  const report = emptyReport(template, { singleOtherHandling: single });
  report.unit = opts.unit;
  report.year = year;
  const diagnostics: Diagnostic[] = [];
  const amounts = amountFields(template);
  const none = new Set<string>();
  const plain = (table: TableKey) => (r: AnnualReport, row: string, column: string) => r[table][row]?.[column] ?? null;

  sumTable('proactive', report.proactive, included, amounts, none, plain('proactive'), diagnostics);
  if (single) {
    // See the header: the whole （六） is summed, its split stays unknown.
    const singleBodies = included.filter((r) => 'otherHandling' in r.applications).map(labelOf);
    sumTable('applications', report.applications, included, none, new Set(SUB_ROWS), (r, row, column) =>
      row === 'otherHandling' ? otherHandlingOf(r, column) : (r.applications[row]?.[column] ?? null), diagnostics);
    for (const row of SUB_ROWS) report.applications[row] = nullRow(Object.keys(report.applications[row] ?? {}));
    diagnostics.push({
      code: 'ROLLUP.NULL_CELL',
      severity: 'warning',
      message: `表三“（六）其他处理”的三个子行无法汇总：${joinNames(singleBodies)}的报告仍按2019年模板只填了“（六）其他处理”一行，无法拆分到三个子行；三个子行记为空，（六）其他处理的合计照常汇总`,
      at: 'applications.otherHandling',
    });
  } else {
    sumTable('applications', report.applications, included, none, none, plain('applications'), diagnostics);
  }
  sumTable('appeals', report.appeals, included, none, none, plain('appeals'), diagnostics);

  for (const r of refused) {
    diagnostics.push({
      code: 'ROLLUP.REFUSED',
      severity: 'warning',
      message: `${r.unit ?? UNKNOWN_UNIT}的报告未计入汇总：${r.reason}`,
      at: 'input',
      ...(r.unit !== null ? { raw: r.unit } : {}),
    });
  }

  const present = new Set(reports.flatMap((r) => (r.unit === null ? [] : [sameName(r.unit)])));
  const missing: string[] = [];
  const listed = new Set<string>();
  for (const name of opts.expected ?? []) {
    const key = sameName(name);
    if (key === '' || present.has(key) || listed.has(key)) continue;
    listed.add(key);
    missing.push(name.trim());
  }
  for (const name of missing) {
    diagnostics.push({ code: 'ROLLUP.MISSING', severity: 'warning', message: `${name}没有提供${year ?? ''}${year === null ? '' : '年度'}报告，汇总数不含该机关`, at: 'input', raw: name });
  }
  report.diagnostics = diagnostics;
  return { report, included: included.map(labelOf), missing, refused };
}

// ---------------------------------------------------------------------------------------------
// Grouping bodies into areas

export interface AreaGroup {
  area: string;
  reports: AnnualReport[];
}

export interface Grouping {
  groups: AreaGroup[];
  /** Reports that no area could be found for. */
  ungrouped: AnnualReport[];
}

/**
 * One administrative level at the start of a name: a place name (no 局/委/办… in it) ending in
 * 省, 自治区, 市, 州, 盟, 地区, 县, 区, 旗, 镇, 乡 or 街道. The lookaheads keep words like 市场, 市政,
 * 区域, 县级 and 城乡 from being read as levels, and a level is never cut before another level
 * suffix (杭州市 is one level, not 杭州 + 市). A heuristic: a mapping file is the exact way.
 */
const SUFFIX = '(?:特别行政区|自治区|自治州|自治县|自治旗|地区|街道|省|市(?![场政容级])|州|盟|县(?![级域城])|区(?!域)|旗|镇|(?<!城)乡(?![村镇]))';
const LEVEL = new RegExp(`^[^\\s与及、，,（）()局委办厅部院所站队会处科室中心司署校馆]{1,12}?${SUFFIX}(?!${SUFFIX})`);

/** The first `depth` administrative levels of a unit name (`青禾县云岭镇人民政府`, 1 → `青禾县`), or null. */
export function adminPrefix(unit: string, depth = 1): string | null {
  let rest = sameName(unit);
  let prefix = '';
  for (let i = 0; i < depth; i++) {
    const m = LEVEL.exec(rest);
    if (!m) return null;
    prefix += m[0];
    rest = rest.slice(m[0].length);
  }
  return prefix;
}

function collect(reports: readonly AnnualReport[], areaOf: (r: AnnualReport) => string | null): Grouping {
  const groups = new Map<string, AnnualReport[]>();
  const ungrouped: AnnualReport[] = [];
  for (const r of reports) {
    const area = areaOf(r);
    if (area === null) ungrouped.push(r);
    else groups.set(area, [...(groups.get(area) ?? []), r]);
  }
  return { groups: [...groups].map(([area, rs]) => ({ area, reports: rs })), ungrouped };
}

/** `--by prefix-of-unit`: bodies grouped by the administrative prefix of their unit name. */
export function groupByPrefix(reports: readonly AnnualReport[], depth = 1): Grouping {
  return collect(reports, (r) => (r.unit === null ? null : adminPrefix(r.unit, depth)));
}

export interface AreaMapping {
  /** unit (without whitespace) → area, in file order. */
  areaOf: Map<string, string>;
  /** The units as written, per area, in file order (the bodies expected to report). */
  units: Map<string, string[]>;
  /** Lines that could not be read, in Chinese. */
  errors: { line: number; message: string }[];
}

/** Fields of one CSV line: commas (or tabs), double-quoted fields with "" for a quote. */
function csvFields(line: string): string[] | null {
  const sep = !line.includes(',') && !line.includes('，') && line.includes('\t') ? '\t' : null;
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (sep ? ch === sep : ch === ',' || ch === '，') {
      fields.push(field.trim());
      field = '';
      wasQuoted = false;
    } else field += ch;
  }
  if (quoted) return null;
  fields.push(field.trim());
  return fields;
}

const HEADER = /^(unit|单位|机关|单位名称|机关名称|部门|主体)$/i;

/** The `--by mapping.csv` file: two columns, unit and area; an optional header line; `#` comments. */
export function parseAreaMapping(text: string): AreaMapping {
  const areaOf = new Map<string, string>();
  const units = new Map<string, string[]>();
  const errors: AreaMapping['errors'] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const fields = csvFields(raw);
    if (fields === null) {
      errors.push({ line, message: `第${line}行：引号未闭合` });
      return;
    }
    while (fields.length > 2 && fields[fields.length - 1] === '') fields.pop();
    const [unit = '', area = ''] = fields;
    if (line === 1 && HEADER.test(unit)) return;
    if (fields.length !== 2 || unit === '' || area === '') {
      errors.push({ line, message: `第${line}行：应为两列“机关,地区”（unit,area），实为“${raw.trim()}”` });
      return;
    }
    const key = sameName(unit);
    const before = areaOf.get(key);
    if (before !== undefined) {
      if (before !== area) errors.push({ line, message: `第${line}行：“${unit}”已归入“${before}”，不能再归入“${area}”` });
      return;
    }
    areaOf.set(key, area);
    units.set(area, [...(units.get(area) ?? []), unit]);
  });
  return { areaOf, units, errors };
}

/** `--by mapping.csv`: bodies grouped by the area the mapping gives their unit. */
export function groupByMapping(reports: readonly AnnualReport[], mapping: Pick<AreaMapping, 'areaOf'>): Grouping {
  return collect(reports, (r) => (r.unit === null ? null : (mapping.areaOf.get(sameName(r.unit)) ?? null)));
}
