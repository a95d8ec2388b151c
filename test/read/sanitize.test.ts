/**
 * The sanitiser of uploaded pages, attacked directly: whatever goes in, what comes out has no
 * script, no event handler, no URL, no style, and keeps the report's text and table structure.
 */
import { describe, expect, it } from 'vitest';
import { sanitizedPage, sanitizeHtml } from '../../src/read/sanitize.js';

/** Nothing executable or addressable may survive, in any spelling. */
function expectInert(html: string): void {
  const lower = html.toLowerCase();
  for (const bad of ['<script', '<svg', '<img', '<iframe', '<object', '<embed', '<a ', '<a>', '<style', '<link', '<meta', '<base', '<form', '<math']) {
    expect(lower, bad).not.toContain(bad);
  }
  expect(lower).not.toMatch(/\son\w+\s*=/);
  expect(lower).not.toMatch(/\s(href|src|style|action|formaction|srcdoc|xlink:href|data)\s*=/);
  // Every attribute left is a number in quotes or our own cell id.
  for (const m of html.matchAll(/<\w+([^>]*)>/g)) {
    expect(m[1]!.replace(/\s(rowspan|colspan)="\d+"/g, '').replace(/\sid="c\d+-\d+"/g, '')).toBe('');
  }
}

describe('sanitizeHtml', () => {
  it('drops scripts with their content, in any case, and keeps the surrounding text', () => {
    const out = sanitizeHtml('<p>一、总体情况</p><script>window.__pwned=1;alert(1)</script><SCRIPT type="text/javascript">alert(2)</SCRIPT><p>二</p>');
    expect(out).toBe('<p>一、总体情况</p><p>二</p>');
    expectInert(out);
  });

  it('removes event handlers, style and every URL attribute', () => {
    const out = sanitizeHtml('<div onclick="alert(1)" style="background:url(javascript:alert(2))" class="x" id="y"><span onmouseover=alert(3)>文字</span></div>');
    expect(out).toBe('<div><span>文字</span></div>');
  });

  it('turns links into their text: javascript:, entity-encoded javascript&#58; and a leading space', () => {
    const out = sanitizeHtml(
      '<a href="javascript:alert(1)">网站地图</a> <a href="java&#115;cript&#58;alert(2)">首页</a> <a href=" javascript:alert(3)">指南</a> <A HREF="JaVaScRiPt:alert(4)">大写</A>',
    );
    expect(out).toBe('网站地图 首页 指南 大写');
    expect(out.toLowerCase()).not.toContain('javascript');
  });

  it('drops <img onerror> and <svg onload> with their content', () => {
    const out = sanitizeHtml('<p>前<img src=x onerror="alert(1)">后</p><svg onload="alert(2)"><text>图中文字</text><script>alert(3)</script></svg><p>尾</p>');
    expect(out).toBe('<p>前后</p><p>尾</p>');
    expectInert(out);
  });

  it('drops iframes, objects, embeds, forms controls, meta refresh, base and link', () => {
    const out = sanitizeHtml(
      '<head><meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="http://evil.example/"><link rel="stylesheet" href="http://evil.example/x.css"><title>标题</title></head>' +
        '<body onload="alert(2)"><iframe src="javascript:alert(3)">框内</iframe><object data="x.swf">对象</object><embed src="x.swf">' +
        '<form action="http://evil.example/"><input name="q" value="输入"><button formaction="javascript:alert(4)">按钮</button></form><p>正文</p></body>',
    );
    expect(out).toBe('<p>正文</p>');
  });

  it('removes comments, CDATA and conditional comments', () => {
    const out = sanitizeHtml('<p>甲<!-- <script>alert(1)</script> -->乙<![CDATA[<img src=x onerror=alert(2)>]]>丙<!--[if IE]><script>alert(3)</script><![endif]--></p>');
    expect(out).toBe('<p>甲乙丙</p>');
  });

  it('keeps tables with numeric rowspan/colspan only, and drops other values', () => {
    const out = sanitizeHtml('<table border=1 style="x"><tr><TD ROWSPAN="2" colspan=3 width=10>甲</TD><td rowspan="2 onmouseover=alert(1)" colspan="-1">乙</td><th colspan="1">丙</th></tr></table>');
    expect(out).toBe('<table><tr><td rowspan="2" colspan="3">甲</td><td>乙</td><th>丙</th></tr></table>');
  });

  it('escapes text again, so decoded entities never become markup', () => {
    const out = sanitizeHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 5 &gt; 3</p>');
    expect(out).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 5 &gt; 3</p>');
  });

  it('closes unclosed tags and ignores stray closing tags', () => {
    const out = sanitizeHtml('<div><p>一<b>二<table><tr><td>三</div></span></b>四');
    expect(out.match(/<(\w+)/g)!.length).toBe(out.match(/<\/(\w+)/g)!.length);
    expect(out.replace(/<[^>]+>/g, '')).toBe('一二三四');
  });

  it('drops the rest of the page after an unclosed script rather than show it as markup', () => {
    const out = sanitizeHtml('<p>正文</p><script>alert(1)<p>之后</p>');
    expect(out).toBe('<p>正文</p>');
  });

  it('drops mutation-XSS shapes built on foreign content (math, svg, noscript)', () => {
    const out = sanitizeHtml(
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>' +
        '<noscript><p title="</noscript><img src=x onerror=alert(2)>"></p></noscript><svg><p><style><img src=x onerror=alert(3)></style></p></svg><p>完</p>',
    );
    expectInert(out);
    expect(out).toContain('<p>完</p>');
  });

  it('gives each table cell the id of its source position when asked', () => {
    const out = sanitizeHtml('<table>\n<tr><td>甲</td>\n  <td onclick="x">7</td></tr></table>', { cellIds: true });
    expect(out).toBe('<table>\n<tr><td id="c2-5">甲</td>\n  <td id="c3-3">7</td></tr></table>');
  });
});

