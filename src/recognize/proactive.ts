/**
 * Table 二 (proactive disclosure): which template its headers follow, then each row's values.
 */
import type { CellRow, Provenance } from '../model/report.js';
import { normalizeLabel } from '../template/normalize.js';
import { templateFor, type ProactiveRowDef, type TemplateVersion } from '../template/templates.js';
import { adjacency, type RowValues } from './assign.js';
import { writtenAs, type Diagnostics } from './diagnostics.js';
import type { GridTable } from './grid.js';
import { proactiveByGrid } from './grid-tables.js';
import { reportForeignRows } from './extrarows.js';
import { findLabels, labelMatcher, type LabelMatcher } from './labels.js';
import type { Item, ValueItem } from './stream.js';

export interface ProactiveRead {
  rows: Record<string, CellRow>;
  /** The template the headers follow, or null when they name none. */
  version: TemplateVersion | null;
  found: boolean;
}

/** Column headers that only one template prints. */
const MARKERS: Record<TemplateVersion, readonly string[]> = {
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '采购项目数量', '政府集中采购'],
};

/** The template whose own column headers the region prints (more of them wins). */
function proactiveVersion(items: readonly Item[]): TemplateVersion | null {
  const text = items.map((it) => (it.kind === 'text' ? it.norm : '')).join('');
  const score = (v: TemplateVersion) => MARKERS[v].filter((m) => text.includes(normalizeLabel(m))).length;
  const a = score('2021');
  const b = score('2019');
  if (a === 0 && b === 0) return null;
  return b > a ? '2019' : '2021';
}


/**
 * In template order, the values of the whole region split by each row's field count. Table 二
 * has no sums to confirm such a reading: `doubt` says how sure it is (a warning when every row's
 * label was found, an error when rows were assumed).
 */
function byOrder(items: readonly Item[], defs: readonly ProactiveRowDef[], doubt: 'warning' | 'error' = 'warning'): RowValues[] | null {
  const values = items.filter((it): it is ValueItem => it.kind === 'value');
  if (values.length !== defs.reduce((n, d) => n + d.fields.length, 0)) return null;
  let at = 0;
  return defs.map((d) => {
    const row = values.slice(at, at + d.fields.length);
    at += d.fields.length;
    return { key: d.key, values: row, via: 'stream' as const, doubt };
  });
}

/** Does a reading by order keep every row that its label reads exactly (just its own values)? */
function agreesWithLabels(ordered: readonly RowValues[], labelled: readonly RowValues[], expected: ReadonlyMap<string, number>): boolean {
  return labelled.every((r) => {
    if (r.values.length !== expected.get(r.key)) return true;
    const o = ordered.find((x) => x.key === r.key);
    return !o || o.values.every((v, i) => v === r.values[i]);
  });
}

function rowsOf(version: TemplateVersion): ProactiveRowDef[] {
  return templateFor(version).proactive.flatMap((b) => b.rows);
}

const MATCHERS: Record<TemplateVersion, LabelMatcher> = {
  '2019': matcherOf('2019'),
  '2021': matcherOf('2021'),
};

function matcherOf(version: TemplateVersion): LabelMatcher {
  return labelMatcher(
    rowsOf(version).map((d) => ({ key: d.key, label: d.label, core: d.label, variants: d.variants })),
    false,
  );
}

