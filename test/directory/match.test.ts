/**
 * Matching a report's unit name to the directory: by full name, alias, then region + short name;
 * zero-width characters, full-width letters and lookalike characters do not make another name.
 */
import { describe, expect, it } from 'vitest';
import { matchKey, Matcher } from '../../src/directory/match.js';
import type { BodyRecord, RegionRecord } from '../../src/directory/tree.js';

const regions: RegionRecord[] = [
  { code: '990000', name: '云山省', level: 'province', parentCode: null },
  { code: '990100', name: '松江市', level: 'city', parentCode: '990000' },
  { code: '990101', name: '青禾县', level: 'county', parentCode: '990100' },
  { code: '990102', name: '白石县', level: 'county', parentCode: '990100' },
  { code: '990101001', name: '石泉街道', level: 'township', parentCode: '990101' },
];

const body = (id: string, name: string, regionCode: string, level: BodyRecord['level'], aliases: string[] = []): BodyRecord => ({
  id, name, level, regionCode, aliases, creditCode: null, worksHere: false,
});

const bodies: BodyRecord[] = [
  body('qh', '青禾县人民政府', '990101', 'county'),
  body('qh-edu', '青禾县教育局', '990101', 'department'),
  body('qh-gx', '青禾县工业和信息化局', '990101', 'department', ['青禾县工信局']),
  body('bs-edu', '白石县教育局', '990102', 'department'),
  body('sq', '青禾县石泉街道办事处', '990101001', 'township', ['石泉街道']),
  body('sj-edu', '松江市教育局', '990100', 'department'),
];

const m = new Matcher(bodies, regions);

describe('matching a unit name inside the scope', () => {
  it('finds a body by its full name, written with spaces, full-width brackets or a zero-width space', () => {
    expect(m.match('青禾县教育局')).toEqual({ kind: 'matched', bodyId: 'qh-edu', method: 'fullName' });
    expect(m.match('青禾县 教育局')).toEqual({ kind: 'matched', bodyId: 'qh-edu', method: 'fullName' });
    expect(m.match('青禾县\u200B教育局')).toEqual({ kind: 'matched', bodyId: 'qh-edu', method: 'fullName' });
    expect(m.match('青禾县\uFEFF石泉街道办事处')).toEqual({ kind: 'matched', bodyId: 'sq', method: 'fullName' });
  });

  it('folds lookalikes: a katakana エ for 工 and a Kangxi radical ⼈ for 人 are the known body', () => {
    // エ (U+30A8) is katakana; NFKC leaves it, the fold makes it 工.
    expect(m.match('青禾县エ业和信息化局')).toEqual({ kind: 'matched', bodyId: 'qh-gx', method: 'fullName' });
    // ⼈ (U+2F08, Kangxi radical) becomes 人 by NFKC.
    expect(m.match('青禾县\u2F08民政府')).toEqual({ kind: 'matched', bodyId: 'qh', method: 'fullName' });
    expect(matchKey('青禾县エ业和信息化局')).toBe(matchKey('青禾县工业和信息化局'));
  });

  it('finds a body by an alias', () => {
    expect(m.match('青禾县工信局')).toEqual({ kind: 'matched', bodyId: 'qh-gx', method: 'alias' });
    expect(m.match('石泉街道')).toEqual({ kind: 'matched', bodyId: 'sq', method: 'alias' });
  });

  it('finds a body by its region and short name, both ways', () => {
    // Written without the county: under 青禾县 there is one 石泉街道办事处.
    expect(m.match('石泉街道办事处')).toEqual({ kind: 'matched', bodyId: 'sq', method: 'regionShortName' });
    // Written with the city before it.
    expect(m.match('松江市青禾县教育局')).toEqual({ kind: 'matched', bodyId: 'qh-edu', method: 'regionShortName' });
    expect(m.match('云山省松江市青禾县石泉街道办事处')).toEqual({ kind: 'matched', bodyId: 'sq', method: 'regionShortName' });
  });

  it('gives the candidates when a short name is several bodies, and nothing when none', () => {
    // 教育局 is the city's, 青禾县's and 白石县's.
    expect(m.match('教育局')).toEqual({ kind: 'ambiguous', method: 'regionShortName', candidates: ['bs-edu', 'qh-edu', 'sj-edu'] });
    expect(m.match('青禾县林业局')).toEqual({ kind: 'none' });
    expect(m.match('')).toEqual({ kind: 'none' });
    expect(m.match('\u200B \u3000')).toEqual({ kind: 'none' });
    expect(m.match(null)).toEqual({ kind: 'none' });
  });

  it('does not take a generic word for a government', () => {
    expect(m.match('人民政府')).toEqual({ kind: 'none' });
    expect(m.match('办事处')).toEqual({ kind: 'none' });
  });

  it('sees only the bodies it was given (the scope)', () => {
    const county = new Matcher(bodies.filter((b) => b.id !== 'bs-edu' && b.id !== 'sj-edu'), regions);
    expect(county.match('教育局')).toEqual({ kind: 'matched', bodyId: 'qh-edu', method: 'regionShortName' });
    expect(county.match('白石县教育局')).toEqual({ kind: 'none' });
  });
});
