import { describe, expect, it } from 'vitest';
import { readCell } from '../../src/recognize/values.js';
import { resolveShortRow } from '../../src/recognize/shortrow.js';

describe('cell values as reports write them', () => {
  it.each([
    ['0', 0], ['１２', 12], ['+2', 2], ['251000元', 251000], ['3,119', 3119], ['7730.28', 7730.28], ['-8', -8], ['12 件', 12],
  ])('%s is the number %s', (raw, value) => {
    expect(readCell(raw)).toEqual({ kind: 'number', value, raw });
  });
  it.each(['/', '-', '—', '／', '无'])('%s is a deliberate blank', (raw) => {
    expect(readCell(raw).kind).toBe('blank');
  });
  it.each(['-3-', '— 12 —', '第 3 页'])('%s is a page number, not a value', (raw) => {
    expect(readCell(raw).kind).toBe('page');
  });
  it('leaves labels as text', () => {
    expect(readCell('1.属于国家秘密').kind).toBe('text');
  });
});

describe('a row printed one value short', () => {
  it('is read only where every placement agrees (all zeros: the total pins the gap to 0)', () => {
    expect(resolveShortRow([0, 0, 0, 0, 0], 6, 5, [0, 1, 2, 3, 4]).cells).toEqual([0, 0, 0, 0, 0, 0]);
  });
  it('keeps every cell null when the placements disagree', () => {
    // 3 1 4 read under four columns (three parts and 总计): the lost value could be any part
    // (then it is 0 and 4 is the total) or the total (then it is 8): nothing is certain.
    expect(resolveShortRow([3, 1, 4], 4, 3, [0, 1, 2]).cells).toEqual([null, null, null, null]);
  });
  it('keeps the cells all placements agree on', () => {
    // 0 7 7 read under three parts and 总计: whichever value was lost, the first part is 0
    // (lost first part: 7 − 0 − 7 = 0); the others depend on where the gap was.
    expect(resolveShortRow([0, 7, 7], 4, 3, [0, 1, 2]).cells).toEqual([0, null, null, null]);
  });
});
