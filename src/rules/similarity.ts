/**
 * SIM.DUPLICATE for the few reports of one check: narrative sections (一, 五, 六) compared as
 * sets of character 5-grams, after removing what every report shares (the template's titles,
 * digits and years, punctuation), so a report copied from last year with the year changed still
 * matches. Large corpora use the indexed detector of `gongkai similar`.
 */
import type { AnnualReport } from '../model/report.js';
import { TEMPLATE_2019, TEMPLATE_2021 } from '../template/templates.js';
import type { Finding } from './finding.js';

export const DEFAULT_SIMILARITY_THRESHOLD = 0.8;
const SHINGLE = 5;
/** Below this many distinct shingles a text is too short to call copied. */
const MIN_SHINGLES = 40;
const NARRATIVE_SECTIONS = [1, 5, 6];

const BOILERPLATE = [
  ...new Set([...TEMPLATE_2021.sections, ...TEMPLATE_2019.sections].map((s) => s.core)),
  '中华人民共和国政府信息公开条例', '政府信息公开', '政务公开', '信息公开',
];

export function narrativeOf(report: AnnualReport): string {
  let text = report.sections.filter((s) => NARRATIVE_SECTIONS.includes(s.no)).map((s) => s.text).join('');
  for (const phrase of BOILERPLATE) text = text.split(phrase).join('');
  const unit = report.unit?.replace(/人民政府|办事处$/, '');
  if (unit) text = text.split(unit).join('');
  return text.replace(/[\d０-９一二三四五六七八九十〇零年月日]+/g, '').replace(/[^\u4e00-\u9fff]/g, '');
}

export function shingles(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= text.length; i++) out.add(text.slice(i, i + SHINGLE));
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size < MIN_SHINGLES || b.size < MIN_SHINGLES) return 0;
  let common = 0;
  for (const s of a) if (b.has(s)) common++;
  return common / (a.size + b.size - common);
}

/** SIM.DUPLICATE for `report`, whose narrative is `score` similar to `other`'s. */
export function similarityFinding(report: AnnualReport, other: AnnualReport, score: number, threshold = DEFAULT_SIMILARITY_THRESHOLD): Finding {
  const same = other.unit === report.unit;
  return {
    code: 'SIM.DUPLICATE',
    severity: 'warning',
    message: `第一、五、六部分与${same ? `本机关${other.year ?? ''}年报告` : `“${other.unit ?? '另一机关'}”${other.year ?? ''}年报告`}的文字相似度为 ${(score * 100).toFixed(0)}%（内容雷同），请按本年度实际情况撰写`,
    at: 'sections',
    expected: `< ${(threshold * 100).toFixed(0)}%`,
    found: `${(score * 100).toFixed(0)}%`,
  };
}

/** Findings for `report` against each of `others` that is at least `threshold` similar. */
export function similarityFindings(report: AnnualReport, others: readonly AnnualReport[], threshold = DEFAULT_SIMILARITY_THRESHOLD): Finding[] {
  const mine = shingles(narrativeOf(report));
  const findings: Finding[] = [];
  for (const other of others) {
    if (other === report) continue;
    const score = jaccard(mine, shingles(narrativeOf(other)));
    if (score >= threshold) findings.push(similarityFinding(report, other, score, threshold));
  }
  return findings;
}
