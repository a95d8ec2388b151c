/**
 * gongkai's own fixtures (test/fixtures/reports): fictional bodies written in our own words,
 * in every text layout and encoding we read. The expected numbers are the ones we wrote into
 * the fixtures' tables, typed here again by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/parse.js';
import { FIXTURES } from '../support/shared.js';
import { COLUMNS, expectYunling, row, YUNLING_NONZERO } from '../support/yunling.js';

const parse = (name: string) => parseBytes(readFileSync(join(FIXTURES, 'reports', name)));

const LAYOUTS: [string, string][] = [
  ['yunling-2024.tsv.txt', 'tab-separated rows, UTF-8'],
  ['yunling-2024.cells.gbk.txt', 'one cell per line, GB18030'],
  ['yunling-2024.md', 'markdown pipe tables, UTF-8 with BOM'],
  ['yunling-2024.pipes.utf16.txt', '`cell |` per line, UTF-16LE'],
];

describe('one report in four layouts and encodings', () => {
  for (const [file, layout] of LAYOUTS) {
    it(`${layout} parses to the same values`, () => {
      const { report: r, readable } = parse(file);
      expect(readable).toBe(true);
      expectYunling(r);
    });
  }
  it('reads the signing date where the report has one', () => {
    expect(parse('yunling-2024.tsv.txt').report.publishedOn).toBe('2025-01-20');
  });
});

describe('石泉街道 2024: the cell spellings real reports use', () => {
  const { report: r } = parse('shiquan-2024-defects.txt');
  it('reads full-width digits, a plus sign and a unit suffix as numbers', () => {
    expect(r.applications.newReceived!.naturalPerson).toBe(12);
    expect(r.provenance['applications.newReceived.naturalPerson']!.raw).toBe('１２');
    expect(r.applications.granted!.naturalPerson).toBe(7);
    expect(r.proactive.fees!.amount).toBe(251000);
    expect(r.provenance['proactive.fees.amount']!.raw).toBe('251000元');
  });
  it('keeps `/` and `—` as null with a VALUE.BLANK warning that keeps the raw token', () => {
    expect(r.proactive.regulations).toEqual({ issued: null, repealed: null, inForce: null });
    expect(r.proactive.coercion).toEqual({ decisions: null });
    expect(r.applications['notProcessed.duplicate']!.naturalPerson).toBeNull();
    const blanks = r.diagnostics.filter((d) => d.code === 'VALUE.BLANK');
    expect(blanks.map((d) => d.at)).toEqual([
      'proactive.regulations.issued', 'proactive.regulations.repealed', 'proactive.regulations.inForce',
      'proactive.coercion.decisions', 'applications.notProcessed.duplicate.naturalPerson',
    ]);
    expect(blanks.map((d) => d.raw)).toEqual(['/', '/', '/', '—', '/']);
  });
  it('reads the 小计 column but keeps it out of the seven keys', () => {
    expect(row(r, 'newReceived')).toEqual([12, 3, 0, 0, 1, 0, 16]);
    expect(Object.keys(r.applications.newReceived!)).toEqual(COLUMNS);
    expect(r.provenance['applications.newReceived.subtotal']!.raw).toBe('4');
  });
  it('keeps a single （六） row of a 2024 report under otherHandling', () => {
    expect(row(r, 'otherHandling')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(r, 'otherHandling.other')).toEqual(Array(7).fill(null));
  });
  it('reads a unit that is a 街道办事处', () => {
    expect(r.unit).toBe('石泉街道办事处');
  });
});

describe('青禾县林业局 2020: the 2019 template', () => {
  const { report: r } = parse('linye-2020-template2019.txt');
  it('recognises the 2019 table 二 by its headers, with signed changes and the procurement block', () => {
    expect(r.template).toBe('2019');
    expect(r.proactive).toEqual({
      regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
      normativeDocuments: { newlyMade: 1, newlyPublished: 1, totalPublished: 6 },
      licensing: { previousYear: 14, change: -3, decisions: 230 },
      otherServices: { previousYear: 5, change: 0, decisions: 12 },
      penalty: { previousYear: 40, change: 2, decisions: 17 },
      coercion: { previousYear: 3, change: 0, decisions: 0 },
      fees: { previousYear: 2, change: -1 },
      procurement: { projects: 6, amount: 128.5 },
    });
  });
  it('has 2019 table 三 rows: one （六）其他处理, no sub-rows, and no outdated-template warning', () => {
    expect(Object.keys(r.applications)).toContain('otherHandling');
    expect(Object.keys(r.applications)).not.toContain('otherHandling.other');
    expect(row(r, 'newReceived')).toEqual([3, 1, 0, 0, 0, 0, 4]);
    expect(row(r, 'unavailable.notHeld')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('STRUCT.TEMPLATE_OUTDATED');
  });
  it('reads the 2019 section titles and a date in Chinese numerals', () => {
    expect(r.sections[3]!.title).toBe('四、因政府信息公开工作被申请行政复议、提起行政诉讼情况');
    expect(r.publishedOn).toBe('2021-01-26');
    expect(r.unit).toBe('青禾县林业局');
  });
});

describe('a report mirrored in Traditional characters', () => {
  // Characters of the template labels, Simplified → Traditional, as mirrored government sites print them.
  const TRADITIONAL: Record<string, string> = {
    开: '開', 报: '報', 数: '數', 处: '處', 请: '請', 总: '總', 计: '計', 结: '結', 转: '轉', 续: '續', 办: '辦',
    现: '現', 业: '業', 构: '構', 织: '織', 获: '獲', 复: '復', 议: '議', 讼: '訟', 维: '維', 审: '審', 纠: '糾',
    规: '規', 范: '範', 许: '許', 罚: '罰', 费: '費', 额: '額', 废: '廢', 发: '發', 决: '決', 况: '況', 问: '問', 题: '題',
  };
  it('parses to the same values', () => {
    const text = readFileSync(join(FIXTURES, 'reports', 'yunling-2024.tsv.txt'), 'utf8').replace(/[\u4e00-\u9fff]/g, (c) => TRADITIONAL[c] ?? c);
    expect(text).toContain('總計');
    const r = parseBytes(new TextEncoder().encode(text)).report;
    expect(r.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const key of Object.keys(r.applications)) {
      expect(row(r, key), key).toEqual(YUNLING_NONZERO[key] ?? [0, 0, 0, 0, 0, 0, 0]);
    }
    expect(r.proactive.normativeDocuments).toEqual({ issued: 2, repealed: 1, inForce: 9 });
    expect(r.appeals.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
  });
});
