/**
 * Table 三 (applications received and handled): find the rows by their labels, learn from the
 * header which columns the report printed (a missing 其他, an extra 小计), and read the values
 * by adjacency or, when the source tore labels from values, by the template's row order.
 */
import type { CellRow, Provenance } from '../model/report.js';
import {
  OTHER_HANDLING_SINGLE,
  SUBTOTAL_COLUMN,
  TEMPLATE_2019,
  TEMPLATE_2021,
  type ApplicationRowDef,
  type ColumnDef,
} from '../template/templates.js';
import { adjacency, labelledThenOrder, streamRows, type ForeignRow, type RowValues } from './assign.js';
import type { GridTable } from './grid.js';
import { applicationsByGrid } from './grid-tables.js';
import { writtenAs, type Diagnostics } from './diagnostics.js';
import { reportForeignRows } from './extrarows.js';
import { findLabels, labelMatcher, type LabelHit } from './labels.js';
import { withoutColumnNumbers } from './columns.js';
import { chooseByColumns, digitSplits, hasRuns, type ColumnRelation } from './split.js';
import { resolveShortRow } from './shortrow.js';
import type { Item, ValueItem } from './stream.js';

export interface ApplicationsRead {
  rows: Record<string, CellRow>;
  /** The report printed 2019's single （六）其他处理 row. */
  singleOtherHandling: boolean;
  /** The 2021 template's three （六）其他处理 rows were seen (a page excerpt may show neither form). */
  threeOtherHandling: boolean;
  /** Any row label was found at all. */
  found: boolean;
}

const ALL_ROWS: readonly ApplicationRowDef[] = [...TEMPLATE_2021.applicationRows, OTHER_HANDLING_SINGLE];
const MATCHER = labelMatcher(ALL_ROWS, true);
const LABEL_OF = new Map(ALL_ROWS.map((r) => [r.key, r.label]));

/** The columns the header names, in template order; the standard seven when the header says nothing. */
function headerColumns(items: readonly Item[], firstLabel: number): ColumnDef[] {
  const header = items
    .slice(0, firstLabel)
    .map((it) => (it.kind === 'text' ? it.norm : ''))
    .join('')
    .replace(/法人或其他组织/g, '');
  const standard = TEMPLATE_2021.applicationColumns;
  const present = standard.filter((c) => c.fragments.some((f) => header.includes(f)));
  const subtotal = SUBTOTAL_COLUMN.fragments.some((f) => header.includes(f));
  // A header that names fewer than five columns was not read (or not printed): assume the template.
  const columns = present.length >= 5 ? present : [...standard];
  if (subtotal) columns.splice(columns.findIndex((c) => c.key === 'total'), 0, SUBTOTAL_COLUMN);
  return columns;
}

function mostCommon(counts: readonly number[]): number | null {
  const freq = new Map<number, number>();
  for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
  let best: number | null = null;
  let n = 0;
  for (const [c, f] of freq) if (f > n) [best, n] = [c, f];
  return best;
}

/** 总计 = the six applicant columns: used to choose between readings of an ambiguous block. */
function totalHolds(columns: readonly ColumnDef[]) {
  const totalAt = columns.findIndex((c) => c.key === 'total');
  const parts = columns.map((c, i) => (c.key === 'total' || c.key === 'subtotal' ? -1 : i)).filter((i) => i >= 0);
  return (row: readonly ValueItem[]) =>
    totalAt >= 0 && parts.reduce((a, i) => a + (row[i]?.value ?? 0), 0) === row[totalAt]?.value;
}

interface Plan {
  rows: RowValues[];
  via: 'adjacency' | 'stream' | 'mixed' | 'grid';
  /** Rows of the source's own, left unread (adjacency only). */
  foreign: ForeignRow[];
  /** Values that belong to no row (a stray number between torn labels). */
  strays?: ValueItem[];
}

