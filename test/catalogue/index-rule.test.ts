/** 索引号 rules: formatting by pattern, and the checks that keep numbers unique. */
import { describe, expect, it } from 'vitest';
import { checkIndexRule, defaultIndexRule, formatIndexNo } from '../../src/catalogue/index-rule.js';

describe('index numbers', () => {
  it('formats the default rule: body id, year of 生成日期, five-digit serial', () => {
    expect(formatIndexNo(defaultIndexRule(), { bodyId: 'yl', year: 2026, serial: 7 })).toBe('yl-2026-00007');
  });

  it('formats an organisation code with its own separators and width', () => {
    const rule = checkIndexRule({ pattern: '{org}/{year}-{serial:4}', org: '11530000MB1234567X' });
    expect(formatIndexNo(rule, { bodyId: 'yl', year: 2025, serial: 12 })).toBe('11530000MB1234567X/2025-0012');
    expect(formatIndexNo(checkIndexRule({ pattern: '{body}-{year}-{serial}' }), { bodyId: 'sq', year: 2026, serial: 3 })).toBe('sq-2026-00003');
  });

  it('keeps every digit of a serial past its width instead of truncating it into a duplicate', () => {
    expect(formatIndexNo(checkIndexRule({ pattern: '{org}-{year}-{serial:2}' }), { bodyId: 'yl', year: 2026, serial: 123 })).toBe('yl-2026-123');
  });

  it('refuses rules that could repeat a number or that it cannot read', () => {
    expect(() => checkIndexRule({ pattern: '{org}-{serial:5}' })).toThrow('{year}');
    expect(() => checkIndexRule({ pattern: '{year}-{serial:5}' })).toThrow('{org}');
    expect(() => checkIndexRule({ pattern: '{org}-{year}' })).toThrow('流水号');
    expect(() => checkIndexRule({ pattern: '{org}-{year}-{serial:3}-{serial:3}' })).toThrow('只含有一个流水号');
    expect(() => checkIndexRule({ pattern: '{org}-{year}-{seq:5}' })).toThrow('{seq:5}');
    expect(() => checkIndexRule({ pattern: '{org} {year}-{serial:5}' })).toThrow('空格');
    expect(() => checkIndexRule({ pattern: '{org}-{year:2}-{serial:5}' })).toThrow('只有流水号可以指定位数');
    expect(() => checkIndexRule({ pattern: '{org}-{year}-{serial:11}' })).toThrow('1至10');
  });
});
