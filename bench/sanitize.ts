/**
 * The sanitiser of uploaded pages on hostile nesting: ~950 KB of nested HTML (the size that once
 * took 66 s) and its halves, so the times show the growth (linear: each doubling about doubles).
 */
import { sanitizeHtml } from '../src/read/sanitize.js';

export function benchSanitize(): void {
  for (const depth of [47_500, 95_000, 190_000]) {
    const shapes: [string, string][] = [
      ['嵌套 div nested divs', '<div>'.repeat(depth) + '字' + '</div>'.repeat(depth)],
      ['未闭合 + 无效结束标签 unclosed + stray end tags', '<div><span>'.repeat(depth / 2) + '字' + '</i>'.repeat(depth)],
    ];
    for (const [name, html] of shapes) {
      const start = performance.now();
      sanitizeHtml(html);
      const ms = performance.now() - start;
      console.log(`净化网页 sanitize ${name}, ${(html.length / 1024).toFixed(0)} KiB, 深度 depth ${depth}: ${ms.toFixed(0)} ms`);
    }
  }
}