/** Choose adjacency when it reads cleanly; else the stream, when it fits the rows exactly. */
function plan(items: readonly Item[], hits: readonly LabelHit[], width: number, columns: readonly ColumnDef[], rowDefs: readonly ApplicationRowDef[]): Plan {
  const adj = adjacency(items, hits, (norm) => MATCHER.match(norm) !== null);
  const counts = adj.rows.map((r) => r.values.length);
  const clean =
    adj.orphans.length === 0 &&
    counts.every((c) => c > 0 && c <= width) &&
    counts.filter((c) => c < width).length <= Math.max(1, Math.floor(counts.length / 4));
  if (clean) return { rows: adj.rows, via: 'adjacency', foreign: adj.foreign };

  const mixed = labelledThenOrder(items, hits.filter((h) => rowDefs.some((r) => r.key === h.key)), width, rowDefs.map((r) => r.key));
  if (mixed) return { rows: mixed.rows, via: 'mixed', foreign: [], strays: mixed.strays };

  const rows = streamRows(items, width, totalHolds(columns));
  if (rows) {
    const found = new Set(hits.map((h) => h.key));
    const present = rowDefs.filter((r) => found.has(r.key));
    const order = rows.length === present.length ? present : rows.length === rowDefs.length ? rowDefs : null;
    if (order) return { rows: order.map((r, i) => ({ key: r.key, values: rows[i]!, via: 'stream' })), via: 'stream', foreign: [] };
  }
  return { rows: adj.rows, via: 'adjacency', foreign: adj.foreign };
}

/**
 * @param grid the table's exact cells, when the source has them (HTML, Word, ruled PDF).
 * @param cutLine the last line of the text when the table runs to it (a web excerpt that stops
 *   mid-table): a short row there was cut, not written short.
 */
