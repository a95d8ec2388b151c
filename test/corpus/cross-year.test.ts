/**
 * The cross-year pass of `gongkai batch`: each body's report paired with its report of the year
 * before, the CROSS.* rules run on the pair, their findings at the end of findings.csv.
 *
 * 云岭镇 2023 (test/fixtures/reports/yunling-2023.tsv.txt) ends the year with 1 application
 * carried forward (自然人 1, 总计 1) and 8 行政规范性文件 in force. Its 2024 report as printed
 * carries 1 over and has 8 + 2 − 1 = 9 in force: consistent. The altered 2024 below says 2 were
 * carried over (and 2 carried forward, so its own table still balances: 10 + 2 = 10 + 2) and 10
 * in force.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossYearResults, crossYearSlim } from '../../src/corpus/cross-year.js';
import { parseBytes } from '../../src/parse.js';
import { crossYearFindings } from '../../src/rules/crossyear.js';
import { fixtureModel, REPORTS } from '../support/analysis-fixtures.js';
import { FIXTURES } from '../support/shared.js';

const BIN = resolve(FIXTURES, '../../bin/gongkai.js');

function altered2024(): string {
  const text = readFileSync(join(REPORTS, 'yunling-2024.tsv.txt'), 'utf8');
  const out = text
    .replace('二、上年结转政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1', '二、上年结转政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2')
    .replace('四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1', '四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2')
    .replace('行政规范性文件\t2\t1\t9', '行政规范性文件\t2\t1\t10');
  expect(out.split('\n').filter((line, i) => line !== text.split('\n')[i])).toHaveLength(3);
  return out;
}

const y2023 = fixtureModel('yunling-2023.tsv.txt');
const y2024 = fixtureModel('yunling-2024.tsv.txt');
const bad2024 = parseBytes(new TextEncoder().encode(altered2024())).report;

describe('crossYearSlim', () => {
  it('keeps all the cross-year rules read: the same findings as the whole models', () => {
    for (const [current, previous] of [[bad2024, y2023], [y2024, y2023], [y2023, bad2024]] as const) {
      expect(crossYearFindings(crossYearSlim(current), crossYearSlim(previous))).toEqual(crossYearFindings(current, previous));
    }
  });

  it('holds a few rows, not the model', () => {
    const slim = crossYearSlim(y2024);
    expect(Object.keys(slim.applications).sort()).toEqual(['carriedForward', 'carriedOver']);
    expect(Object.keys(slim.proactive).sort()).toEqual(['normativeDocuments', 'regulations']);
    expect(slim.sections).toEqual([]);
    expect(slim.provenance).toEqual({});
    expect(JSON.stringify(slim).length).toBeLessThan(JSON.stringify(y2024).length / 10);
  });
});

describe('crossYearResults', () => {
  const item = (file: string, report: typeof y2023) => ({ file, report: crossYearSlim(report) });

  it('finds the carry-over and the documents in force that do not follow from last year', () => {
    const results = crossYearResults([item('a/2023.txt', y2023), item('b/2024.txt', bad2024)]);
    expect(results).toHaveLength(1);
    expect(results[0]!.index).toBe(1);
    expect(results[0]!.findings.map((f) => [f.code, f.at, f.expected, f.found])).toEqual([
      ['CROSS.CARRY', 'applications.carriedOver.naturalPerson', 1, 2],
      ['CROSS.CARRY', 'applications.carriedOver.total', 1, 2],
      ['CROSS.IN_FORCE', 'proactive.normativeDocuments.inForce', 9, 10],
    ]);
  });

  it('finds nothing in the reports as printed', () => {
    expect(crossYearResults([item('2023.txt', y2023), item('2024.txt', y2024)])).toEqual([]);
  });

  it('pairs one body under its names with and without 人民政府, only with the year before, never two unnamed reports', () => {
    const renamed = { ...bad2024, unit: ' 青禾县 云岭镇 ' };
    expect(crossYearResults([item('x', y2023), item('y', renamed)])).toHaveLength(1);
    const twoYearsLater = { ...bad2024, year: 2025 };
    expect(crossYearResults([item('x', y2023), item('y', twoYearsLater)])).toEqual([]);
    const otherBody = { ...bad2024, unit: '青禾县林业局' };
    expect(crossYearResults([item('x', y2023), item('y', otherBody)])).toEqual([]);
    const unnamed = (r: typeof y2023) => ({ ...r, unit: null });
    expect(crossYearResults([item('x', unnamed(y2023)), item('y', unnamed(bad2024))])).toEqual([]);
  });

  it('compares with the first of two reports of the year before, in output order', () => {
    const consistent2023 = { ...y2023, applications: { ...y2023.applications, carriedForward: { ...y2023.applications.carriedForward!, naturalPerson: 2, total: 2 } } };
    expect(crossYearResults([item('1', consistent2023), item('2', y2023), item('3', bad2024)])[0]!.findings.map((f) => f.code)).toEqual(['CROSS.IN_FORCE']);
    expect(crossYearResults([item('1', y2023), item('2', consistent2023), item('3', bad2024)])[0]!.findings.map((f) => f.code)).toEqual([
      'CROSS.CARRY', 'CROSS.CARRY', 'CROSS.IN_FORCE',
    ]);
  });
});

describe('gongkai batch: CROSS findings in findings.csv', () => {
  it('adds the CROSS findings of 云岭镇 2024 against its 2023 report at the end of findings.csv, and counts them in series.csv', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-cross-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', '2023.txt'), readFileSync(join(REPORTS, 'yunling-2023.tsv.txt')));
    writeFileSync(join(dir, 'in', '2024.txt'), altered2024());
    writeFileSync(join(dir, 'in', 'other-body-2024.txt'), readFileSync(join(REPORTS, 'songxi-2024.tsv.txt')));
    const run = spawnSync(process.execPath, [BIN, 'batch', join(dir, 'in'), '--out', join(dir, 'out')], { encoding: 'utf8' });
    expect(run.status).toBe(0);

    const lines = readFileSync(join(dir, 'out', 'findings.csv'), 'utf8').trim().split('\n');
    const cross = lines.filter((l) => l.includes(',CROSS.'));
    const file = join(dir, 'in', '2024.txt');
    expect(cross).toHaveLength(3);
    expect(lines.slice(-3)).toEqual(cross);
    expect(cross[0]).toMatch(new RegExp(`^${file},青禾县云岭镇人民政府,2024,CROSS\\.CARRY,error,applications\\.carriedOver\\.naturalPerson,1,2,`));
    expect(cross[1]).toMatch(new RegExp(`^${file},青禾县云岭镇人民政府,2024,CROSS\\.CARRY,error,applications\\.carriedOver\\.total,1,2,`));
    expect(cross[2]).toMatch(new RegExp(`^${file},青禾县云岭镇人民政府,2024,CROSS\\.IN_FORCE,warning,proactive\\.normativeDocuments\\.inForce,9,10,`));

    // series.csv: 2024's row shows 2023's 结转下年度 (1) beside its own 上年结转 (2), "no", and
    // its error and warning counts are those of findings.csv.
    const own = (severity: string) => lines.filter((l) => l.startsWith(`${file},`) && l.split(',')[4] === severity).length;
    const series = readFileSync(join(dir, 'out', 'series.csv'), 'utf8').trim().split('\n');
    const row = series.find((l) => l.includes(`,2024,`) && l.includes(file))!.split(',');
    expect(row.slice(-4)).toEqual(['1', 'no', String(own('error')), String(own('warning'))]);
    expect(own('error')).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
