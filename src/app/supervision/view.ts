/**
 * One published report as the supervisor reads it beside its source: the model's three tables
 * in the official layout, each finding named in words and placed — the cells it concerns, the
 * spots in the source text, and the highlighted cells of a sanitised HTML page. Pure.
 */
import { correctedCells } from '../../model/corrections.js';
import type { AnnualReport } from '../../model/report.js';
import { BODY_LEVEL_LABELS, type BodyLevel } from '../../register/bodies.js';
import { gridOfSection, type Grid } from '../../render/layout.js';
import type { Finding } from '../../rules/finding.js';
import { placeName } from '../../rules/labels.js';
import type { Mark, StoredCorrection, StoredReport } from '../../store/published-store.js';
import { templateFor } from '../../template/templates.js';
import { withFingerprints } from './fingerprint.js';

const TABLE_KEYS = ['proactive', 'applications', 'appeals'];
const CAPTIONS: Record<number, string> = { 2: '表二', 3: '表三', 4: '表四' };

const escapeRe = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Which model paths a finding's `at` names: a cell, a row or table (prefix), or `*` for any row or column. */
function pathMatcher(at: string): (path: string) => boolean {
  if (!TABLE_KEYS.includes(at.split('.')[0]!)) return () => false;
  if (at.includes('*')) {
    const re = new RegExp(`^${at.split('*').map(escapeRe).join('.+')}$`);
    return (p) => re.test(p);
  }
  return (p) => p === at || p.startsWith(`${at}.`);
}

/** Lines of text formats are the file's own; the HTML and Word readers count lines differently. */
const LINES_ARE_SOURCE = new Set(['text', 'pdf', 'image']);

function locate(f: Finding, cellPaths: readonly string[], r: StoredReport, lines: readonly string[]): { cells: string[]; spots: Mark[] } {
  const matches = pathMatcher(f.at);
  const cells = new Set(cellPaths.filter(matches));
  for (const c of f.suggestion?.cells ?? []) cells.add(c.at);
  const spots = new Map<string, Mark>();
  for (const path of [...cells, ...Object.keys(r.marks).filter(matches)]) {
    const m = r.marks[path];
    if (m && spots.size < 60) spots.set(`${m.line}:${m.column}`, m);
  }
  if (!spots.size && f.line && LINES_ARE_SOURCE.has(r.format) && lines[f.line - 1] !== undefined) {
    spots.set('line', { line: f.line, column: 1, length: Math.max(1, lines[f.line - 1]!.length) });
  }
  if (!spots.size) {
    // A finding about the text quotes it (“2024年，我镇将”): find the quotation in the source.
    for (const [, quoted] of f.message.matchAll(/“([^”]{4,60})”/g)) {
      const i = lines.findIndex((l) => l.includes(quoted!));
      if (i >= 0) {
        spots.set('quote', { line: i + 1, column: lines[i]!.indexOf(quoted!) + 1, length: quoted!.length });
        break;
      }
    }
  }
  return { cells: [...cells], spots: [...spots.values()] };
}

const PLACES: Record<string, string> = { publishedOn: '落款日期', title: '标题', unit: '发布机关', year: '年度', input: '文件', sections: '正文（第一、五、六部分）' };
const SECTION_NO = ['', '一', '二', '三', '四', '五', '六'];

/** Where a finding is, in words: a cell, a row, a column or a table, or a part of the text. */
export function placeOf(at: string, cellPaths: readonly string[]): string {
  const table = at.split('.')[0]!;
  if (!TABLE_KEYS.includes(table)) {
    const section = /^sections\.(\d)$/.exec(at);
    if (section) return `第${SECTION_NO[Number(section[1])] ?? section[1]}部分`;
    const line = /^line (\d+)$/.exec(at);
    return line ? `原文第 ${line[1]} 行` : (PLACES[at] ?? at);
  }
  if (at === table || at.includes('*') || cellPaths.includes(at)) return placeName(at);
  // A row: placeName names rows only with a column, so name one and drop it.
  return placeName(`${at}.*`).replace(/“\*”列$/, '').replace(/的“\*”$/, '行');
}