export function readApplications(
  items: readonly Item[],
  diags: Diagnostics,
  provenance: Record<string, Provenance>,
  grid: readonly GridTable[] = [],
  cutLine: number | null = null,
): ApplicationsRead {
  let hits = findLabels(items, MATCHER);
  const subRows = hits.some((h) => h.key.startsWith('otherHandling.'));
  if (subRows) hits = hits.filter((h) => h.key !== OTHER_HANDLING_SINGLE.key);
  const singleOtherHandling = hits.some((h) => h.key === OTHER_HANDLING_SINGLE.key);
  const rowDefs = (singleOtherHandling ? TEMPLATE_2019 : TEMPLATE_2021).applicationRows;

  const rows: Record<string, CellRow> = {};
  const canonical = TEMPLATE_2021.applicationColumns.map((c) => c.key);
  for (const r of rowDefs) rows[r.key] = Object.fromEntries(canonical.map((k) => [k, null]));
  if (hits.length === 0) return { rows, singleOtherHandling, threeOtherHandling: subRows, found: false };

  for (const h of hits) {
    if (h.kind === 'variant' || h.kind === 'fuzzy') {
      diags.add(
        'STRUCT.LABEL_VARIANT',
        'info',
        `表三行标签“${h.written}”与模板“${LABEL_OF.get(h.key)}”写法不同，已按该行读取`,
        `applications.${h.key}`,
        { line: h.line, text: h.written },
      );
    }
  }

  const firstLabel = Math.min(...hits.map((h) => h.index));
  // A table with exact cells is read by its grid columns (src/recognize/grid-tables.ts).
  const byGrid = applicationsByGrid(grid, MATCHER, hits.map((h) => h.key));
  let columns = byGrid?.columns ?? headerColumns(items, firstLabel);
  const adjCounts = adjacency(items, hits).rows.map((r) => r.values.length);
  const common = mostCommon(adjCounts);
  if (!byGrid && common !== null && common !== columns.length && (common === 7 || common === 8) && columns.length < 7) {
    // The header looked incomplete but the rows say otherwise: the rows are the better witness.
    columns = [...TEMPLATE_2021.applicationColumns];
  }
  const width = columns.length;
  for (const c of TEMPLATE_2021.applicationColumns) {
    if (!columns.some((p) => p.key === c.key)) {
      diags.add(
        'STRUCT.COLUMN_MISSING',
        'error',
        `表三缺少“${c.label}”列：该列各行留空，其余各列按表头对应读取，未发生错位`,
        `applications.*.${c.key}`,
      );
    }
  }

  const { rows: planned, via, foreign, strays }: Plan = byGrid ? { rows: byGrid.rows, via: 'grid', foreign: [] } : plan(items, hits, width, columns, rowDefs);
  reportForeignRows(diags, foreign, 'applications', '表三');
  if (strays?.length) {
    diags.add(
      'TABLE.VALUE_STRAY',
      'warning',
      `表三有${strays.length}个数值（${strays.map((v) => v.cell.text).join(' ')}）不在任何一行中，无法确定归属，未计入`,
      'applications',
      strays[0]!.cell,
    );
  }
  if (via === 'mixed') {
    diags.add('TABLE.READ_BY_ORDER', 'info', '表三部分行的标签与数值在文本中相互分离：标签与数值同行的按标签读取，其余整行数值按模板行序读取', 'applications');
  }
  if (via === 'stream') {
    diags.add(
      'TABLE.READ_BY_ORDER',
      'info',
      '表三的行标签与数值在文本中相互分离（常见于按阅读顺序提取的PDF文本），已按模板固定行序读取数值',
      'applications',
    );
  }
  const totalAt = columns.findIndex((c) => c.key === 'total');
  const partsAt = columns.map((c, i) => (c.key === 'total' || c.key === 'subtotal' ? -1 : i)).filter((i) => i >= 0);
  const seen = new Set<string>();
  const ambiguous = new Map<string, { r: RowValues; splits: (number | null)[][] }>();
  for (const r of planned) {
    if (!(r.key in rows)) continue;
    seen.add(r.key);
    if (r.values.length < width && hasRuns(r.values, width) && r.values[r.values.length - 1]!.cell.line !== cutLine) {
      const splits = digitSplits(r.values, width, totalAt, partsAt);
      if (splits.length === 1) {
        placeSplit(r, splits[0]!, columns, rows, provenance, diags, '只有一种拆分使行合计成立');
        continue;
      }
      if (splits.length > 1) {
        ambiguous.set(r.key, { r, splits });
        continue;
      }
    }
    placeRow(r, columns, totalAt, partsAt, rows, provenance, diags, cutLine);
  }
  resolveSplits(ambiguous, columns, rows, rowDefs, provenance, diags);
  for (const def of rowDefs) {
    if (!seen.has(def.key)) {
      diags.add('STRUCT.ROW_MISSING', 'error', `表三缺少“${def.label}”行，该行各列留空`, `applications.${def.key}`);
    }
  }
  return { rows, singleOtherHandling, threeOtherHandling: subRows, found: true };
}

