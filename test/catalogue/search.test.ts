/** The gram functions both sides of the catalogue search use. */
import { describe, expect, it } from 'vitest';
import { itemGrams, normalizeForSearch, queryGrams } from '../../src/catalogue/search.js';

const matches = (query: string, ...fields: string[]) => {
  const stored = new Set(itemGrams(...fields));
  return queryGrams(query).every((g) => stored.has(g));
};

describe('search grams', () => {
  it('stores single characters and bigrams of each field', () => {
    expect(itemGrams('政府信息').sort()).toEqual(['信', '信息', '府', '府信', '息', '政', '政府'].sort());
    expect(itemGrams('甲', '乙')).not.toContain('甲乙');
    expect(itemGrams('', null, undefined)).toEqual([]);
  });

  it('normalises width, case and punctuation the same way on both sides', () => {
    expect(normalizeForSearch('青政发〔2025〕３号 ＡＢ')).toBe('青政发20253号ab');
    expect(matches('青政发〔2025〕3号', '青政发(2025)3号')).toBe(true);
    expect(matches('yl-2026-00012', 'YL-2026-00012')).toBe(true);
    expect(matches('yl-2026-00013', 'yl-2026-00012')).toBe(false);
  });

  it('treats whitespace as AND of terms, and a one-character term as itself', () => {
    expect(queryGrams('财政 预算')).toEqual(['财政', '预算']);
    expect(matches('财政 预算', '本级财政收支和部门预算')).toBe(true);
    expect(matches('财政预算', '本级财政收支和部门预算')).toBe(false);
    expect(queryGrams('税')).toEqual(['税']);
    expect(matches('税', '契税减免')).toBe(true);
    expect(queryGrams(' 、，。 ')).toEqual([]);
  });
});
