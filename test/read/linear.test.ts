/**
 * Issue 17: the sanitiser and every reader take work linear in their input, so no upload can
 * cost the square of its size. Where the work can be counted it is counted (the HTML reader's
 * tree walk, like the sanitiser's in sanitize.test.ts); the text reader with the recogniser,
 * and the PDF reader, are compared by CPU time at one size and four times it — the least of
 * several runs, against a bound (8×) halfway between linear (4×) and quadratic (16×) — a ratio,
 * never a wall time.
 */
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/parse.js';
import { readHtml } from '../../src/read/html.js';
import { readPdf } from '../../src/read/pdf.js';
import { paddedReport, textPdf } from '../support/hostile.js';

/** The least CPU time of `runs` runs of `work`, in ms. */
async function cpuMs(work: () => unknown, runs = 5): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    await work();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('the HTML reader on hostile pages (steps counted)', () => {
  const shapes: Record<string, (n: number) => string> = {
    'nested divs': (n) => '<div>'.repeat(n) + '字' + '</div>'.repeat(n),
    'table cells without end tags': (n) => '<table><tr>' + '<td>格'.repeat(n) + '</table>',
    'rows of a table': (n) => '<table>' + '<tr><td>甲</td><td>1</td></tr>'.repeat(n) + '</table>',
    'end tags that close nothing': (n) => '<p>' + '</i>'.repeat(n),
  };
  for (const [shape, make] of Object.entries(shapes)) {
    it(`${shape}: doubling the input at most doubles the steps`, () => {
      const steps = [10_000, 20_000, 40_000].map((n) => {
        const counter = { count: 0 };
        readHtml(make(n), counter);
        return counter.count;
      });
      expect(steps[1]! / steps[0]!).toBeLessThanOrEqual(2.1);
      expect(steps[2]! / steps[1]!).toBeLessThanOrEqual(2.1);
    });
  }
});

describe('the text reader and recogniser, and the PDF reader (CPU time at 1× and 4×)', () => {
  it('a report padded with narrative: four times the text, well under sixteen times the time', async () => {
    const small = paddedReport(60_000, 1);
    const large = paddedReport(240_000, 1);
    parseBytes(small); // modules and caches warm
    const ratio = (await cpuMs(() => parseBytes(large))) / (await cpuMs(() => parseBytes(small)));
    expect(ratio).toBeLessThan(8);
  }, 120_000);

  it('a PDF: four times the pages, well under sixteen times the time', async () => {
    const small = textPdf(10, 40);
    const large = textPdf(40, 40);
    await readPdf(small);
    const ratio = (await cpuMs(() => readPdf(large), 3)) / (await cpuMs(() => readPdf(small), 3));
    expect(ratio).toBeLessThan(8);
  }, 120_000);

  it('a PDF: four times the lines on a page, well under sixteen times the time', async () => {
    const small = textPdf(2, 150);
    const large = textPdf(2, 600);
    await readPdf(small);
    const ratio = (await cpuMs(() => readPdf(large), 3)) / (await cpuMs(() => readPdf(small), 3));
    expect(ratio).toBeLessThan(8);
  }, 120_000);
});
