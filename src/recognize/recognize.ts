/**
 * Document → canonical model. Finds the sections, reads the metadata and the three tables,
 * decides the template version, and records every deviation as a diagnostic.
 */
import { emptyReport, type AnnualReport, type CellRow } from '../model/report.js';
import type { TextDocument } from '../read/text.js';
import { normalizeLabel } from '../template/normalize.js';
import { TEMPLATE_2021, templateFor, type TemplateVersion } from '../template/templates.js';
import { readApplications } from './applications.js';
import { readAppeals } from './appeals.js';
import { Diagnostics } from './diagnostics.js';
import { readMetadata } from './metadata.js';
import { readProactive } from './proactive.js';
import { gridTables } from './grid.js';
import { leadingTableRegion } from './fragment.js';
import { findSections, type SectionHit } from './sections.js';
import { itemsOf } from './stream.js';

/** Lines that open each table (short lines only: prose that mentions 行政复议 is not a table). */
const TABLE_ANCHORS: Record<2 | 3 | 4, RegExp> = {
  2: /第二十条|信息内容|本年制发件数|本年新制作数量/,
  3: /勾稽关系|申请人情况|自然人|本年新收/,
  4: /行政复议|行政诉讼|维持|纠正|尚未审结/,
};
const ANCHOR_MAX_LENGTH = 80;

interface Region {
  from: number;
  to: number;
}

/** Characters every anchor word contains one of (in Simplified or Traditional form). */
const ANCHOR_CHARS = /[条條内內件数勾申人收复復诉訴讼訟维維纠糾审審]/;

function isAnchor(text: string, no: 2 | 3 | 4): boolean {
  // Cheap tests first: most lines of a report are prose without any anchor character.
  if (text.length > ANCHOR_MAX_LENGTH * 2 || !ANCHOR_CHARS.test(text)) return false;
  const norm = normalizeLabel(text);
  return norm.length > 0 && norm.length <= ANCHOR_MAX_LENGTH && TABLE_ANCHORS[no].test(norm);
}

/** The lines of each section: from after its heading to the next heading found. */
function sectionRegions(hits: readonly SectionHit[], end: number): Map<number, Region> {
  const regions = new Map<number, Region>();
  hits.forEach((h, i) => regions.set(h.def.no, { from: h.index + 1, to: hits[i + 1]?.index ?? end }));
  return regions;
}

/** Where table `no` is: from its first anchor inside its section (or anywhere, when the section is missing). */
function tableRegion(doc: TextDocument, no: 2 | 3 | 4, sections: Map<number, Region>, taken: number): Region | null {
  const own = sections.get(no);
  const from = own?.from ?? taken;
  const limit = own?.to ?? doc.lines.length;
  for (let i = from; i < limit; i++) {
    if (!isAnchor(doc.lines[i]!.text, no)) continue;
    if (own) return { from: i, to: own.to };
    // No heading: the table runs until the next table's anchor or a later section.
    let to = i + 1;
    const next = no < 4 ? ((no + 1) as 3 | 4) : null;
    const stops = [...sections.entries()].filter(([n, r]) => n > no && r.from > i).map(([, r]) => r.from - 1);
    const stop = Math.min(limit, ...stops);
    while (to < stop && !(next && isAnchor(doc.lines[to]!.text, next) && !isAnchor(doc.lines[to]!.text, no))) to++;
    return { from: i, to };
  }
  return null;
}

/** A line that ends a paragraph: sentence-final punctuation, or a short heading-like line. */
const PARAGRAPH_END = /[。！？；：!?;:…」』”）)]$/;
/** A line that starts a paragraph of its own: numbering (（一） 一是 1. 一、). */
const PARAGRAPH_START = /^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[是、]|\d+[.、．]|[-*•·]\s)/;

/**
 * The text of a region as paragraphs: lines a PDF or a narrow page wrapped mid-sentence are
 * joined (nothing is dropped), so a paragraph of the source is a line of the model.
 */
