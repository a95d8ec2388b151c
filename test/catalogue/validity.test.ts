/**
 * The validity (效力状态) of 规章 and 行政规范性文件 on a given day, from dates typed by hand. The
 * case from the issue: a 行政规范性文件 published on 2026-12-05 with 施行日期 2027-01-01 is not yet
 * in force on 2026-12-05.
 */
import { describe, expect, it } from 'vitest';
import { checkItemFields, type ItemFields } from '../../src/catalogue/items.js';
import { endOfValidity, validityOf, type ValidityDates } from '../../src/catalogue/validity.js';

const doc = (over: Partial<ValidityDates> = {}): ValidityDates => ({
  ruleKind: 'normativeDocuments',
  effectiveOn: '2027-01-01',
  expiresOn: null,
  amendedOn: null,
  repealedOn: null,
  ...over,
});

describe('validity', () => {
  it('is 尚未施行 before the 施行日期 and 现行有效 from it', () => {
    expect(validityOf(doc(), '2026-12-05')).toEqual({ state: 'notYetEffective', label: '尚未施行', since: null, note: '自 2027-01-01 起施行' });
    expect(validityOf(doc(), '2026-12-31')?.label).toBe('尚未施行');
    expect(validityOf(doc(), '2027-01-01')).toMatchObject({ state: 'inForce', label: '现行有效', since: '2027-01-01' });
  });

  it('is 现行有效 from publication when no 施行日期 is given', () => {
    expect(validityOf(doc({ effectiveOn: null }), '2026-12-05')).toMatchObject({ label: '现行有效', note: '自发布之日起施行' });
  });

  it('is 已废止 from the 废止日期, announced before', () => {
    const d = doc({ repealedOn: '2028-06-30' });
    expect(validityOf(d, '2028-06-29')).toMatchObject({ label: '现行有效', note: '自 2027-01-01 起施行；将于 2028-06-30 废止' });
    expect(validityOf(d, '2028-06-30')).toMatchObject({ label: '已废止', since: '2028-06-30' });
  });

  it('is 已失效 the day after 有效期至', () => {
    const d = doc({ expiresOn: '2031-12-31' });
    expect(validityOf(d, '2031-12-31')).toMatchObject({ label: '现行有效', note: '自 2027-01-01 起施行；有效期至 2031-12-31' });
    expect(validityOf(d, '2032-01-01')).toMatchObject({ label: '已失效', since: '2032-01-01' });
  });

  it('is 已修改 from the 修改日期, until repealed or expired', () => {
    const d = doc({ amendedOn: '2029-03-01', expiresOn: '2031-12-31' });
    expect(validityOf(d, '2029-02-28')?.label).toBe('现行有效');
    expect(validityOf(d, '2029-03-01')).toMatchObject({ label: '已修改', since: '2029-03-01' });
    expect(validityOf(d, '2032-01-01')?.label).toBe('已失效');
    expect(validityOf({ ...d, repealedOn: '2030-01-01' }, '2030-01-01')?.label).toBe('已废止');
  });

  it('is not given for other documents', () => {
    expect(validityOf(doc({ ruleKind: null }), '2027-01-01')).toBeNull();
  });

  it('ends, for table 二, at the 废止日期 or the day after 有效期至, whichever is first', () => {
    expect(endOfValidity({ repealedOn: null, expiresOn: null })).toBeNull();
    expect(endOfValidity({ repealedOn: null, expiresOn: '2031-12-31' })).toBe('2032-01-01');
    expect(endOfValidity({ repealedOn: '2030-05-01', expiresOn: '2031-12-31' })).toBe('2030-05-01');
    expect(endOfValidity({ repealedOn: '2033-01-01', expiresOn: '2031-12-31' })).toBe('2032-01-01');
  });
});

describe('validity dates as the officer enters them', () => {
  const fields: ItemFields = {
    title: '云岭镇农村建房管理办法',
    summary: '',
    content: '正文',
    madeOn: '2026-12-01',
    publisher: '青禾县云岭镇人民政府',
    docNo: '云政规〔2026〕1号',
    topic: '城乡建设',
    docType: '行政规范性文件',
    disclosure: 'proactive',
    withheldGround: null,
    effectiveOn: '2027-01-01',
    expiresOn: '2031-12-31',
    amendedOn: null,
    repealedOn: null,
    channels: ['门户网站'],
    interpretationOf: null,
  };

  it('keeps them for a 行政规范性文件 and drops them for other types', () => {
    expect(checkItemFields(fields, '2026-12-05')).toMatchObject({ effectiveOn: '2027-01-01', expiresOn: '2031-12-31' });
    expect(checkItemFields({ ...fields, docType: '通知公告' }, '2026-12-05')).toMatchObject({ effectiveOn: null, expiresOn: null, amendedOn: null });
  });

  it('refuses a date before the 施行日期, or without one', () => {
    expect(() => checkItemFields({ ...fields, expiresOn: '2026-12-31' }, '2026-12-05')).toThrow('有效期至 2026-12-31 早于施行日期 2027-01-01');
    expect(() => checkItemFields({ ...fields, effectiveOn: null, amendedOn: '2027-05-01', expiresOn: null }, '2026-12-05')).toThrow('填写修改日期前请先填写施行日期');
  });
});
