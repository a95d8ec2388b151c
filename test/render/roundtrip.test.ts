/**
 * Round trip: what gongkai writes, gongkai reads back to the same model — for every fixture and
 * for randomly generated valid models, in HTML, Markdown, text and Word (PDF through Chromium
 * for the fixtures, when the browser is installed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chromiumPath, htmlToPdf } from '../../src/adapters/chromium.js';
import { parseFile } from '../../src/ingest.js';
import { emptyReport, type AnnualReport } from '../../src/model/report.js';
import { titleOf } from '../../src/render/blocks.js';
import { render, type OutputFormat } from '../../src/render/render.js';
import { toSimplified } from '../../src/template/normalize.js';
import { outcomeRowKeys } from '../../src/template/templates.js';
import { FIXTURES, HAVE_SHARED, seedPath } from '../support/shared.js';

/**
 * What a round trip must keep: the metadata that identifies the report, the text of each
 * section (line breaks aside) and every cell. A report without a title gets the template's
 * (unit + year + 年政府信息公开工作年度报告), as the official layout requires one. Chromium's PDF
 * text layer gives some shared CJK glyphs a Traditional code point (户 → 戶); text is compared
 * in Simplified form for that reason alone.
 */
function essence(r: AnnualReport) {
  return {
    unit: r.unit,
    year: r.year,
    template: r.template,
    title: titleOf(r),
    publishedOn: r.publishedOn,
    sections: r.sections.map((s) => ({ no: s.no, text: toSimplified(s.text.replace(/\s+/g, '')) })),
    proactive: r.proactive,
    applications: r.applications,
    appeals: r.appeals,
  };
}

async function roundTrip(model: AnnualReport, format: OutputFormat): Promise<AnnualReport> {
  const bytes = await render(model, format, {}, { htmlToPdf });
  const back = await parseFile(bytes);
  expect(back.readable, format).toBe(true);
  return back.report;
}

const FIXTURE_FILES = [
  join(FIXTURES, 'reports', 'yunling-2024.tsv.txt'),
  join(FIXTURES, 'reports', 'shiquan-2024-defects.txt'),
  join(FIXTURES, 'reports', 'linye-2020-template2019.txt'),
  ...(HAVE_SHARED ? ['000_', '001_', '002_', '003_', '004_'].map(seedPath) : []),
];

describe('every fixture survives a round trip through every format', () => {
  for (const file of FIXTURE_FILES) {
    it(`${file.split('/').pop()}`, async () => {
      const model = (await parseFile(readFileSync(file))).report;
      for (const format of ['html', 'md', 'txt', 'docx'] as const) {
        expect(essence(await roundTrip(model, format)), format).toEqual(essence(model));
      }
    });
  }

  it.skipIf(!chromiumPath())('and through PDF printed by Chromium', async () => {
    for (const file of FIXTURE_FILES.slice(0, 3)) {
      const model = (await parseFile(readFileSync(file))).report;
      expect(essence(await roundTrip(model, 'pdf')), file).toEqual(essence(model));
    }
  }, 120_000);
});

const UNITS = ['青禾县云岭镇人民政府', '石泉街道办事处', '青禾县林业局', '青禾县人民政府', '南屏乡人民政府'];
const SENTENCES = [
  '全年在门户网站发布各类信息一百余条。',
  '坚持先审查后公开，落实三级审核制度。',
  '在便民服务中心设置政务公开查阅点。',
  '下一步将加强业务培训，提升信息质量。',
  '本年度未收取信息处理费。',
];

/** A consistent 2021 model: random outcomes and carry-overs, the totals and 新收 derived. */
const arbitraryModel = fc
  .record({
    unit: fc.constantFrom(...UNITS),
    year: fc.integer({ min: 2021, max: 2026 }),
    cells: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 200, maxLength: 200 }),
    proactive: fc.array(fc.integer({ min: 0, max: 99999 }), { minLength: 9, maxLength: 9 }),
    fee: fc.integer({ min: 0, max: 99999 }).map((n) => n / 100),
    text: fc.array(fc.constantFrom(...SENTENCES), { minLength: 6, maxLength: 6 }),
  })
  .map(({ unit, year, cells, proactive, fee, text }) => {
    const r = emptyReport('2021');
    let k = 0;
    const next = () => cells[k++ % cells.length]! % 7;
    const keys = Object.keys(r.applications);
    const parts = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'];
    for (const row of [...outcomeRowKeys(keys), 'carriedOver', 'carriedForward']) {
      for (const c of parts) r.applications[row]![c] = next();
    }
    for (const c of parts) {
      const total = outcomeRowKeys(keys).reduce((n, row) => n + r.applications[row]![c]!, 0);
      r.applications.total![c] = total;
      const carried = Math.min(r.applications.carriedOver![c]!, total + r.applications.carriedForward![c]!);
      r.applications.carriedOver![c] = carried;
      r.applications.newReceived![c] = total + r.applications.carriedForward![c]! - carried;
    }
    for (const row of keys) r.applications[row]!.total = parts.reduce((n, c) => n + r.applications[row]![c]!, 0);
    for (const g of Object.keys(r.appeals)) {
      const v = [next(), next(), next(), next()];
      r.appeals[g] = { upheld: v[0]!, corrected: v[1]!, other: v[2]!, pending: v[3]!, total: v[0]! + v[1]! + v[2]! + v[3]! };
    }
    const [a, b, c, d, e, f, g, h, i] = proactive;
    r.proactive = {
      regulations: { issued: a! % 5, repealed: b! % 5, inForce: c! % 50 },
      normativeDocuments: { issued: d! % 30, repealed: e! % 30, inForce: f! % 300 },
      licensing: { decisions: g! }, penalty: { decisions: h! }, coercion: { decisions: i! % 1000 }, fees: { amount: fee },
    };
    r.unit = unit;
    r.year = year;
    r.title = `${unit}${year}年政府信息公开工作年度报告`;
    r.publishedOn = `${year + 1}-01-2${year % 8}`;
    r.sections = [1, 2, 3, 4, 5, 6].map((no) => ({ no, title: '', text: text[no - 1]! }));
    return r;
  });

describe('random valid models survive a round trip', () => {
  const formats: [OutputFormat, number][] = [['html', 200], ['md', 200], ['txt', 200], ['docx', 25]];
  // Each PDF starts a browser (about a second): a handful of random models, when Chromium is there.
  if (chromiumPath()) formats.push(['pdf', 5]);
  for (const [format, runs] of formats) {
    it(`through ${format} (${runs} models)`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitraryModel, async (model) => {
          expect(essence(await roundTrip(model, format))).toEqual(essence(model));
        }),
        { numRuns: runs },
      );
    }, 120_000);
  }
});
