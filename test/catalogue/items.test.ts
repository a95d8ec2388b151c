/** What an officer may enter for an item (条例 第十四–十六条、第二十条). */
import { describe, expect, it } from 'vitest';
import { checkItemFields, checkReadyToSubmit, type ItemFields } from '../../src/catalogue/items.js';

const base: ItemFields = {
  title: ' 云岭镇2026年防汛应急预案 ',
  summary: '',
  content: '正文',
  madeOn: '2026-02-26',
  publisher: '青禾县云岭镇人民政府',
  docNo: '',
  topic: '应急管理',
  docType: '其他文件',
  disclosure: 'proactive',
  withheldGround: null,
  expiresOn: null,
  amendedOn: null,
  effectiveOn: '2026-03-01',
  repealedOn: null,
  channels: ['门户网站', '门户网站'],
  interpretationOf: 3,
};
const today = '2026-03-02';

describe('item fields', () => {
  it('tidies what was entered: trimmed, no 文号 as null, validity and links only where they mean something', () => {
    const f = checkItemFields(base, today);
    expect(f).toMatchObject({ title: '云岭镇2026年防汛应急预案', docNo: null, channels: ['门户网站'], effectiveOn: null, interpretationOf: null });
  });

  it('requires the legal ground for 不予公开, and drops channels of what is not proactive', () => {
    expect(() => checkItemFields({ ...base, disclosure: 'withheld' }, today)).toThrow('不予公开须选择法律依据：条例第十四条、第十五条或第十六条');
    expect(() => checkItemFields({ ...base, disclosure: 'withheld', withheldGround: 'art99' as never }, today)).toThrow('不予公开的依据');
    expect(checkItemFields({ ...base, disclosure: 'withheld', withheldGround: 'art15' }, today)).toMatchObject({ withheldGround: 'art15', channels: [] });
    expect(checkItemFields({ ...base, withheldGround: 'art15' }, today).withheldGround).toBeNull();
  });

  it('keeps 规章 and 行政规范性文件 public, with consistent validity dates', () => {
    const doc = { ...base, docType: '行政规范性文件' };
    expect(() => checkItemFields({ ...doc, disclosure: 'onRequest' }, today)).toThrow('第二十条');
    expect(() => checkItemFields({ ...doc, repealedOn: '2026-02-01' }, today)).toThrow('早于施行日期');
    expect(() => checkItemFields({ ...doc, effectiveOn: null, repealedOn: '2026-02-01' }, today)).toThrow('先填写施行日期');
    expect(checkItemFields({ ...doc, repealedOn: '2026-12-31' }, today)).toMatchObject({ effectiveOn: '2026-03-01', repealedOn: '2026-12-31' });
  });

  it('refuses dates that do not exist or lie in the future, and values outside the lists', () => {
    expect(() => checkItemFields({ ...base, madeOn: '2026-02-30' }, today)).toThrow('不是有效日期');
    expect(() => checkItemFields({ ...base, madeOn: '2026-03-03' }, today)).toThrow('晚于今天');
    expect(() => checkItemFields({ ...base, topic: '娱乐' }, today)).toThrow('主题分类');
    expect(() => checkItemFields({ ...base, channels: ['微博'] }, today)).toThrow('发布渠道');
    expect(() => checkItemFields({ ...base, title: '  ' }, today)).toThrow('请填写名称');
  });

  it('keeps an interpretation’s link, and wants content and a channel before review', () => {
    expect(checkItemFields({ ...base, docType: '政策解读' }, today).interpretationOf).toBe(3);
    expect(() => checkReadyToSubmit({ ...base, content: ' ', summary: '' })).toThrow('内容概述或正文');
    expect(() => checkReadyToSubmit({ ...base, channels: [] })).toThrow('发布渠道');
    expect(() => checkReadyToSubmit({ ...base, disclosure: 'onRequest', channels: [] })).not.toThrow();
  });
});