function placeRow(
  r: RowValues,
  columns: readonly ColumnDef[],
  totalAt: number,
  partsAt: readonly number[],
  rows: Record<string, CellRow>,
  provenance: Record<string, Provenance>,
  diags: Diagnostics,
  cutLine: number | null,
): void {
  const width = columns.length;
  const label = LABEL_OF.get(r.key) ?? r.key;
  const first = r.values[0]?.cell;
  const target = rows[r.key]!;
  const record = (c: number, item: ValueItem, via: Provenance['via']) => {
    const col = columns[c]!.key;
    const p: Provenance = { raw: item.cell.text, line: item.cell.line, column: item.cell.column, page: item.cell.page, via };
    provenance[`applications.${r.key}.${col}`] = p;
    if (col === 'subtotal') return;
    target[col] = item.value;
    if (item.value === null) {
      diags.add('VALUE.BLANK', 'warning', `表三“${label}”行“${columns[c]!.label}”列未填数字（${writtenAs(item.cell.text)}），应填写0或实际数`, `applications.${r.key}.${col}`, item.cell);
    }
  };
  if (r.values.length === width) {
    r.values.forEach((v, c) => record(c, v, r.via ?? 'label'));
    if (r.via === 'stream') byOrderDiagnostic(r, label, totalHolds(columns)(r.values), diags);
    return;
  }
  if (r.values.length < width && first && r.values[r.values.length - 1]!.cell.line === cutLine && !hasRuns(r.values, width)) {
    // The text stops inside this row: what is visible are its first cells, the rest is unknown.
    r.values.forEach((v, c) => record(c, v, r.via ?? 'label'));
    diags.add('TABLE.ROW_CUT', 'warning', `文本在表三“${label}”行中途结束，只读到前${r.values.length}列；其余各列留空，不按合计推算`, `applications.${r.key}`, first);
    return;
  }
  if (r.values.length === 0) {
    diags.add('VALUE.BLANK', 'warning', `表三“${label}”行没有任何数字，各列留空`, `applications.${r.key}`);
    return;
  }
  const raws = r.values.map((v) => v.cell.text).join(' ');
  const last = r.values[r.values.length - 1]!;
  if (r.values.length === width + 1 && last.cell.line === cutLine && /^\d$/.test(last.cell.text.trim()) && totalHolds(columns)(r.values)) {
    // The excerpt stops right after the next row's numbering (`2` of `2.重复申请`): not a cell.
    r.values.slice(0, width).forEach((v, c) => record(c, v, r.via ?? 'label'));
    diags.add('TABLE.ROW_CUT', 'warning', `表三“${label}”行之后文本中断，末尾的“${last.cell.text.trim()}”是下一行编号被截断的开头，未计入；本行${width}个数行合计相符`, `applications.${r.key}`, first);
    return;
  }
  if (r.values.length > width) {
    const chosen = withoutColumnNumbers(r.values, width, totalHolds(columns));
    if (chosen) {
      chosen.forEach((v, c) => record(c, v, 'columns'));
      diags.add(
        'TABLE.COLUMNS_CHOSEN',
        'warning',
        `表三“${label}”行有${r.values.length}个数（${raws}），其中${r.values.length - width}个是混入的列序号；去掉列序号后只有一种读法使行合计成立，已按此读取`,
        `applications.${r.key}`,
        first,
      );
      return;
    }
    diags.add('TABLE.ROW_LONG', 'error', `表三“${label}”行有${r.values.length}个数（${raws}），多于${width}列，无法确定对应关系，该行留空`, `applications.${r.key}`, first);
    return;
  }
  const resolved = resolveShortRow(r.values.map((v) => v.value), width, totalAt, partsAt);
  resolved.cells.forEach((value, c) => {
    const col = columns[c]!.key;
    if (col === 'subtotal') return;
    target[col] = value;
    if (value !== null && first) {
      provenance[`applications.${r.key}.${col}`] = { raw: raws, line: first.line, column: first.column, page: first.page, via: 'arithmetic' };
    }
  });
  const unresolved = resolved.cells.filter((v) => v === null).length;
  // A cell derived from the total after other placements were ruled out may be one the source
  // left blank: an error, so that it is checked against the source.
  const guessed = resolved.derived.length > 0 && resolved.narrowed;
  diags.add(
    'TABLE.ROW_SHORT',
    guessed ? 'error' : 'warning',
    `表三“${label}”行应有${width}个数，只读到${r.values.length}个（${raws}），缺失位置不明；` +
      (unresolved === 0 ? '由于各种对齐方式结果一致（行合计可确定缺失值），已据此读取' : `无法确定的${unresolved}列留空`) +
      (guessed ? `；其中${resolved.derived.map((c) => `“${columns[c]!.label}”`).join('')}是按行合计推算的，原件中可能为空，请核对` : ''),
    `applications.${r.key}`,
    first,
  );
}

