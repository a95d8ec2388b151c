/**
 * Markdown and plain text. Neither can merge cells, so tables are printed flat: a merged
 * cell's text in its first position, blanks elsewhere (what gongkai and spreadsheets read back).
 */
import type { AnnualReport } from '../model/report.js';
import { blocksOf, type RenderOptions } from './blocks.js';
import { flatten } from './layout.js';

export function renderMarkdown(report: AnnualReport, options: RenderOptions = {}): string {
  const out: string[] = [];
  for (const b of blocksOf(report, options)) {
    if (b.kind === 'draftMark') out.push(`**${b.text}**`, '');
    else if (b.kind === 'title') out.push(`# ${b.text}`, '');
    else if (b.kind === 'heading') out.push(`## ${b.text}`, '');
    else if (b.kind === 'paragraph') out.push(b.text, '');
    else if (b.kind === 'signature') out.push(...b.lines.flatMap((l) => [l, '']));
    else if (b.kind === 'findings') out.push(`## ${b.title}`, '', ...b.items.map((i) => `- ${i}`), '');
    else {
      const flat = flatten(b.grid);
      const rows = flat.map((r) => `| ${r.map((c) => c.replace(/\|/g, '｜')).join(' | ')} |`);
      out.push(rows[0]!, `|${'---|'.repeat(flat[0]!.length)}`, ...rows.slice(1), '');
    }
  }
  return `${out.join('\n')}\n`;
}

export function renderText(report: AnnualReport, options: RenderOptions = {}): string {
  const out: string[] = [];
  for (const b of blocksOf(report, options)) {
    if (b.kind === 'draftMark') out.push(b.text, '');
    else if (b.kind === 'title') out.push(b.text, '');
    else if (b.kind === 'heading') out.push(b.text);
    else if (b.kind === 'paragraph') out.push(b.text);
    else if (b.kind === 'signature') out.push('', ...b.lines);
    else if (b.kind === 'findings') out.push('', b.title, ...b.items.map((i, n) => `${n + 1}. ${i}`));
    else out.push(...flatten(b.grid).map((r) => r.join('\t')), '');
  }
  return `${out.join('\n')}\n`;
}