export function tablesOf(model: AnnualReport): { no: number; caption: string; grid: Grid }[] {
  const sections = templateFor(model.template).sections;
  return [2, 3, 4].flatMap((no) => {
    const grid = gridOfSection(model, no);
    const title = sections.find((s) => s.no === no)?.title ?? '';
    return grid ? [{ no, caption: `${CAPTIONS[no]}\u3000${title}`, grid }] : [];
  });
}

/** The corrections in words: the history (undos included), and each corrected cell's mark (as read → now). */
function correctionsOf(r: StoredReport, history: readonly StoredCorrection[]) {
  const marks = r.readModel ? correctedCells(r.readModel, history) : new Map();
  const byId = new Map(history.map((c) => [c.id, c]));
  return {
    corrections: history.map((c) => ({
      id: c.id, version: c.version, path: c.path, place: placeName(c.path), before: c.before, after: c.after, reason: c.reason,
      undoes: c.undoes, undone: history.some((u) => u.undoes === c.id), by: c.actorName, at: c.madeAt,
      ...(c.undoes !== null && byId.has(c.undoes) ? { undoesVersion: byId.get(c.undoes)!.version } : {}),
    })),
    corrected: [...marks].map(([path, m]) => {
      const c = byId.get(m.correction.id)!;
      return { path, place: placeName(path), read: m.read, value: c.after, reason: c.reason, by: c.actorName, at: c.madeAt, correction: c.id };
    }),
  };
}

/**
 * One stored report as the supervisor reads it: its model's tables (corrected), each finding placed
 * in the tables and in the source, and its corrections.
 */
export function reportView(r: StoredReport, history: readonly StoredCorrection[] = []) {
  const lines = r.sourceText === null ? [] : r.sourceText.split('\n');
  const tables = r.model && !r.error ? tablesOf(r.model) : [];
  const cellPaths = tables.flatMap((t) => t.grid.flat().flatMap((c) => (c.path ? [c.path] : [])));
  const findings = withFingerprints(r.findings, r, r.year).map((f) => ({ ...f, place: placeOf(f.at, cellPaths), ...locate(f, cellPaths, r, lines) }));
  const level = r.bodyLevel as BodyLevel | null;
  return {
    id: r.id, fileName: r.fileName, format: r.format, sha256: r.sha256, uploadedAt: r.uploadedAt,
    body: r.bodyId && r.bodyName && level ? { id: r.bodyId, name: r.bodyName, level, levelLabel: BODY_LEVEL_LABELS[level] } : null,
    unit: r.unit, year: r.year, publishedOn: r.publishedOn, template: r.template, title: r.model?.title ?? null, error: r.error, hasHtml: r.hasHtml,
    lines, marks: r.marks, findings, tables, model: r.model, version: r.version, ...correctionsOf(r, history),
    places: Object.fromEntries(cellPaths.map((p) => [p, placeName(p)])),
  };
}

/** Our style for the cells with findings in the sanitised page: a tint, an outline and a flag (not colour alone). */
export function highlightCss(findings: readonly Finding[], marks: Record<string, Mark>): string {
  const ids = new Set<string>();
  for (const f of findings) {
    const matches = pathMatcher(f.at);
    for (const [path, m] of Object.entries(marks)) if (m.cell && /^c\d+-\d+$/.test(m.cell) && matches(path)) ids.add(m.cell);
  }
  if (!ids.size) return '';
  const sel = [...ids].map((id) => `#${id}`);
  return `\n${sel.join(', ')} { background: #fff3bf; box-shadow: inset 0 0 0 2px #8a4b00; }\n${sel.map((s) => `${s}::after`).join(', ')} { content: " ⚑"; color: #8a4b00; }\n`;
}
