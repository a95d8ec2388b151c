/**
 * Is the report finished: drafting prompts and placeholders (TEXT.PLACEHOLDER), narrative
 * sections with a title and nothing else (STRUCT.SECTION_EMPTY), and the fee statement. Texts
 * of our own, then every real report we hold: none of them is unfinished, so none may be said
 * to be.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/ingest.js';
import type { AnnualReport } from '../../src/model/report.js';
import { parseBytes } from '../../src/parse.js';
import { checkReport } from '../../src/rules/check.js';
import { emptySectionFindings, placeholderFindings } from '../../src/rules/completeness.js';
import { FIXTURES, HAVE_SHARED, SHARED } from '../support/shared.js';

const base = () => parseBytes(readFileSync(join(FIXTURES, 'reports', 'yunling-2024.tsv.txt'))).report;

function withText(no: number, text: string, report = base()): AnnualReport {
  return { ...report, sections: report.sections.map((s) => (s.no === no ? { ...s, text } : s)) };
}

const placeholders = (r: AnnualReport) => placeholderFindings(r).map((f) => [f.at, f.found]);

describe('TEXT.PLACEHOLDER', () => {
  it('finds the prompts our own draft carries, as errors at their section', () => {
    let r = withText(1, '2024年，云岭镇做好政府信息公开工作。（请补充主动公开信息的数量、渠道和重点领域。）');
    r = withText(6, '（请说明信息处理费的收取情况。）', r);
    const f = checkReport(r).filter((x) => x.code === 'TEXT.PLACEHOLDER');
    expect(f.map((x) => [x.severity, x.at, x.found])).toEqual([
      ['error', 'sections.1', '（请补充主动公开信息的数量、渠道和重点领域。）'],
      ['error', 'sections.6', '（请说明信息处理费的收取情况。）'],
    ]);
    // The fee prompt says what to write instead, and no second finding says the fee is unreported.
    expect(f[1]!.message).toContain('《政府信息公开信息处理费管理办法》');
    expect(checkReport(r).map((x) => x.code)).not.toContain('TEXT.FEE_NOT_REPORTED');
  });

  it('finds letters and blanks standing for numbers and dates, and quotes what surrounds them', () => {
    const r = withText(1, '全年主动公开信息XX条，于X月X日召开会议，××村公开栏更新____次，共收到申请？件。');
    expect(placeholders(r)).toEqual([
      ['sections.1', 'XX条'],
      ['sections.1', 'X月X日'],
      ['sections.1', '××'],
      ['sections.1', '____次'],
      ['sections.1', '？件'],
    ]);
    expect(placeholderFindings(r)[0]!.message).toBe('第一部分“总体情况”留有占位符“XX条”（见“…全年主动公开信息XX条，于X月X日召开…”），应填写实际的数字或日期，否则会被原样发布');
  });

  it('finds a bracketed field name and a placeholder in the title', () => {
    const r = { ...withText(5, '【单位名称】将进一步加强公开栏管理。'), title: 'XX镇人民政府2024年政府信息公开工作年度报告' };
    expect(placeholders(r)).toEqual([
      ['sections.5', '【单位名称】'],
      ['title', 'XX'],
    ]);
  });

  it('leaves alone what real reports write: 7×24小时, web addresses, instructions to readers, 二○○一年', () => {
    const r = withText(
      1,
      '开通7×24小时政务服务热线，网址 http://gxj.wuhai.gov.cn/xxgk/（请登录网站查看），二○○一年制定的制度继续有效，X光机采购信息已公开，张某某的申请已办结。',
    );
    expect(placeholders(r)).toEqual([]);
  });
});

describe('STRUCT.SECTION_EMPTY', () => {
  it('is an error for 一 and 五, a warning for 六, and never for the tables 二–四', () => {
    let r = withText(1, '');
    r = withText(5, '  \n', r);
    r = withText(6, '', r);
    const f = emptySectionFindings(r).map((x) => [x.at, x.severity]);
    expect(f).toEqual([
      ['sections.1', 'error'],
      ['sections.5', 'error'],
      ['sections.6', 'warning'],
    ]);
    expect(emptySectionFindings(r)[0]!.message).toContain('第一部分“总体情况”只有标题');
  });

  it('takes sub-headings with nothing under them for no text', () => {
    expect(emptySectionFindings(withText(5, '（一）存在的主要问题\n（二）改进情况：')).map((x) => x.at)).toEqual(['sections.5']);
    expect(emptySectionFindings(withText(5, '（一）存在的主要问题\n公开栏更新不及时。\n（二）改进情况\n每月检查一次。'))).toEqual([]);
  });

  it('takes “无。” as text: section 六 may have nothing else to report', () => {
    expect(emptySectionFindings(withText(6, '无。'))).toEqual([]);
  });

  it('leaves a section that holds only a prompt to TEXT.PLACEHOLDER', () => {
    const r = withText(5, '（请根据2024年的实际情况填写存在的问题和2025年的改进措施。）');
    expect(checkReport(r).filter((x) => x.at === 'sections.5').map((x) => x.code)).toEqual(['TEXT.PLACEHOLDER']);
  });
});

describe('TEXT.FEE_NOT_REPORTED', () => {
  it('is a warning from report year 2021, when the fee measures took effect, and not before', () => {
    const r = withText(6, '无。');
    expect(checkReport(r).filter((x) => x.code === 'TEXT.FEE_NOT_REPORTED').map((x) => [x.severity, x.at])).toEqual([['warning', 'sections.6']]);
    expect(checkReport({ ...r, year: 2020 }).map((x) => x.code)).not.toContain('TEXT.FEE_NOT_REPORTED');
  });
  it('accepts a fee statement that does not name the fee (“未发生收费情况”)', () => {
    expect(checkReport(withText(6, '2024年度，本机关政府信息公开未发生收费情况。')).map((x) => x.code)).not.toContain('TEXT.FEE_NOT_REPORTED');
  });
});

/** Every readable report we hold from outside: the seeds, the real PDFs, the corpus and its conversions. */
function realReports(): string[] {
  return ['seeds', 'fixtures/real', 'corpus/reports', 'corpus/derived'].flatMap((dir) =>
    readdirSync(join(SHARED, dir))
      .filter((f) => !/\.(json|tsv|doc)$/.test(f))
      .map((f) => join(SHARED, dir, f)),
  );
}

describe.skipIf(!HAVE_SHARED)('the real reports', () => {
  it('hold no placeholder and no empty narrative section; no seed is said to lack text in 二–四', async () => {
    const seen: string[] = [];
    const said: string[] = [];
    for (const file of realReports()) {
      const parsed = await parseFile(new Uint8Array(readFileSync(file)));
      if (!parsed.readable) continue;
      seen.push(file);
      for (const f of checkReport(parsed.report)) {
        if (f.code === 'TEXT.PLACEHOLDER' || f.code === 'STRUCT.SECTION_EMPTY') said.push(`${file} ${f.code} ${f.at} ${f.found ?? ''}`);
      }
    }
    // 5 seeds, 3 PDFs, 24 corpus reports and 4 conversions (the two .doc need LibreOffice).
    expect(seen.length).toBeGreaterThanOrEqual(35);
    expect(said).toEqual([]);
  }, 120_000);
});