export function readProactive(
  items: readonly Item[],
  fallback: TemplateVersion,
  diags: Diagnostics,
  provenance: Record<string, Provenance>,
  grid: readonly GridTable[] = [],
): ProactiveRead {
  const version = proactiveVersion(items);
  const defs = rowsOf(version ?? fallback);
  const matcher = MATCHERS[version ?? fallback];
  const hits = findLabels(items, matcher);
  const rows: Record<string, CellRow> = Object.fromEntries(
    defs.map((d) => [d.key, Object.fromEntries(d.fields.map((f) => [f.key, null]))]),
  );
  if (hits.length === 0) return { rows, version, found: false };

  for (const h of hits) {
    if (h.kind === 'variant' || h.kind === 'fuzzy') {
      const def = defs.find((d) => d.key === h.key)!;
      diags.add('STRUCT.LABEL_VARIANT', 'info', `表二行标签“${h.written}”与模板“${def.label}”写法不同`, `proactive.${h.key}`, {
        line: h.line,
        text: h.written,
      });
    }
  }

  const expected = new Map(defs.map((d) => [d.key, d.fields.length]));
  const adj = adjacency(items, hits, (norm) => matcher.match(norm) !== null);
  reportForeignRows(diags, adj.foreign, 'proactive', '表二');
  const labelled = adj.rows;
  // A table with exact cells is read by its grid columns (src/recognize/grid-tables.ts).
  const byGrid = proactiveByGrid(grid, defs, matcher, hits.map((h) => h.key));
  const clean = byGrid !== null || (adj.orphans.length === 0 && labelled.every((r) => r.values.length === expected.get(r.key)));
  let planned = byGrid ?? labelled;
  if (!clean) {
    const skipped = new Set<Item>(adj.foreign.flatMap((r) => r.values));
    const kept = items.filter((it) => !(it.kind === 'value' && skipped.has(it)));
    const found = new Set(hits.map((h) => h.key));
    const ordered = byOrder(kept, defs.filter((d) => found.has(d.key))) ?? byOrder(kept, defs, 'error');
    // Template order is taken only when it agrees with every row its label reads exactly:
    // a row whose label is followed by just its own values is the better witness.
    if (ordered && agreesWithLabels(ordered, labelled, expected)) {
      planned = ordered;
      diags.add('TABLE.READ_BY_ORDER', 'info', '表二的行标签与数值在文本中相互分离，已按模板固定行序读取数值', 'proactive');
    }
  }

  const seen = new Set<string>();
  for (const r of planned) {
    const def = defs.find((d) => d.key === r.key)!;
    seen.add(r.key);
    placeRow(def, r, rows[r.key]!, provenance, diags);
  }
  for (const def of defs) {
    if (!seen.has(def.key)) {
      diags.add('STRUCT.ROW_MISSING', 'error', `表二缺少“${def.label}”行，该行留空`, `proactive.${def.key}`);
    }
  }
  return { rows, version, found: true };
}

function placeRow(def: ProactiveRowDef, r: RowValues, target: CellRow, provenance: Record<string, Provenance>, diags: Diagnostics): void {
  if (r.via === 'stream' && r.values.length === def.fields.length) {
    const raws = r.values.map((v) => v.cell.text).join(' ');
    diags.add(
      'TABLE.PLACED_BY_ORDER',
      r.doubt ?? 'warning',
      `表二“${def.label}”行的数值（${raws}）按模板行序放置，文本中没有紧随其行标签，表二也没有合计可以核对` +
        (r.doubt === 'error' ? '；部分行标签未找到，对应关系不能确定，请与原件核对' : '，请与原件核对'),
      `proactive.${def.key}`,
      r.values[0]?.cell,
    );
  }
  if (r.values.length !== def.fields.length) {
    const raws = r.values.map((v) => v.cell.text).join(' ');
    diags.add(
      r.values.length === 0 ? 'VALUE.BLANK' : 'TABLE.ROW_SHORT',
      'warning',
      r.values.length === 0
        ? `表二“${def.label}”行没有填写数字，留空`
        : `表二“${def.label}”行应有${def.fields.length}个数，读到${r.values.length}个（${raws}），无法确定对应关系，该行留空`,
      `proactive.${def.key}`,
      r.values[0]?.cell,
    );
    return;
  }
  def.fields.forEach((f, i) => {
    const item = r.values[i]!;
    const p: Provenance = { raw: item.cell.text, line: item.cell.line, column: item.cell.column, page: item.cell.page };
    p.via = r.via ?? 'label';
    provenance[`proactive.${def.key}.${f.key}`] = p;
    target[f.key] = item.value;
    if (item.value === null) {
      diags.add('VALUE.BLANK', 'warning', `表二“${def.label}”行“${f.label}”未填数字（${writtenAs(item.cell.text)}），应填写0或实际数`, `proactive.${def.key}.${f.key}`, item.cell);
    }
  });
}
