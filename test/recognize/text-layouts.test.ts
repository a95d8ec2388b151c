/**
 * Hard text layouts met in real reports, each written here as a fixture of our own: our own
 * sentences and bodies, the real layout, numbers we chose and typed by hand. Each one checks the
 * values a reader of the source would see, and that a value not placed by its label says so.
 */
import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../src/model/report.js';
import { parseText } from '../../src/parse.js';

const COLUMNS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
const row = (r: AnnualReport, key: string) => COLUMNS.map((c) => r.applications[key]?.[c]);
const diag = (r: AnnualReport, code: string, at: string) => r.diagnostics.filter((d) => d.code === code && d.at === at);
const via = (r: AnnualReport, path: string) => r.provenance[path]?.via;

describe('a column-number row leaked into every data row (PDF-to-markdown)', () => {
  const text = [
    '三、收到和处理政府信息公开申请情况',
    '| 类别 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
    '|---|---|---|---|---|---|---|---|',
    '| 一、本年新收政府信息公开申请数量 | 1 | 2 | 3 | 4 | 5 | 6 | 12 | 3 | 0 | 0 | 1 | 0 | 16 |',
    '| 二、上年结转政府信息公开申请数量 | 1 | 2 | 3 | 4 | 5 | 6 | 2 | 0 | 0 | 0 | 0 | 0 | 3 |',
    '| （一）予以公开 | 1 | 2 | 3 | 4 | 5 | 6 | 9 | 1 | 0 | 0 | 0 | 0 | 10 | 1 | 2 | 3 | 4 | 5 | 6 |',
    '| 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 2 | 3 | 4 | 5 | 6 |',
  ].join('\n');
  const r = parseText(text).report;

  it('takes the column numbers out when exactly one reading has a row total that holds', () => {
    expect(row(r, 'newReceived')).toEqual([12, 3, 0, 0, 1, 0, 16]);
    expect(row(r, 'granted')).toEqual([9, 1, 0, 0, 0, 0, 10]); // leaked twice: before and after
    expect(row(r, 'withheld.adminQuery')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('says so on the row, and marks each value as chosen among readings', () => {
    expect(diag(r, 'TABLE.COLUMNS_CHOSEN', 'applications.newReceived').map((d) => d.severity)).toEqual(['warning']);
    expect(via(r, 'applications.newReceived.total')).toBe('columns');
  });

  it('leaves a row blank with an error when no reading holds (2 ≠ 3 here)', () => {
    expect(row(r, 'carriedOver')).toEqual([null, null, null, null, null, null, null]);
    expect(diag(r, 'TABLE.ROW_LONG', 'applications.carriedOver').map((d) => d.severity)).toEqual(['error']);
  });
});

describe('crawled text whose cell boundaries vanished', () => {
  // 予以公开 110000011 reads two ways whose row totals hold (1|10|…|11 and 11|0|…|11): the column
  // of 自然人 decides, 81 = 11 + 60 + 10.
  const text = [
    '三、收到和处理政府信息公开申请情况',
    '申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计',
    '一、本年新收政府信息公开申请数量 801000081',
    '二、上年结转政府信息公开申请数量 2000002',
    '三、本年度办理结果（一）予以公开 110000011',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0000000',
    '1.属于国家秘密 0000000',
    '2.其他法律行政法规禁止公开 0000000',
    '3.危及“三安全一稳定” 0000000',
    '4.保护第三方合法权益 0000000',
    '5.属于三类内部事务信息 0000000',
    '6.属于四类过程性信息 0000000',
    '7.属于行政执法案卷 0000000',
    '8.属于行政查询事项 0000000',
    '1.本机关不掌握相关政府信息 601000061',
    '2.没有现成信息需要另行制作 0000000',
    '3.补正后申请内容仍不明确 0000000',
    '1.信访举报投诉类申请 0000000',
    '2.重复申请 0000000',
    '3.要求提供公开出版物 0000000',
    '4.无正当理由大量反复申请 0000000',
    '5.要求行政机关确认或重新出具已获取信息 0000000',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0000000',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0000000',
    '3.其他 100000010',
    '（七）总计 811000082',
    '四、结转下年度继续办理 1000001',
    '四、政府信息公开行政复议、行政诉讼情况',
  ].join('\n');
  const r = parseText(text).report;

  it('cuts each run the one way its row total allows (801000081 = 80|1|0|0|0|0|81)', () => {
    expect(row(r, 'newReceived')).toEqual([80, 1, 0, 0, 0, 0, 81]);
    expect(row(r, 'unavailable.notHeld')).toEqual([60, 1, 0, 0, 0, 0, 61]);
    expect(row(r, 'total')).toEqual([81, 1, 0, 0, 0, 0, 82]);
    expect(row(r, 'carriedForward')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('lets the column totals choose between two cuts whose row totals both hold', () => {
    expect(row(r, 'granted')).toEqual([11, 0, 0, 0, 0, 0, 11]);
  });

  it('says so on every row it cut, as a warning, and marks the values as split', () => {
    const cut = r.diagnostics.filter((d) => d.code === 'TABLE.DIGITS_SPLIT');
    expect(cut.length).toBe(25);
    expect(cut.every((d) => d.severity === 'warning')).toBe(true);
    expect(via(r, 'applications.granted.naturalPerson')).toBe('split');
  });

  it('leaves an ambiguous run blank, with an error, when the columns cannot decide', () => {
    const alone = parseText(['三、收到和处理政府信息公开申请情况', '申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计', '（一）予以公开 110000011', '四、政府信息公开行政复议、行政诉讼情况'].join('\n')).report;
    expect(row(alone, 'granted')).toEqual([null, null, null, null, null, null, null]);
    expect(diag(alone, 'TABLE.DIGITS_SPLIT', 'applications.granted').map((d) => d.severity)).toEqual(['error']);
  });
});

describe('the 2019 table 二 in pipe rows, as a Traditional-Chinese mirror with glosses and filling instructions', () => {
  const text = [
    '本局依照條例編制本年度報告如下。',
    '第二十條第(一)項 | |||||',
    '信息內容 | 本年新 製作數量 | 本年新 公開數量 | 對外公開總數量 | ||',
    '規章(guī zhāng)(設區的市人民政府填寫) | 1 | 1 | 4 | ||',
    '規範性檔案(填寫本機關制發的規範性檔案) | 3 | 2 | 17 | ||',
    '其他主動公開檔案(參考本機關平台欄目數據) | 120 | 40 | 300 | ||',
    '第二十條第(五)項 | |||||',
    '信息內容 | 上一年項目數量(指上年事項數) | 本年增/減(減用負值表示,如-3) | 處理決定數量(指本年辦件量) | ||',
    '行政許可(xíng zhèng xǔ kě) | 12 | -2 | 340 | ||',
    '其他對外管理服務事項(含行政確認、行政給付等) | 30 | 1 | 95 | ||',
    '第二十條第(六)項 | |||||',
    '信息內容 | 上一年項目數量(指上年事項數) | 本年增/減(減用負值表示,如-3) | 處理決定數量(指本年辦件量) | ||',
    '行政處罰 | 7 | 0 | 15 | ||',
    '行政強制 | 2 | 0 | - | ||',
    '第二十條第(八)項 | |||||',
    '信息內容 | 上一年項目數量(指上年事項數) | 本年增/減(減用負值表示,如-3) | |||',
    '行政事業性收費 | |||||',
    '第二十條第(九)項 | |||||',
    '信息內容 | 採購項目數量(指202',
  ].join('\n');
  const r = parseText(text).report;

  it('reads each row by its label without its gloss or instruction (檔案 is 文件)', () => {
    expect(r.template).toBe('2019');
    expect(r.proactive.regulations).toEqual({ newlyMade: 1, newlyPublished: 1, totalPublished: 4 });
    expect(r.proactive.normativeDocuments).toEqual({ newlyMade: 3, newlyPublished: 2, totalPublished: 17 });
    expect(r.proactive.licensing).toEqual({ previousYear: 12, change: -2, decisions: 340 });
    expect(r.proactive.otherServices).toEqual({ previousYear: 30, change: 1, decisions: 95 });
    expect(r.proactive.penalty).toEqual({ previousYear: 7, change: 0, decisions: 15 });
    expect(r.proactive.coercion).toEqual({ previousYear: 2, change: 0, decisions: null });
    expect(via(r, 'proactive.licensing.change')).toBe('label');
  });

  it('sets the province’s extra row aside instead of shifting the rows below it', () => {
    expect(r.diagnostics.some((d) => d.code === 'TABLE.EXTRA_ROW' && d.severity === 'warning' && d.raw?.startsWith('其他主動公開檔案'))).toBe(true);
    expect(r.diagnostics.filter((d) => d.code === 'TABLE.PLACED_BY_ORDER')).toEqual([]);
  });

  it('takes no number from a label cut inside its parenthesis (採購項目數量(指202)', () => {
    expect(r.proactive.fees).toEqual({ previousYear: null, change: null });
    expect(r.proactive.procurement).toEqual({ projects: null, amount: null });
  });
});

describe('table 二 whose values were torn from their labels', () => {
  // Two cells of 第二十条第（一）项 wrapped in the PDF and were pulled out as loose lines; the
  // rows kept two of their three numbers. Template order would shift every row below.
  const text = [
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    '7',
    '（其中修订 2 件）',
    '信息内容本年处理决定数量',
    '行政许可 5',
    '行政处罚 0',
    '行政强制 1',
    '信息内容本年收费金额（单位：万元）',
    '行政事业性收费 0',
    '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '| 规章 | 3 | 40 |',
    '| 行政规范性文件 | 6 | 51 |',
  ].join('\n');
  const r = parseText(text).report;

  it('keeps the rows its labels read exactly and leaves the torn rows blank with a warning', () => {
    expect(r.proactive.licensing).toEqual({ decisions: 5 });
    expect(r.proactive.penalty).toEqual({ decisions: 0 });
    expect(r.proactive.coercion).toEqual({ decisions: 1 });
    expect(r.proactive.fees).toEqual({ amount: 0 });
    expect(r.proactive.regulations).toEqual({ issued: null, repealed: null, inForce: null });
    expect(diag(r, 'TABLE.ROW_SHORT', 'proactive.regulations').map((d) => d.severity)).toEqual(['warning']);
  });

  it('places table 二 by template order only with a warning on every row', () => {
    const clean = parseText(['二、主动公开政府信息情况', '信息内容 本年制发件数 本年废止件数 现行有效件数', '规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '0 0 0', '4 1 30', '8', '2', '0', '0'].join('\n')).report;
    expect(clean.proactive.normativeDocuments).toEqual({ issued: 4, repealed: 1, inForce: 30 });
    const byOrder = clean.diagnostics.filter((d) => d.code === 'TABLE.PLACED_BY_ORDER');
    expect(byOrder.map((d) => d.at).sort()).toEqual(
      ['coercion', 'fees', 'licensing', 'normativeDocuments', 'penalty', 'regulations'].map((k) => `proactive.${k}`),
    );
    expect(via(clean, 'proactive.licensing.decisions')).toBe('stream');
  });
});

describe('table 三 torn by a converter: labels as loose text, their values as rows of their own', () => {
  const text = [
    '三、收到和处理政府信息公开申请情况',
    '申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计',
    '| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |',
    '| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    '| 三、 | （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |',
    '（二）部分公开（区分处理的，只',
    '计这一情形，不计其他情形）',
    '| 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    '| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '（四）无1.本机关不掌握相关政',
    '法提供府信息',
    '| 1 | 1 | 0 | 0 | 0 | 0 | 2 |',
    '| 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '3',
    '| 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| （七）总计 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |',
    '| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    '四、政府信息公开行政复议、行政诉讼情况',
  ].join('\n');
  const r = parseText(text).report;

  it('reads labelled rows by label and fills the torn rows in template order, a stray number set aside', () => {
    expect(row(r, 'partlyGranted')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(r, 'unavailable.notHeld')).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(row(r, 'otherHandling.feeUnpaid')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(r, 'total')).toEqual([5, 1, 0, 0, 0, 0, 6]);
    expect(r.diagnostics.filter((d) => d.code === 'TABLE.VALUE_STRAY').map((d) => d.raw)).toEqual(['3']);
  });

  it('warns on each row placed by order (its total holds) and on no row read by its label', () => {
    expect(diag(r, 'TABLE.PLACED_BY_ORDER', 'applications.unavailable.notHeld').map((d) => d.severity)).toEqual(['warning']);
    expect(via(r, 'applications.unavailable.notHeld.total')).toBe('stream');
    expect(diag(r, 'TABLE.PLACED_BY_ORDER', 'applications.total')).toEqual([]);
    expect(via(r, 'applications.total.total')).toBe('label');
  });
});

describe('web excerpts: `cell |` per line with bare `|` blanks, cut off by the end of the text', () => {
  const text = [
    '三、收到和处理政府信息公开申请情况',
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |',
    '申请人情况 |',
    '||||||||',
    '自然人 |',
    '法人或其他组织 |',
    '总计 |',
    '|||||||',
    '一、本年新收政府信息公开申请数量 |',
    '4 |',
    '|',
    '|',
    '|',
    '|',
    '|',
    '4 |',
    '||',
    '二、上年结转政府信息公开申请数量 |',
    '0 |',
    '0 |',
    '0 |',
  ].join('\n');
  const r = parseText(text).report;

  it('reads a bare `|` line as a blank cell (a row showing only 自然人 and 总计)', () => {
    expect(row(r, 'newReceived')).toEqual([4, null, null, null, null, null, 4]);
    expect(diag(r, 'VALUE.BLANK', 'applications.newReceived.commercial')).toHaveLength(1);
  });

  it('keeps the cells before the cut and never fills the rest in from a sum', () => {
    expect(row(r, 'carriedOver')).toEqual([0, 0, 0, null, null, null, null]);
    expect(diag(r, 'TABLE.ROW_CUT', 'applications.carriedOver').map((d) => d.severity)).toEqual(['warning']);
  });
});

describe('an excerpt that stops after the next row’s numbering', () => {
  it('does not take the glued `2` of `2.重复申请` for a cell of the row before it', () => {
    const r = parseText(
      ['三、收到和处理政府信息公开申请情况', '申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计', '1.信访举报投诉类申请', '3', '0', '0', '0', '1', '0', '4', '2'].join('\n'),
    ).report;
    expect(row(r, 'notProcessed.petition')).toEqual([3, 0, 0, 0, 1, 0, 4]);
    expect(diag(r, 'TABLE.ROW_CUT', 'applications.notProcessed.petition').map((d) => d.severity)).toEqual(['warning']);
  });
});

describe('section headings with a typo', () => {
  it('finds section 三 written 收到的处理', () => {
    const r = parseText(
      [
        '一、总体情况', '本机关全年依申请公开工作平稳。',
        '二、主动公开政府信息情况', '本年主动公开信息若干条。',
        '三、收到的处理政府信息公开申请情况', '本年收到申请3件。',
        '四、政府信息公开行政复议、行政诉讼情况', '无。',
        '五、存在的主要问题及改进情况', '无。',
        '六、其他需要报告的事项', '无。',
      ].join('\n'),
    ).report;
    expect(r.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.diagnostics.filter((d) => d.code === 'STRUCT.SECTION_MISSING')).toEqual([]);
    expect(diag(r, 'STRUCT.SECTION_TITLE_VARIANT', 'sections.3')).toHaveLength(1);
  });
});
