/**
 * The catalogue's figures for the annual report, on a hand-written fixture year (2025). Every
 * expected number below is counted by hand from the fixture, item by item.
 */
import { describe, expect, it } from 'vitest';
import { sectionOneFigures, tableTwoRows, tableTwoSentence, type FigureItem } from '../../src/catalogue/annual.js';
import { ruleKindOf } from '../../src/catalogue/items.js';

function item(indexNo: string, docType: string, topic: string, firstPublishedOn: string | null, extra: Partial<FigureItem> = {}): FigureItem {
  return {
    indexNo,
    title: indexNo,
    status: 'published',
    topic,
    docType,
    channels: ['门户网站'],
    firstPublishedOn,
    ruleKind: ruleKindOf(docType),
    effectiveOn: null,
    expiresOn: null,
    repealedOn: null,
    ...extra,
  };
}

const FIXTURE: FigureItem[] = [
  // 行政规范性文件
  item('N1', '行政规范性文件', '综合政务', '2025-01-25', { effectiveOn: '2025-02-01', channels: ['门户网站', '政府公报'] }),
  item('N2', '行政规范性文件', '财政金融审计', '2025-05-06', { effectiveOn: '2025-05-10', repealedOn: '2025-11-30' }),
  item('N3', '行政规范性文件', '城乡建设', '2025-08-28', { effectiveOn: '2025-09-01', channels: ['门户网站', '政务新媒体'] }),
  item('N4', '行政规范性文件', '教育', '2023-05-20', { effectiveOn: '2023-06-01' }),
  item('N5', '行政规范性文件', '教育', '2022-03-25', { effectiveOn: '2022-04-01', repealedOn: '2024-08-01' }),
  // Issued in 2026: neither issued in 2025 nor in force on 31 December 2025.
  item('N6', '行政规范性文件', '教育', '2025-12-30', { effectiveOn: '2026-01-05' }),
  // Still in review: not issued, not counted anywhere.
  item('N7', '行政规范性文件', '教育', null, { status: 'inReview', effectiveOn: '2025-03-01' }),
  // No 施行日期: issued on the day it was first published.
  item('N8', '行政规范性文件', '民政', '2025-12-31', { channels: [] }),
  // 规章
  item('R1', '规章', '综合政务', '2025-01-01', { channels: ['门户网站', '政府公报'] }),
  item('R2', '规章', '综合政务', '2020-06-01', { effectiveOn: '2020-07-01', repealedOn: '2025-12-31' }),
  // Other information
  item('W1', '工作动态', '农业农村', '2025-03-03', { channels: ['政务新媒体'] }),
  item('W2', '通知公告', '农业农村', '2025-07-07', { channels: ['门户网站', '公开栏/公共查阅点'] }),
  item('W3', '政策解读', '城乡建设', '2025-09-02'),
  item('W4', '工作动态', '农业农村', '2024-12-31'),
  item('W5', '工作动态', '农业农村', null, { status: 'draft' }),
  item('W6', '其他文件', '公共安全', null, { status: 'approved' }),
];

describe('table 二 from the catalogue', () => {
  it('counts 规章 and 行政规范性文件 issued, repealed and in force for 2025 as counted by hand', () => {
    // 行政规范性文件 — issued in 2025: N1 (1 Feb), N2 (10 May), N3 (1 Sep), N8 (published 31 Dec,
    // no 施行日期) = 4. Repealed in 2025: N2 (30 Nov) = 1. In force on 31 Dec 2025: N1, N3, N4,
    // N8 = 4 (N2 repealed in 2025, N5 in 2024, N6 issued 2026, N7 never issued).
    // 规章 — issued in 2025: R1 = 1; repealed in 2025: R2 (31 Dec: repealed on the last day, so no
    // longer in force at its end) = 1; in force: R1 = 1.
    expect(tableTwoRows(FIXTURE, 2025)).toEqual({
      regulations: { issued: 1, repealed: 1, inForce: 1 },
      normativeDocuments: { issued: 4, repealed: 1, inForce: 4 },
    });
  });

  it('counts 2024 from the same items', () => {
    // 行政规范性文件 in 2024 — issued: none; repealed: N5 (1 Aug 2024); in force on 31 Dec 2024: N4
    // only. 规章: R2 in force since 2020.
    expect(tableTwoRows(FIXTURE, 2024)).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 1 },
      normativeDocuments: { issued: 0, repealed: 1, inForce: 1 },
    });
  });

  it('writes the rows as a sentence', () => {
    expect(tableTwoSentence(tableTwoRows(FIXTURE, 2025))).toBe('本年制发规章1件、废止1件，现行有效1件；本年制发行政规范性文件4件、废止1件，现行有效4件。');
  });
});

describe('section 一 counts', () => {
  it('counts the items first published in 2025 by type, topic and channel', () => {
    // First published in 2025: N1, N2, N3, N6 (30 Dec, though in force only from 2026), N8, R1, W1,
    // W2, W3 = 9. Not counted: N4, N5, R2, W4 (earlier years), N7, W5 (not published), W6 (approved
    // but not proactive).
    const f = sectionOneFigures(FIXTURE, 2025);
    expect(f.total).toBe(9);
    // Types: 规章 R1 = 1; 行政规范性文件 N1, N2, N3, N6, N8 = 5; 政策解读 W3 = 1; 通知公告 W2 = 1; 工作动态 W1 = 1.
    expect(f.byDocType).toEqual([
      { label: '规章', count: 1 },
      { label: '行政规范性文件', count: 5 },
      { label: '政策解读', count: 1 },
      { label: '通知公告', count: 1 },
      { label: '工作动态', count: 1 },
    ]);
    // Topics: 综合政务 N1, R1 = 2; 财政金融审计 N2 = 1; 城乡建设 N3, W3 = 2; 农业农村 W1, W2 = 2;
    // 教育 N6 = 1; 民政 N8 = 1 — in the order of the topic list.
    expect(f.byTopic).toEqual([
      { label: '综合政务', count: 2 },
      { label: '财政金融审计', count: 1 },
      { label: '城乡建设', count: 2 },
      { label: '农业农村', count: 2 },
      { label: '教育', count: 1 },
      { label: '民政', count: 1 },
    ]);
    // Channels: 门户网站 N1, N2, N3, N6, R1, W2, W3 = 7; 政府公报 N1, R1 = 2; 政务新媒体 N3, W1 = 2;
    // 公开栏 W2 = 1 (N8 went out on none).
    expect(f.byChannel).toEqual([
      { label: '门户网站', count: 7 },
      { label: '政府公报', count: 2 },
      { label: '政务新媒体', count: 2 },
      { label: '公开栏/公共查阅点', count: 1 },
    ]);
    expect(f.sentence).toBe(
      '本年度主动公开政府信息9条，其中规章1件、行政规范性文件5件、政策解读1条、通知公告1条、工作动态1条；' +
        '按主题分，综合政务2条、财政金融审计1条、城乡建设2条、农业农村2条、教育1条、民政1条；' +
        '通过门户网站发布7条、政府公报发布2条、政务新媒体发布2条、公开栏/公共查阅点发布1条。',
    );
  });

  it('says so when nothing was published', () => {
    expect(sectionOneFigures(FIXTURE, 2019)).toMatchObject({ total: 0, byTopic: [], sentence: '本年度未通过政府信息公开目录主动公开政府信息。' });
  });
});
