/**
 * The canonical model of an annual report: `gongkai.report/v1`.
 *
 * Keys and shapes follow shared/spec/annual-report.md exactly; checks outside this repository
 * read them. Every key of the report's template is always present; `null` means the source has
 * no value there, and a diagnostic says why. Provenance sits beside the values, keyed by the
 * same dotted paths (`applications.newReceived.total`), so the value keys stay plain.
 */
import type { FindingCode } from './codes.js';
import {
  applicationRowKeys,
  templateFor,
  type TemplateVersion,
} from '../template/templates.js';

export const SCHEMA_ID = 'gongkai.report/v1';

export type Cell = number | null;
export type CellRow = Record<string, Cell>;
export type Severity = 'error' | 'warning' | 'info';

export interface Section {
  no: number;
  /** The heading as written in the source (numbering and all), or the template's title when absent. */
  title: string;
  text: string;
}

export interface Diagnostic {
  /** Listed in the registry of codes (src/model/codes.ts). */
  code: FindingCode;
  severity: Severity;
  /** For the user, in Chinese. */
  message: string;
  /** A dotted model path (`applications.withheld.stateSecret.otherOrg`) or `line N`. */
  at: string;
  /** 1-based line of the source text, where one applies. */
  line?: number;
  /** The raw source text the diagnostic is about. */
  raw?: string;
}

/** Where one value came from. */
export interface Provenance {
  /** The token as written (`/`, `+2`, `251000元`). */
  raw: string;
  /** 1-based line and column in the decoded source text. */
  line: number;
  column: number;
  /** 1-based page, where the source has pages (form feeds in PDF text, PDF pages). */
  page?: number;
  /**
   * How the value was placed: `grid` an exact table cell (HTML/Word rowspan/colspan resolved, or
   * a PDF's ruling lines); `label` adjacency to an unambiguous row label (the default when
   * absent); `stream` template order; `columns` chosen among readings by the row total; `split`
   * a digit run split under the sums; `arithmetic` derived from sums; `reordered` moved back to
   * its row. Anything but grid and label carries a diagnostic on its row.
   */
  via?: 'grid' | 'label' | 'stream' | 'columns' | 'split' | 'arithmetic' | 'reordered';
  /** Read by optical character recognition from a scan: check it against the original. */
  ocr?: boolean;
}

export interface AnnualReport {
  schema: typeof SCHEMA_ID;
  unit: string | null;
  year: number | null;
  template: TemplateVersion;
  title: string | null;
  publishedOn: string | null;
  sections: Section[];
  proactive: Record<string, CellRow>;
  applications: Record<string, CellRow>;
  appeals: Record<string, CellRow>;
  diagnostics: Diagnostic[];
  provenance: Record<string, Provenance>;
}

/** A row of nulls with the given keys. */
export function nullRow(keys: readonly string[]): CellRow {
  return Object.fromEntries(keys.map((k) => [k, null]));
}

/** An empty report of a template: every key present, every value null. */
export function emptyReport(version: TemplateVersion, opts: { singleOtherHandling?: boolean } = {}): AnnualReport {
  const t = templateFor(version);
  const proactive: Record<string, CellRow> = {};
  for (const block of t.proactive) {
    for (const r of block.rows) proactive[r.key] = nullRow(r.fields.map((f) => f.key));
  }
  const columns = t.applicationColumns.map((c) => c.key);
  const applications: Record<string, CellRow> = {};
  for (const key of applicationRowKeys(version, opts.singleOtherHandling ?? false)) {
    applications[key] = nullRow(columns);
  }
  const results = t.appealResults.map((c) => c.key);
  const appeals = Object.fromEntries(t.appealGroups.map((g) => [g.key, nullRow(results)]));
  return {
    schema: SCHEMA_ID,
    unit: null,
    year: null,
    template: version,
    title: null,
    publishedOn: null,
    sections: [],
    proactive,
    applications,
    appeals,
    diagnostics: [],
    provenance: {},
  };
}

/** The three tables of a report, by their model key. */
export const TABLES = ['proactive', 'applications', 'appeals'] as const;
export type TableKey = (typeof TABLES)[number];

/** Visit every cell of the three tables. */
export function forEachCell(
  report: Pick<AnnualReport, TableKey>,
  visit: (table: TableKey, row: string, column: string, value: Cell) => void,
): void {
  for (const table of TABLES) {
    for (const [rowKey, cells] of Object.entries(report[table])) {
      for (const [column, value] of Object.entries(cells)) visit(table, rowKey, column, value);
    }
  }
}
