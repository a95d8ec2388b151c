/**
 * The three tables in the official layout, as grids of cells with their merges, built from the
 * template data. Every renderer (HTML, Word, Markdown, text) draws these grids, so the merged
 * header cells, the row groups and every label verbatim are defined in one place.
 */
import type { AnnualReport, Cell } from '../model/report.js';
import { APPLICATION_GROUP_LABELS, OTHER_HANDLING_SINGLE, TEMPLATE_2021, templateFor } from '../template/templates.js';

export interface GridCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  role: 'head' | 'label' | 'value';
  /** Model path of a value cell. */
  path?: string;
}

/** Rows of cells; positions covered by a merge are omitted, as in HTML. */
export type Grid = GridCell[][];

/**
 * A value as printed: the number as it is, and `/` where the model has no value — the mark
 * reports use for "no figure here". Never 0 in its place, and never an empty cell, which a
 * PDF cannot tell apart from a missing one.
 */
export function printed(value: Cell | undefined): string {
  return value === null || value === undefined ? '/' : String(value);
}

const head = (text: string, extra: Partial<GridCell> = {}): GridCell => ({ text, role: 'head', ...extra });
const label = (text: string, extra: Partial<GridCell> = {}): GridCell => ({ text, role: 'label', ...extra });

/** Table 二: blocks of 第二十条, four columns wide (a label and up to three values). */
function proactiveGrid(report: AnnualReport): Grid {
  const width = 4;
  const grid: Grid = [];
  for (const block of templateFor(report.template).proactive) {
    grid.push([head(block.header, { colSpan: width })]);
    const fields = block.rows[0]!.fields;
    grid.push([head('信息内容'), ...fields.map((f, i) => head(f.label, i === fields.length - 1 ? { colSpan: width - fields.length } : {}))]);
    for (const row of block.rows) {
      grid.push([
        label(row.label),
        ...row.fields.map((f, i) => ({
          text: printed(report.proactive[row.key]?.[f.key]),
          role: 'value' as const,
          path: `proactive.${row.key}.${f.key}`,
          ...(i === row.fields.length - 1 && row.fields.length < width - 1 ? { colSpan: width - row.fields.length } : {}),
        })),
      ]);
    }
  }
  return grid;
}

const [OUTCOME, WITHHELD, UNAVAILABLE, NOT_PROCESSED, OTHER_HANDLING] = APPLICATION_GROUP_LABELS;
const GROUP_OF: Record<string, string> = { withheld: WITHHELD, unavailable: UNAVAILABLE, notProcessed: NOT_PROCESSED, otherHandling: OTHER_HANDLING };

/** Table 三 in the template's layout; a 2021 report that kept 2019's single （六） row keeps it. */
function applicationsGrid(report: AnnualReport): Grid {
  const columns = TEMPLATE_2021.applicationColumns;
  const rows = templateFor(report.template).applicationRows.filter((r) => r.key in report.applications);
  if (report.template === '2021' && 'otherHandling' in report.applications) {
    const at = rows.findIndex((r) => r.key === 'otherHandling.noCorrection');
    rows.splice(at < 0 ? rows.findIndex((r) => r.key === 'total') : at, 0, OTHER_HANDLING_SINGLE);
  }
  const printedRows = rows.filter((r) => !(r.key.startsWith('otherHandling.') && 'otherHandling' in report.applications));
  const grid: Grid = [
    [
      head('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { rowSpan: 3, colSpan: 3 }),
      head('申请人情况', { colSpan: 7 }),
    ],
    [head('自然人', { rowSpan: 2 }), head('法人或其他组织', { colSpan: 5 }), head('总计', { rowSpan: 2 })],
    columns.filter((c) => c.key !== 'naturalPerson' && c.key !== 'total').map((c) => head(c.label)),
  ];
  const outcomeRows = printedRows.filter((r) => r.group !== undefined).length;
  let outcomeOpened = false;
  const opened = new Set<string>();
  for (const r of printedRows) {
    const cells: GridCell[] = [];
    const family = r.key.split('.')[0]!;
    const group = r.key.includes('.') ? GROUP_OF[family] : undefined;
    if (!r.group) {
      cells.push(label(r.label, { colSpan: 3 }));
    } else {
      if (!outcomeOpened) {
        cells.push(label(OUTCOME, { rowSpan: outcomeRows }));
        outcomeOpened = true;
      }
      if (group) {
        if (!opened.has(group)) {
          cells.push(label(group, { rowSpan: printedRows.filter((x) => x.key.startsWith(`${family}.`)).length }));
          opened.add(group);
        }
        cells.push(label(r.label));
      } else {
        cells.push(label(r.label, { colSpan: 2 }));
      }
    }
    for (const c of columns) {
      cells.push({ text: printed(report.applications[r.key]?.[c.key]), role: 'value', path: `applications.${r.key}.${c.key}` });
    }
    grid.push(cells);
  }
  return grid;
}

/** Table 四: three header rows and the fifteen numbers. */
function appealsGrid(report: AnnualReport): Grid {
  const t = TEMPLATE_2021;
  const results = t.appealResults;
  const [reconsideration, direct, after] = t.appealGroups;
  return [
    [head('行政复议', { colSpan: 5 }), head('行政诉讼', { colSpan: 10 })],
    [...results.map((r) => head(r.label, { rowSpan: 2 })), head('未经复议直接起诉', { colSpan: 5 }), head('复议后起诉', { colSpan: 5 })],
    [...results.map((r) => head(r.label)), ...results.map((r) => head(r.label))],
    [reconsideration!, direct!, after!].flatMap((g) =>
      results.map((r) => ({ text: printed(report.appeals[g.key]?.[r.key]), role: 'value' as const, path: `appeals.${g.key}.${r.key}` })),
    ),
  ];
}

/** Column widths in per cent, so the tables fit the page as the template prints them. */
export function widthsOfSection(no: number): number[] {
  if (no === 2) return [40, 20, 20, 20];
  if (no === 3) return [8, 9, 27, ...Array<number>(7).fill(8)];
  return Array<number>(15).fill(100 / 15);
}

/** The grid of the table that belongs to section `no` (2, 3, 4), if any. */
export function gridOfSection(report: AnnualReport, no: number): Grid | null {
  if (no === 2) return proactiveGrid(report);
  if (no === 3) return applicationsGrid(report);
  if (no === 4) return appealsGrid(report);
  return null;
}

/**
 * The grid with merges undone: every row as wide as the table, a merged cell's text in its
 * first position and blanks elsewhere — what text and Markdown can express.
 */
export function flatten(grid: Grid): string[][] {
  const out: string[][] = [];
  const taken: boolean[][] = [];
  grid.forEach((row, r) => {
    out[r] ??= [];
    taken[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (taken[r]![c]) c++;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
          out[r + dr] ??= [];
          taken[r + dr] ??= [];
          out[r + dr]![c + dc] = dr === 0 && dc === 0 ? cell.text : '';
          taken[r + dr]![c + dc] = true;
        }
      }
      c += cell.colSpan ?? 1;
    }
  });
  const width = Math.max(...out.map((row) => row.length));
  return out.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}
