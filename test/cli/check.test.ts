/**
 * `gongkai check` as a supervisor runs it on a folder of reports.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, HAVE_SHARED, seedPath, writeTemp } from '../support/shared.js';

const BIN = resolve(FIXTURES, '../../bin/gongkai.js');
const report = (name: string) => join(FIXTURES, 'reports', name);

function gongkai(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonResult {
  file: string;
  unit: string;
  year: number;
  findings: { code: string; severity: string; message: string; at: string; expected: unknown; found: unknown }[];
}

describe('gongkai check', () => {
  it('exits 0 on a clean report and prints that nothing was found', () => {
    const { code, stdout } = gongkai(['check', report('yunling-2024.tsv.txt')]);
    expect(code).toBe(0);
    expect(stdout).toContain('青禾县云岭镇人民政府 2024年度 · 错误 0 · 警告 0');
  });

  it('prints --json in the documented shape, with file as given', () => {
    const { code, stdout } = gongkai(['check', '--json', report('shiquan-2024-defects.txt')]);
    expect(code).toBe(0); // warnings only
    const [result] = JSON.parse(stdout) as JsonResult[];
    expect(result!.file).toBe(report('shiquan-2024-defects.txt'));
    expect(result!.unit).toBe('石泉街道办事处');
    expect(result!.year).toBe(2024);
    const fee = result!.findings.find((f) => f.code === 'PLAUS.FEE_UNIT')!;
    expect(Object.keys(fee).sort()).toEqual(['at', 'code', 'expected', 'found', 'message', 'severity']);
  });

  it('exits 1 when a report has an error, and reads canonical JSON models too', () => {
    const parsed = spawnSync(process.execPath, [BIN, 'parse', report('yunling-2024.tsv.txt')], { encoding: 'utf8' }).stdout;
    const model = JSON.parse(parsed) as { applications: Record<string, Record<string, number>> };
    model.applications.granted!.naturalPerson = 4;
    const file = writeTemp('broken.json', JSON.stringify(model));
    const { code, stdout } = gongkai(['check', '--json', file]);
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout) as JsonResult[];
    const row = result!.findings.find((f) => f.code === 'T3.ROW_TOTAL')!;
    expect(row).toMatchObject({ at: 'applications.granted.total', expected: 6, found: 5 });
    expect(row.message).toContain('唯一的最小更正');
  });

  it('exits 2 when a file cannot be read, still checking the others', () => {
    const { code, stdout, stderr } = gongkai(['check', '--json', report('yunling-2024.md'), '/no/such/file.txt']);
    expect(code).toBe(2);
    expect(stderr).toContain('/no/such/file.txt: 文件不存在');
    expect((JSON.parse(stdout) as JsonResult[])).toHaveLength(1);
  });

  it('pairs two years of one body given in one call and checks the carry-over', () => {
    const text = readFileSync(report('yunling-2024.tsv.txt'), 'utf8');
    // Last year's report of the same body, ending the year with 2 applications open (this year says 1).
    const lastYear = text
      .replaceAll('2024', '2023')
      .replace('四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1', '四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2');
    const file = writeTemp('yunling-2023.txt', lastYear);
    const { code, stdout } = gongkai(['check', '--json', report('yunling-2024.tsv.txt'), file]);
    expect(code).toBe(1);
    const [current] = JSON.parse(stdout) as JsonResult[];
    const carry = current!.findings.filter((f) => f.code === 'CROSS.CARRY');
    expect(carry.map((f) => [f.at, f.expected, f.found])).toEqual([
      ['applications.carriedOver.naturalPerson', 2, 1],
      ['applications.carriedOver.total', 2, 1],
    ]);
    expect(current!.findings.map((f) => f.code)).toContain('SIM.DUPLICATE');
  });

  it.skipIf(!HAVE_SHARED)('shows the seeds with errors first', () => {
    const seeds = ['000_', '001_', '002_', '003_', '004_'].map(seedPath);
    const { code, stdout } = gongkai(['check', ...seeds]);
    expect(code).toBe(1);
    const order = [...stdout.matchAll(/━━ .*?(\d{3})_/g)].map((m) => m[1]);
    expect(order.slice(0, 2).sort()).toEqual(['001', '002']);
  });
});