// The HTML reader walks the same tree (src/read/html-tree.ts): these counts stand for it too.
describe('sanitizeHtml on deeply nested pages (work linear in the input, counted, never timed)', () => {
  /** Hostile shapes at nesting depth n: each should cost a bounded number of steps per tag. */
  const shapes: Record<string, (n: number) => string> = {
    'nested divs, all closed': (n) => '<div>'.repeat(n) + '字' + '</div>'.repeat(n),
    'open elements and end tags that close nothing': (n) => '<div><span>'.repeat(n / 2) + '字' + '</i>'.repeat(n),
    'each end tag naming the outermost element': (n) => '<b>' + '<i><u>'.repeat(n / 2) + '</b>'.repeat(n),
    'script openers never closed': (n) => '<p>前</p>' + '<script><svg>'.repeat(n / 2),
    'table cells without end tags': (n) => '<table><tr>' + '<td>格'.repeat(n) + '</table>',
  };

  for (const [shape, make] of Object.entries(shapes)) {
    it(`${shape}: doubling the depth at most doubles the steps`, () => {
      const steps = [10_000, 20_000, 40_000].map((n) => {
        const counter = { count: 0 };
        sanitizeHtml(make(n), { steps: counter });
        return counter.count;
      });
      // A quadratic builder would take about 4× the steps at each doubling; a linear one 2×.
      expect(steps[1]! / steps[0]!).toBeLessThan(2.2);
      expect(steps[2]! / steps[1]!).toBeLessThan(2.2);
      // And a few steps per tag: at most 4 per tag at depth 40,000 (at most 3 tags per unit).
      expect(steps[2]!).toBeLessThan(4 * 3 * 40_000);
    });
  }

  it('keeps the structure of a deep page balanced, whatever its depth', () => {
    const out = sanitizeHtml('<div><span>'.repeat(20_000) + '字' + '</i>'.repeat(5));
    expect(out.match(/<div>/g)!.length).toBe(20_000);
    expect(out.match(/<\/div>/g)!.length).toBe(20_000);
    expect(out.replace(/<[^>]+>/g, '')).toBe('字');
  });

  it('closes implied table cells instead of nesting them', () => {
    expect(sanitizeHtml('<table><tr><td>甲<td>乙<tr><td>丙</table>')).toBe('<table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td></tr></table>');
  });
});

describe('sanitizedPage', () => {
  it('wraps the fragment in a page with our style sheet only', () => {
    const page = sanitizedPage('<p>正文</p>', '#c2-5 { background: #fff3bf; }');
    expect(page).toContain('<body><p>正文</p></body>');
    expect(page).toContain('#c2-5 { background: #fff3bf; }');
    expect(page).not.toContain('<script');
  });
});
