import { describe, expect, it } from 'vitest';
import { parseNumeral, statedApplicationCounts } from '../../src/rules/narrative-numbers.js';

/** The (value, approximate) pairs a text states, for compact expectations. */
const counts = (text: string): [number, boolean][] =>
  statedApplicationCounts(text).map((c) => [c.value, c.approximate]);

describe('parseNumeral', () => {
  it.each([
    ['12', 12], ['１２', 12], ['0', 0], ['一', 1], ['两', 2], ['十', 10], ['十二', 12], ['二十', 20],
    ['二十三', 23], ['一百', 100], ['百', 100], ['一百零五', 105], ['一百一十', 110], ['两百', 200],
    ['三千零一', 3001], ['九千九百九十九', 9999], ['零', 0], ['〇', 0], ['一百五', 150],
  ])('%s is %s', (token, value) => {
    expect(parseNumeral(token)).toBe(value);
  });
  it.each(['', '件', '一二', '一两', '十十', '百千', '零一', '一百零', '一百零零五', '12件', '1.5'])(
    '%j is not a count',
    (token) => {
      expect(parseNumeral(token)).toBeNull();
    },
  );
});

describe('statements of applications received', () => {
  it.each([
    ['收到依申请公开事项1项', 1],
    ['全年收到政府信息公开申请16件', 16],
    ['共收到申请 21 件', 21],
    ['收到政府信息公开申请两件', 2],
    ['本年度接收政府信息公开申请5件，均已按时答复。', 5],
    ['本年新收政府信息公开申请 17 件', 17],
    ['共收到政府信息公开申请１２件', 12],
    ['全年收到政府信息公开申请共计二十三件', 23],
    ['收到16件政府信息公开申请', 16],
    ['收到公民、法人或其他组织提出的政府信息公开申请8件', 8],
    ['全年新收政府信息公开申请10件，上年结转1件，均在法定期限内答复。', 10],
  ])('%s → %s', (text, value) => {
    expect(counts(text)).toEqual([[value, false]]);
  });

  it('reports the verbatim match and its offset', () => {
    const text = '2024年，石泉街道坚持把政务公开作为联系居民的重要渠道。全年收到政府信息公开申请16件。';
    const [stated] = statedApplicationCounts(text);
    expect(stated).toEqual({ value: 16, approximate: false, raw: '收到政府信息公开申请16件', index: text.indexOf('收到') });
  });

  it('finds every statement in a longer text', () => {
    const text = '2023年收到政府信息公开申请9件。2024年，本机关共收到政府信息公开申请12件，其中受理政府信息公开申请10件。';
    expect(counts(text)).toEqual([[9, false], [12, false]]);
  });
});

describe('approximations', () => {
  it.each([
    ['新收政府信息公开申请十余件', 10],
    ['收到政府信息公开申请20余件', 20],
    ['收到政府信息公开申请20多件', 20],
    ['全年收到政府信息公开申请近百件', 100],
    ['收到政府信息公开申请约30件', 30],
    ['收到政府信息公开申请百余件', 100],
  ])('%s → about %s', (text, value) => {
    expect(counts(text)).toEqual([[value, true]]);
  });
});

describe('statements that none were received', () => {
  it.each([
    '本年度未收到任何要求公开信息的申请。',
    '本年度未收到政府信息公开申请',
    '本机关未收到依申请公开申请信息。',
    '本年度没有收到政府信息公开申请，',
    '本年度无依申请公开事项。',
    '全年收到政府信息公开申请0件。',
  ])('%s → 0', (text) => {
    expect(counts(text)).toEqual([[0, false]]);
  });

  it('gives the verbatim zero statement', () => {
    expect(statedApplicationCounts('本年度未收到依申请公开申请信息。')).toEqual([
      { value: 0, approximate: false, raw: '未收到依申请公开申请信息', index: 3 },
    ]);
  });
});

describe('sentences about something else', () => {
  it.each([
    ['opinions, not applications', '收到群众意见和建议10余条'],
    ['proactive disclosure', '主动公开政府信息 138条'],
    ['受理 is not received', '受理政府信息公开申请 17 件'],
    ['受理 after 收到 still says 受理', '收到并受理政府信息公开申请17件'],
    ['carry-over without a verb', '上年结转政府信息公开申请1件'],
    ['carry-over after the verb', '收到上年结转政府信息公开申请1件'],
    ['fees', '收取政府信息公开申请信息处理费0元'],
    ['a time limit', '自收到申请之日起20个工作日内予以答复'],
    ['a time limit without 之日起', '收到申请15个工作日内答复'],
    ['another kind of application', '收到行政复议申请2件'],
    ['letters counted before a list', '收到10件来信、信息公开申请5件'],
    ['letters counted in another clause', '收到群众来信10件，政府信息公开申请5件'],
    ['outcomes after a comma', '收到政府信息公开申请，5件予以公开'],
    ['a change, not a total', '收到政府信息公开申请较上年增加5件'],
    ['an applicant, not an application', '未收到申请人的异议。'],
    ['a consequence of disclosure', '无依申请公开事项被纠错的情况'],
    ['“one or two”', '收到政府信息公开申请一两件'],
    ['dozens', '收到政府信息公开申请数十件'],
    ['the table heading', '三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'],
    ['the table row', '一、本年新收政府信息公开申请数量\t\t3\t1\t0\t0\t0\t0\t4'],
    ['a table row one cell per line', '一、本年新收政府信息公开申请数量\n3\n1\n0\n0\n0\n0\n4\n件'],
  ])('%s', (_why, text) => {
    expect(statedApplicationCounts(text)).toEqual([]);
  });

  it('gives [] for a text with no statement', () => {
    expect(statedApplicationCounts('')).toEqual([]);
    expect(statedApplicationCounts('本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息56条。')).toEqual([]);
  });
});

describe('line breaks inside sentences', () => {
  it('joins a sentence broken across PDF lines and keeps the raw text verbatim', () => {
    expect(statedApplicationCounts('全年共收到政府信\n息公开申请\n17件')).toEqual([
      { value: 17, approximate: false, raw: '收到政府信\n息公开申请\n17件', index: 3 },
    ]);
  });

  it('does not join digits split over two lines (they may be two table cells)', () => {
    expect(statedApplicationCounts('全年共收到政府信\n息公开申请 1\n7 件，均已办结。')).toEqual([]);
  });

  it('reads a zero statement that ends at a line break', () => {
    expect(counts('本年度未收到政府信息\r\n公开申请\r\n二、主动公开情况')).toEqual([[0, false]]);
  });
});
