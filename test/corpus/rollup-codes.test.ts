/**
 * Every code `gongkai rollup` can say of an area's sum is in the rule catalogue (`gongkai
 * rules`) with the severity it is given and a description in Chinese and in English. The codes
 * are produced here, not listed by hand: a blank cell, a report of another year, a body missing
 * from the list of those expected.
 */
import { describe, expect, it } from 'vitest';
import { rollup } from '../../src/corpus/rollup.js';
import { RULE_BY_CODE } from '../../src/rules/catalog.js';
import { fixtureModel } from '../support/analysis-fixtures.js';

describe('ROLLUP.* codes in the rule catalogue', () => {
  it('lists every code a rollup gives, with its severity, in Chinese and English', () => {
    const yunling = fixtureModel('yunling-2024.tsv.txt');
    const blank = structuredClone(fixtureModel('songxi-2024.tsv.txt'));
    blank.applications.newReceived!.commercial = null; // a cell left blank
    const lastYear = fixtureModel('yunling-2023.tsv.txt'); // another year: refused
    const result = rollup([yunling, blank, lastYear], { unit: '青禾县', expected: ['青禾县云岭镇人民政府', '青禾县白鹭镇人民政府'] });

    const given = new Map(result.report.diagnostics.map((d) => [d.code, d.severity]));
    expect([...given.keys()].sort()).toEqual(['ROLLUP.MISSING', 'ROLLUP.NULL_CELL', 'ROLLUP.REFUSED']);
    for (const [code, severity] of given) {
      const rule = RULE_BY_CODE.get(code);
      expect(rule, code).toBeDefined();
      expect(rule!.severity).toBe(severity);
      expect(rule!.family).toBe('rollup');
      expect(rule!.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(rule!.en).toMatch(/^[a-z][a-z' ]+ [a-z]+/); // English words first
    }
  });
});
