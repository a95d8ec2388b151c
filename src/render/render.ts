/** One entry for every output format. PDF needs a browser, which the caller supplies. */
import type { AnnualReport } from '../model/report.js';
import type { RenderOptions } from './blocks.js';
import { renderHtml } from './html.js';
import { renderMarkdown, renderText } from './text.js';

export const OUTPUT_FORMATS = ['html', 'docx', 'pdf', 'md', 'txt'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface Renderers {
  /** HTML → PDF (Chromium). */
  htmlToPdf?: (html: string) => Promise<Uint8Array>;
}

export async function render(report: AnnualReport, format: OutputFormat, options: RenderOptions = {}, tools: Renderers = {}): Promise<Uint8Array> {
  const text = (s: string) => new TextEncoder().encode(s);
  switch (format) {
    case 'html':
      return text(renderHtml(report, options));
    case 'md':
      return text(renderMarkdown(report, options));
    case 'txt':
      return text(renderText(report, options));
    case 'docx': // the docx library loads only when Word is asked for
      return (await import('./docx.js')).renderDocx(report, options);
    case 'pdf':
      if (!tools.htmlToPdf) throw new Error('生成 PDF 需要 Chromium 浏览器');
      return tools.htmlToPdf(renderHtml(report, options));
  }
}