function textOf(doc: TextDocument, region: Region | undefined, stopAt?: number): string {
  if (!region) return '';
  const to = stopAt ?? region.to;
  const lines = doc.lines.slice(region.from, to);
  // A wrapped line reaches the right margin: it is about as long as the longest lines around it.
  const lengths = lines.map((l) => l.text.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  const margin = (lengths[Math.floor(lengths.length * 0.9)] ?? 0) * 0.85;
  const paragraphs: string[] = [];
  let open = false;
  for (const line of lines) {
    const t = line.text.trim();
    if (!t || /^[-—–－]\s*\d{1,3}\s*[-—–－]$/.test(t)) {
      if (!t) open = false;
      continue;
    }
    if (open && !PARAGRAPH_START.test(t)) paragraphs[paragraphs.length - 1] += t;
    else paragraphs.push(t);
    open = !PARAGRAPH_END.test(t) && t.length >= Math.max(15, margin);
  }
  return paragraphs.join('\n');
}

/** A line of a signature: a short body name, or a date alone (`2025年1月9日`, `二〇二五年一月九日`). */
const SIGNATURE_LINE = /^(?:[\u4e00-\u9fff（）()]{2,30}(?:人民政府|办事处|委员会|局|厅|办公室|中心)|(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日)$/;

/**
 * The signature under the last section (body and date) is metadata — `unit` and `publishedOn`
 * — not part of section 六's text; it is taken off the end of that text.
 */
function withoutSignature(text: string): string {
  const lines = text.split('\n');
  while (lines.length > 1 && (SIGNATURE_LINE.test(lines[lines.length - 1]!.replace(/\s+/g, '')) || !lines[lines.length - 1]!.trim())) lines.pop();
  return lines.join('\n').trim();
}

/**
 * The last written line of the text when a table runs to the end of it: a report goes on after
 * its tables, so a table that ends the text was cut there (a web page excerpt).
 */
function cutLine(doc: TextDocument, region: Region | undefined): number | null {
  if (!region || region.to < doc.lines.length) return null;
  for (let i = doc.lines.length - 1; i >= region.from; i--) {
    if (doc.lines[i]!.text.trim()) return doc.lines[i]!.line;
  }
  return null;
}

function copyRows(target: Record<string, CellRow>, source: Record<string, CellRow>): void {
  for (const [key, row] of Object.entries(source)) if (key in target) target[key] = { ...row };
}

export function recognize(doc: TextDocument): AnnualReport {
  const diags = new Diagnostics();
  const hits = findSections(doc, TEMPLATE_2021.sections);
  const sections = sectionRegions(hits, doc.lines.length);
  const firstHeading = hits[0]?.index ?? doc.lines.length;
  const overview = textOf(doc, sections.get(1));
  const meta = readMetadata(doc, firstHeading, overview);

  const regions = new Map<number, Region>();
  let taken = 0;
  for (const no of [2, 3, 4] as const) {
    const r = (no === 4 ? null : leadingTableRegion(doc, no, hits)) ?? tableRegion(doc, no, sections, taken);
    if (r) {
      regions.set(no, r);
      taken = r.to;
    }
  }
  const items = (no: 2 | 3 | 4) => {
    const r = regions.get(no);
    return r ? itemsOf(doc, r.from, r.to) : [];
  };
  const grid = (no: 2 | 3 | 4) => {
    const r = regions.get(no);
    return r ? gridTables(doc, r.from, r.to) : [];
  };

  const byYear: TemplateVersion = meta.year !== null && meta.year <= 2020 ? '2019' : '2021';
  // One provenance object that every table reader writes into (spreading large objects is slow).
  const provenance: AnnualReport['provenance'] = {};
  const proactive = readProactive(items(2), byYear, diags, provenance, grid(2));
  const applications = readApplications(items(3), diags, provenance, grid(3), cutLine(doc, regions.get(3)));
  const appeals = readAppeals(items(4), diags, provenance, grid(4));
  const version = proactive.version ?? byYear;

  const report = emptyReport(version, { singleOtherHandling: version === '2021' && applications.singleOtherHandling });
  copyRows(report.proactive, proactive.rows);
  copyRows(report.applications, applications.rows);
  copyRows(report.appeals, appeals.rows);
  report.provenance = provenance;
  report.title = meta.title;
  report.unit = meta.unit;
  report.year = meta.year;
  report.publishedOn = meta.publishedOn;

  const template = templateFor(version);
  report.sections = hits.map((h, i) => {
    const region = sections.get(h.def.no)!;
    const table = regions.get(h.def.no);
    const text = textOf(doc, region, table && table.from >= region.from && table.from < region.to ? table.from : undefined);
    return { no: h.def.no, title: h.written, text: i === hits.length - 1 ? withoutSignature(text) : text };
  });

  structuralDiagnostics(diags, hits, template.sections, { proactive: proactive.found, applications: applications.found, appeals: appeals.found });
  if (version === '2019' && applications.threeOtherHandling) {
    diags.add('TABLE.TEMPLATE_MIXED', 'warning', '表二按2019年模板填写，表三却使用2021年模板的（六）其他处理三个子行；（六）其他处理留空', 'applications.otherHandling');
  }
  if (meta.year !== null && meta.year >= 2021) {
    if (version === '2019') {
      diags.add('STRUCT.TEMPLATE_OUTDATED', 'warning', `${meta.year}年度报告的表二仍使用2019年旧模板（应使用国办公开办函〔2021〕30号格式）`, 'proactive');
    }
    if (applications.singleOtherHandling) {
      diags.add(
        'STRUCT.TEMPLATE_OUTDATED',
        'warning',
        `${meta.year}年度报告的表三“（六）其他处理”仍是2019年模板的单行，未分为2021年模板的三个子行；该行数值记为“（六）其他处理”的合计，三个子行记为空`,
        'applications.otherHandling',
      );
    }
  }
  metadataDiagnostics(diags, meta);
  report.diagnostics = diags.list;
  return report;
}

function structuralDiagnostics(
  diags: Diagnostics,
  hits: readonly SectionHit[],
  defs: ReturnType<typeof templateFor>['sections'],
  tables: Record<'proactive' | 'applications' | 'appeals', boolean>,
): void {
  for (const def of defs) {
    const hit = hits.find((h) => h.def.no === def.no);
    if (!hit) {
      diags.add('STRUCT.SECTION_MISSING', 'error', `缺少第${def.no}部分“${def.title}”（未找到该标题）`, `sections.${def.no}`);
      continue;
    }
    const written = normalizeLabel(hit.written);
    if (written !== normalizeLabel(def.title)) {
      diags.add('STRUCT.SECTION_TITLE_VARIANT', 'info', `第${def.no}部分标题写作“${hit.written}”，模板为“${def.title}”`, `sections.${def.no}`, {
        line: hit.index + 1,
        text: hit.written,
      });
    }
  }
  const names = { proactive: '表二（主动公开政府信息情况）', applications: '表三（收到和处理政府信息公开申请情况）', appeals: '表四（行政复议、行政诉讼情况）' };
  for (const [key, found] of Object.entries(tables) as ['proactive' | 'applications' | 'appeals', boolean][]) {
    if (!found) diags.add('STRUCT.TABLE_MISSING', 'error', `未找到${names[key]}或其中没有可读的数字，该表各项留空`, key);
  }
}

function metadataDiagnostics(diags: Diagnostics, meta: ReturnType<typeof readMetadata>): void {
  if (!meta.title) diags.add('META.TITLE_MISSING', 'warning', '报告没有标题（应为“××××年政府信息公开工作年度报告”）', 'title');
  if (!meta.unit) diags.add('META.UNIT_MISSING', 'error', '无法从标题、落款或正文确定发布机关', 'unit');
  else if (meta.unitFrom === 'text') diags.add('META.UNIT_FROM_TEXT', 'info', `标题未写明发布机关，按正文取为“${meta.unit}”`, 'unit');
  else if (meta.unitFrom === 'expanded') diags.add('META.UNIT_FROM_TEXT', 'info', `标题中的机关名称省略了上级地名，按正文取全称“${meta.unit}”`, 'unit');
  else if (meta.unitFrom === 'signature') diags.add('META.UNIT_FROM_SIGNATURE', 'info', `标题中的机关名称不完整，按落款取为“${meta.unit}”`, 'unit');
  if (meta.year === null) diags.add('META.YEAR_MISSING', 'error', '无法确定报告年度', 'year');
  else if (meta.yearFrom === 'text') diags.add('META.YEAR_FROM_TEXT', 'info', `标题未写明年度，按正文取为${meta.year}年`, 'year');
}
