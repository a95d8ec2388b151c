import { describe, expect, it } from 'vitest';
import { bigramSimilarity, chineseNumber, leadingOrdinal, normalizeLabel, stripNumbering } from '../../src/template/normalize.js';

describe('label normalisation', () => {
  it('folds width, quotes, spaces, numbering punctuation and Traditional characters', () => {
    expect(normalizeLabel('３、危及"三安全一稳定"')).toBe(normalizeLabel('3.危及“三安全一稳定”'));
    expect(normalizeLabel('（二）部分公开 （区分处理的，只计这一情 形）')).toBe('(二)部分公开(区分处理的,只计这一情形)');
    expect(normalizeLabel('本年新收政府資訊公開申請數量')).toBe('本年新收政府資讯公开申请数量'.replace('資讯', '资讯'));
    expect(normalizeLabel('1、申请人')).toBe('1.申请人');
  });
  it('strips and reads numbering', () => {
    expect(stripNumbering('三、（一）予以公开')).toBe('予以公开');
    expect(stripNumbering('(七)总计')).toBe('总计');
    expect(leadingOrdinal('四、政府信息公开')).toBe(4);
    expect(leadingOrdinal('（十二）')).toBe(12);
    expect(leadingOrdinal('1、 总体情况')).toBe(1);
    expect(leadingOrdinal('总体情况')).toBeNull();
    expect(chineseNumber('二十三')).toBe(23);
  });
  it('scores a typo close and another label far', () => {
    expect(bigramSimilarity('其他法律行政止公开', '其他法律行政法规禁止公开')).toBeGreaterThan(0.6);
    expect(bigramSimilarity('不予公开', '予以公开')).toBeLessThan(0.6);
  });
});
