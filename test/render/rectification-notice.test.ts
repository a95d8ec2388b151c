/**
 * The 整改通知书 as Word, read back with mammoth: the body addressed, every item numbered in
 * Chinese with its place, rule and what was found, the deadline and the signature.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { chineseOrdinal, rectificationNoticeDocx } from '../../src/render/rectification-notice.js';

describe('整改通知书', () => {
  it('numbers items 一, 十, 十二, 二十, 三十五', () => {
    expect([1, 10, 12, 20, 35].map(chineseOrdinal)).toEqual(['一', '十', '十二', '二十', '三十五']);
  });

  it('lists every item with its place, rule and message, then the deadline and the sender', async () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ place: `表二第${i + 1}处`, rule: '规则名称', message: `第${i + 1}个问题的说明` }));
    items[11] = { place: '表四“行政复议”的“总计”', rule: '表四每组：总计 = 维持 + 纠正 + 其他 + 尚未审结', message: '总计写作5，四项之和为4。' };
    const bytes = await rectificationNoticeDocx({ body: '青禾县桃溪镇人民政府', year: 2024, from: '青禾县政务公开办', date: '2026-03-02', deadline: '2026-04-15', items });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text).toContain('关于2024年度政府信息公开工作年度报告问题的整改通知书');
    expect(text).toContain('青禾县桃溪镇人民政府：');
    expect(text).toContain('发现以下12个问题');
    expect(text).toContain('一、表二第1处。问题类型：规则名称。具体情况：第1个问题的说明。');
    // A message already ending in a full stop gets no second one.
    expect(text).toContain('十二、表四“行政复议”的“总计”。问题类型：表四每组：总计 = 维持 + 纠正 + 其他 + 尚未审结。具体情况：总计写作5，四项之和为4。\n');
    expect(text).toContain('2026年4月15日前');
    expect(text).toMatch(/青禾县政务公开办\s+2026年3月2日/);
  });
});