/** A row placed by template order: a warning when its total confirms it, an error when not. */
function byOrderDiagnostic(r: RowValues, label: string, confirmed: boolean, diags: Diagnostics): void {
  const raws = r.values.map((v) => v.cell.text).join(' ');
  diags.add(
    'TABLE.PLACED_BY_ORDER',
    confirmed ? 'warning' : 'error',
    `表三“${label}”行的数值（${raws}）按模板行序放置，文本中没有紧随其行标签；` +
      (confirmed ? '行合计相符，请与原件核对' : '行合计不符，可能错行，请与原件核对'),
    `applications.${r.key}`,
    r.values[0]?.cell,
  );
}

/** Place a row read by cutting digit runs, and say so. */
function placeSplit(
  r: RowValues,
  cells: readonly (number | null)[],
  columns: readonly ColumnDef[],
  rows: Record<string, CellRow>,
  provenance: Record<string, Provenance>,
  diags: Diagnostics,
  why: string,
): void {
  const label = LABEL_OF.get(r.key) ?? r.key;
  const raws = r.values.map((v) => v.cell.text).join(' ');
  const first = r.values[0]!.cell;
  cells.forEach((value, c) => {
    const col = columns[c]!.key;
    provenance[`applications.${r.key}.${col}`] = { raw: raws, line: first.line, column: first.column, page: first.page, via: 'split' };
    if (col !== 'subtotal') rows[r.key]![col] = value;
  });
  diags.add(
    'TABLE.DIGITS_SPLIT',
    'warning',
    `表三“${label}”行的数字连在一起（${raws}），单元格边界已丢失；${why}，读作 ${cells.join(' | ')}，请与原件核对`,
    `applications.${r.key}`,
    first,
  );
}

/** Column relations of table 三: outcomes add up to （七）总计; new + carried over = total + carried forward. */
function columnRelations(rowDefs: readonly ApplicationRowDef[]): ColumnRelation[] {
  const keys = rowDefs.map((r) => r.key);
  const outcomes = keys.slice(keys.indexOf('granted'), keys.indexOf('total'));
  return [
    { plus: outcomes, minus: ['total'] },
    { plus: ['newReceived', 'carriedOver'], minus: ['total', 'carriedForward'] },
  ];
}

/** Rows with several readings whose totals hold: the column totals choose, or the row stays blank. */
function resolveSplits(
  ambiguous: ReadonlyMap<string, { r: RowValues; splits: (number | null)[][] }>,
  columns: readonly ColumnDef[],
  rows: Record<string, CellRow>,
  rowDefs: readonly ApplicationRowDef[],
  provenance: Record<string, Provenance>,
  diags: Diagnostics,
): void {
  const canonical = TEMPLATE_2021.applicationColumns.map((c) => c.key);
  const toCanonical = (cells: readonly (number | null)[]) =>
    canonical.map((k) => {
      const at = columns.findIndex((c) => c.key === k);
      return at >= 0 ? (cells[at] ?? null) : null;
    });
  const known = (key: string) => (ambiguous.has(key) || !rows[key] ? null : canonical.map((k) => rows[key]![k] ?? null));
  const relations = columnRelations(rowDefs);
  for (const [key, { r, splits }] of ambiguous) {
    const chosen = chooseByColumns(key, splits.map(toCanonical), known, relations);
    const at = chosen ? splits.findIndex((s) => toCanonical(s).join(',') === chosen.join(',')) : -1;
    if (at >= 0) {
      placeSplit(r, splits[at]!, columns, rows, provenance, diags, `有${splits.length}种拆分使行合计成立，只有一种同时使列合计成立`);
      continue;
    }
    const label = LABEL_OF.get(key) ?? key;
    diags.add(
      'TABLE.DIGITS_SPLIT',
      'error',
      `表三“${label}”行的数字连在一起（${r.values.map((v) => v.cell.text).join(' ')}），有${splits.length}种拆分都使行合计成立，无法确定，该行留空`,
      `applications.${key}`,
      r.values[0]!.cell,
    );
  }
}
