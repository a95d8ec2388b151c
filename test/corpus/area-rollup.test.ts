/**
 * A supervisor's selection rolled up: each ticked body comes back included, refused (with the
 * reason) or missing, under its registered name; the area's name defaults to the shared region.
 */
import { describe, expect, it } from 'vitest';
import { defaultArea, rollupArea, type RollupSource } from '../../src/corpus/area-rollup.js';
import type { AnnualReport } from '../../src/model/report.js';
import { fixtureModel } from '../support/analysis-fixtures.js';

const yunling = fixtureModel('yunling-2024.tsv.txt');
const songxi = fixtureModel('songxi-2024.tsv.txt');
const linye = fixtureModel('linye-2024-template2019.txt');

const source = (key: string, name: string, model: AnnualReport | null, region: string | null = '青禾县'): RollupSource => ({
  key,
  name,
  region,
  report: model ? { id: key.length, model } : null,
});

describe('rollup of a selection', () => {
  it('names the area after the shared region, else 汇总', () => {
    expect(defaultArea([{ region: '青禾县' }, { region: '青禾县' }])).toBe('青禾县');
    expect(defaultArea([{ region: '青禾县' }, { region: '白溪县' }])).toBe('汇总');
    expect(defaultArea([{ region: '青禾县' }, { region: null }])).toBe('汇总');
    expect(defaultArea([])).toBe('汇总');
  });

  it('reports each body’s fate under its registered name', () => {
    const r = rollupArea(
      [source('yl', '云岭镇', yunling), source('ly', '林业局', linye), source('sx', '松溪乡', songxi), source('hk', '河口镇', null)],
      2024,
    );
    expect(r.area).toBe('青禾县');
    expect(r.result.included).toEqual(['云岭镇', '松溪乡']);
    expect(r.sources.map((s) => [s.key, s.status])).toEqual([['yl', 'included'], ['ly', 'refused'], ['sx', 'included'], ['hk', 'missing']]);
    expect(r.sources[1]!.reason).toMatch(/使用2019年模板/);
    expect(r.sources[1]!.unit).toBe('青禾县林业局');
    expect(r.sources[3]!.reason).toBe('没有2024年度报告');
    expect(r.result.missing).toEqual(['河口镇']);
    // 10 + 6: the 林业局's 4 are not added to 2021-template tables.
    expect(r.result.report.applications.newReceived!.total).toBe(16);
    expect(r.result.report.title).toBe('青禾县2024年政府信息公开工作年度报告统计数据汇总');
    expect(r.findings.map((f) => f.code).sort()).toEqual(['ROLLUP.MISSING', 'ROLLUP.REFUSED']);
  });

  it('counts two bodies of one name once, and says which was refused', () => {
    const r = rollupArea([source('a', '同名镇', yunling), source('b', '同名镇', songxi)], 2024, ' 自定 ');
    expect(r.area).toBe('自定');
    expect(r.sources.map((s) => s.status)).toEqual(['included', 'refused']);
    expect(r.sources[1]!.reason).toMatch(/重复/);
    expect(r.result.report.applications.newReceived!.total).toBe(10);
  });
});
