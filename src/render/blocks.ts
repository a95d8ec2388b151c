/**
 * A report as the sequence of blocks every format prints: title, the six sections in order
 * with their text and tables, the signature, and — only when asked — the findings appended
 * apart from the report; a draft is marked 草稿 above its title. Section titles are the template's own (the official layout).
 */
import type { AnnualReport } from '../model/report.js';
import type { Finding } from '../rules/finding.js';
import { templateFor } from '../template/templates.js';
import { gridOfSection, widthsOfSection, type Grid } from './layout.js';

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; grid: Grid; caption: string; widths: number[] }
  | { kind: 'signature'; lines: string[] }
  | { kind: 'findings'; title: string; items: string[] }
  | { kind: 'draftMark'; text: string };

export interface RenderOptions {
  /** Findings to list after the report, marked as not part of it. */
  findings?: readonly Finding[];
  /** A draft, not the final report: every format says 草稿 above the title (and Word on every page). */
  draft?: boolean;
}

/** What a draft's file says of itself. */
export const DRAFT_MARK = '草稿（尚未定稿，不得发布）';

const TABLE_CAPTION: Record<number, string> = { 2: '表二', 3: '表三', 4: '表四' };

export function titleOf(report: AnnualReport): string {
  return report.title ?? `${report.unit ?? ''}${report.year ?? ''}年政府信息公开工作年度报告`;
}

/** `2025-01-09` → `2025年1月9日`. */
function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function blocksOf(report: AnnualReport, options: RenderOptions = {}): Block[] {
  const blocks: Block[] = options.draft ? [{ kind: 'draftMark', text: DRAFT_MARK }] : [];
  blocks.push({ kind: 'title', text: titleOf(report) });
  for (const def of templateFor(report.template).sections) {
    blocks.push({ kind: 'heading', text: def.title });
    const section = report.sections.find((s) => s.no === def.no);
    for (const para of (section?.text ?? '').split('\n')) {
      if (para.trim()) blocks.push({ kind: 'paragraph', text: para.trim() });
    }
    const grid = gridOfSection(report, def.no);
    if (grid) blocks.push({ kind: 'table', grid, caption: TABLE_CAPTION[def.no]!, widths: widthsOfSection(def.no) });
  }
  const signature = [report.unit ?? '', report.publishedOn ? chineseDate(report.publishedOn) : ''].filter(Boolean);
  if (signature.length) blocks.push({ kind: 'signature', lines: signature });
  if (options.findings?.length) {
    blocks.push({
      kind: 'findings',
      title: '附：gongkai 检查发现（不属于报告正文，发布前请删除）',
      items: options.findings.map((f) => `[${f.code}] ${f.message}（位置：${f.at}）`),
    });
  }
  return blocks;
}
