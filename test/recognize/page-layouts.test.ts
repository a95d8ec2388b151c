/**
 * Layouts met in real reports kept aside (see bench/reading/run.ts --dir), each rewritten as a
 * fixture of our own: fictional bodies, our own sentences, numbers we chose. The expected values
 * are the ones written into the fixtures, typed here again by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../src/model/report.js';
import { parseBytes } from '../../src/parse.js';
import { FIXTURES } from '../support/shared.js';

const parse = (name: string) => parseBytes(readFileSync(join(FIXTURES, 'reports', name))).report;
const codesAt = (r: AnnualReport, at: string) => r.diagnostics.filter((d) => d.at === at).map((d) => d.code);

describe('禾木镇 2020: a row the template does not have, under a page metadata block', () => {
  const r = parse('hemu-2020-extra-row.txt');

  it('keeps 其他主动公开文件 out of 规范性文件 and reads every template row', () => {
    expect(r.template).toBe('2019');
    expect(r.proactive).toEqual({
      regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
      normativeDocuments: { newlyMade: 4, newlyPublished: 4, totalPublished: 27 },
      licensing: { previousYear: 6, change: 1, decisions: 52 },
      otherServices: { previousYear: 2, change: 0, decisions: 9 },
      penalty: { previousYear: 3, change: 0, decisions: 5 },
      coercion: { previousYear: 0, change: 0, decisions: 0 },
      fees: { previousYear: 1, change: 0 },
      procurement: { projects: 2, amount: 36.5 },
    });
  });

  it('says which row was left unread, with its numbers', () => {
    const extra = r.diagnostics.find((d) => d.code === 'TABLE.EXTRA_ROW');
    expect(extra?.severity).toBe('warning');
    expect(extra?.at).toBe('proactive');
    expect(extra?.message).toContain('其他主动公开文件');
    expect(extra?.message).toContain('40 38 112');
  });

  it('takes the body from the title, not from the 发布机构 field above it', () => {
    expect(r.unit).toBe('禾木镇人民政府');
    expect(r.year).toBe(2020);
  });
});

describe('松林县水务局 2022: one flip-book page that opens inside table 三', () => {
  const r = parse('songlin-2022-flipbook-page.txt');

  it('reads the page number as no part of the title or the body', () => {
    expect(r.title).toBe('松林县水务局2022年政府信息公开工作年度报告');
    expect(r.unit).toBe('松林县水务局');
    expect(r.year).toBe(2022);
  });

  it('reads the last rows of table 三 above the first heading of the page', () => {
    expect(r.applications.total).toEqual({
      naturalPerson: 4, commercial: 1, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0, total: 5,
    });
    expect(r.applications.carriedForward).toEqual({
      naturalPerson: 1, commercial: 0, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0, total: 1,
    });
  });

  it('leaves the rows the page does not show empty, each with an error', () => {
    expect(r.applications.granted!.naturalPerson).toBeNull();
    expect(codesAt(r, 'applications.granted')).toContain('STRUCT.ROW_MISSING');
    expect(codesAt(r, 'proactive')).toContain('STRUCT.TABLE_MISSING');
  });

  it('finds section 四 under a heading written without its 、, and reads table 四 under two-line headers', () => {
    expect(r.sections.map((s) => s.no)).toEqual([4, 5]);
    expect(r.appeals).toEqual({
      reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      litigationDirect: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 },
      litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    });
  });
});

describe('清河县文化和旅游局 2023: a portal page with a blank line between all lines', () => {
  const r = parse('qinghe-2023-blank-lines.txt');

  it('joins the title wrapped over a blank line, and takes the body from it', () => {
    expect(r.title).toBe('清河县文化和旅游局2023年政府信息公开工作年度报告');
    expect(r.unit).toBe('清河县文化和旅游局');
    expect(r.year).toBe(2023);
  });

  it('reads table 二 one cell per line', () => {
    expect(r.proactive).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 1, repealed: 0, inForce: 3 },
      licensing: { decisions: 26 },
      penalty: { decisions: 4 },
      coercion: { decisions: 0 },
      fees: { amount: 0 },
    });
  });
});

describe('an untitled excerpt that cites last year\'s report', () => {
  const r = parse('wenbo-2022-untitled.txt');

  it('takes the year from the text, not from the 《…2021年…》 it cites', () => {
    expect(r.year).toBe(2022);
    expect(r.diagnostics.find((d) => d.code === 'META.YEAR_FROM_TEXT')?.message).toContain('2022');
    expect(r.proactive.normativeDocuments).toEqual({ issued: 1, repealed: 1, inForce: 17 });
  });
});

describe('portal pages: what is not a title, and what is not the body', () => {
  it('leaves a portal label (访问量:) under the title out of it', () => {
    const r = parse('zhongxi-2020-portal-label.txt');
    expect(r.title).toBe('中溪乡2020年政府信息公开工作年度报告');
    expect(r.unit).toBe('中溪乡');
    expect(r.proactive.normativeDocuments).toEqual({ newlyMade: 2, newlyPublished: 2, totalPublished: 9 });
  });

  it('takes neither a sentence (现将…公布如下…:) for the title nor a website\'s owner for the body', () => {
    const r = parse('pingchuan-2021-untitled-sentence.txt');
    expect(r.title).toBeNull();
    expect(r.unit).toBeNull();
    expect(r.diagnostics.find((d) => d.code === 'META.UNIT_MISSING')?.severity).toBe('error');
    expect(r.year).toBe(2021);
    expect(r.proactive.normativeDocuments).toEqual({ issued: 2, repealed: 0, inForce: 5 });
  });
});
