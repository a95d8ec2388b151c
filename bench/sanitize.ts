/**
 * The sanitiser and the HTML reader of uploaded pages on hostile nesting: ~950 KB of nested HTML (the size that once
 * took 66 s) and its halves, so the times show the growth (linear: each doubling about doubles).
 */
import { readHtml } from '../src/read/html.js';
import { sanitizeHtml } from '../src/read/sanitize.js';

export function benchSanitize(): void {
  for (const depth of [47_500, 95_000, 190_000]) {
    const shapes: [string, string][] = [
      ['嵌套 div nested divs', '<div>'.repeat(depth) + '字' + '</div>'.repeat(depth)],
      ['未闭合 + 无效结束标签 unclosed + stray end tags', '<div><span>'.repeat(depth / 2) + '字' + '</i>'.repeat(depth)],
    ];
    for (const [name, html] of shapes) {
      let start = performance.now();
      sanitizeHtml(html);
      const sanitizeMs = performance.now() - start;
      start = performance.now();
      readHtml(html);
      const readMs = performance.now() - start;
      console.log(`网页 HTML ${name}, ${(html.length / 1024).toFixed(0)} KiB, 深度 depth ${depth}: 净化 sanitize ${sanitizeMs.toFixed(0)} ms, 读取 read ${readMs.toFixed(0)} ms`);
    }
  }
}
