/**
 * HTML that pastes into a portal CMS: one self-contained page, no scripts, an inline style
 * sheet following the conventions of official documents (GB/T 9704: 方正小标宋 title, 黑体
 * headings, 仿宋 body, with fallbacks that exist on common machines), a print style sheet for A4.
 */
import type { AnnualReport } from '../model/report.js';
import { blocksOf, titleOf, type Block, type RenderOptions } from './blocks.js';
import type { Grid } from './layout.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const STYLE = `
body { margin: 0; background: #fff; color: #000; }
article { max-width: 46em; margin: 2em auto; padding: 0 1em; font: 16pt/1.6 "仿宋_GB2312", "仿宋", FangSong, "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif; }
h1 { font: 22pt/1.5 "方正小标宋简体", "方正小标宋_GBK", "华文中宋", "STZhongsong", "Noto Serif CJK SC", serif; text-align: center; margin: 1em 0; }
h2 { font: 16pt/1.6 "黑体", SimHei, "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; margin: 1em 0 0.5em; }
p { text-indent: 2em; margin: 0; }
table { border-collapse: collapse; table-layout: fixed; width: 100%; margin: 0.5em 0 1em; font-size: 10.5pt; line-height: 1.4; word-break: break-all; }
th, td { border: 1px solid #000; padding: 0.2em 0.3em; text-align: center; vertical-align: middle; }
td.label { text-align: left; }
.signature { text-align: right; margin-top: 2em; }
.signature p { text-indent: 0; }
.draft-mark { text-indent: 0; text-align: right; color: #b00; font: bold 16pt/1.6 "黑体", SimHei, "Noto Sans CJK SC", sans-serif; margin: 0; }
.findings { margin-top: 3em; border-top: 2px dashed #b00; color: #b00; font-size: 12pt; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print { article { max-width: none; margin: 0; padding: 0; } table { page-break-inside: auto; } tr { page-break-inside: avoid; } }
`;

function table(grid: Grid, caption: string, widths: readonly number[]): string {
  const cols = `<colgroup>${widths.map((w) => `<col style="width:${w.toFixed(2)}%">`).join('')}</colgroup>`;
  const rows = grid.map((row) => {
    const cells = row.map((c) => {
      const tag = c.role === 'head' ? 'th' : 'td';
      const attrs = [
        c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '',
        c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '',
        c.role === 'label' ? ' class="label"' : '',
        c.path ? ` data-path="${c.path}"` : '',
      ].join('');
      return `<${tag}${attrs}>${escape(c.text)}</${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table aria-label="${caption}">${cols}\n${rows.join('\n')}\n</table>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<h1>${escape(b.text)}</h1>`;
    case 'heading':
      return `<h2>${escape(b.text)}</h2>`;
    case 'paragraph':
      return `<p>${escape(b.text)}</p>`;
    case 'table':
      return table(b.grid, b.caption, b.widths);
    case 'signature':
      return `<div class="signature">${b.lines.map((l) => `<p>${escape(l)}</p>`).join('')}</div>`;
    case 'draftMark':
      return `<p class="draft-mark">${escape(b.text)}</p>`;
    case 'findings':
      return `<section class="findings"><h2>${escape(b.title)}</h2><ol>${b.items.map((i) => `<li>${escape(i)}</li>`).join('')}</ol></section>`;
  }
}

export function renderHtml(report: AnnualReport, options: RenderOptions = {}): string {
  const body = blocksOf(report, options).map(block).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="generator" content="gongkai">
<title>${options.draft ? '【草稿】' : ''}${escape(titleOf(report))}</title>
<style>${STYLE}</style>
</head>
<body>
<article>
${body}
</article>
</body>
</html>
`;
}
