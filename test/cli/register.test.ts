/**
 * `gongkai register` as an officer uses it, on the embedded database in a folder of its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../src/model/report.js';
import { FIXTURES } from '../support/shared.js';

const BIN = resolve(FIXTURES, '../../bin/gongkai.js');

describe('gongkai register', () => {
  it('registers, refuses an impossible reply, lists what is due and reports the year', () => {
    const env = { ...process.env, GONGKAI_DATA_DIR: mkdtempSync(join(tmpdir(), 'gongkai-data-')), DATABASE_URL: '' };
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'register', ...args], { encoding: 'utf8', env });
    expect(run('body', 'yl', '青禾县云岭镇人民政府').status).toBe(0);
    expect(run('add', '--body', 'yl', '--id', 'Y-001', '--type', 'naturalPerson', '--name', '张三', '--received', '2025-12-29', '--description', '某村征地批复').status).toBe(0);
    expect(run('add', '--body', 'yl', '--id', 'Y-002', '--type', 'commercial', '--name', '某公司', '--received', '2025-06-02', '--description', '某项目批复').status).toBe(0);

    const early = run('event', 'Y-001', 'replied', '--on', '2025-12-01', '--outcome', 'granted');
    expect(early.status).toBe(2);
    expect(early.stderr).toContain('早于收到申请的日期');
    expect(run('event', 'Y-002', 'replied', '--on', '2025-06-20', '--outcome', 'partlyGranted').status).toBe(0);

    const list = run('list', '--body', 'yl', '--json');
    expect(JSON.parse(list.stdout)).toMatchObject([{ id: 'Y-001', due: '2026-01-27', provisional: false }]);

    const report = JSON.parse(run('report', '--body', 'yl', '--year', '2025').stdout) as { applications: Record<string, Record<string, number>> };
    expect(report.applications.newReceived).toMatchObject({ naturalPerson: 1, commercial: 1, total: 2 });
    expect(report.applications.partlyGranted).toMatchObject({ commercial: 1, total: 1 });
    expect(report.applications.carriedForward).toMatchObject({ naturalPerson: 1, total: 1 });

    // The 台账 goes out to Excel and into another body's register unchanged.
    const xlsx = join(env.GONGKAI_DATA_DIR, '台账.xlsx');
    expect(run('export', '--body', 'yl', '-o', xlsx).status).toBe(0);
    expect(run('body', 'copy', '复制镇人民政府').status).toBe(0);
    const sameIds = run('import', xlsx, '--body', 'copy');
    expect(sameIds.status).toBe(2); // application numbers are unique across the register
    expect(sameIds.stderr).toContain('编号重复');
    expect(run('appeal', '--body', 'yl', '--id', 'F-1', '--kind', 'reconsideration', '--filed', '2025-07-01', '--decided', '2025-09-01', '--result', 'upheld').status).toBe(0);
    expect(run('document', '--body', 'yl', '--id', '云政规〔2025〕1号', '--kind', 'normativeDocuments', '--title', '某办法', '--issued', '2025-03-01').status).toBe(0);
    expect(run('figures', '--body', 'yl', '--year', '2025', '--licensing', '40', '--penalty', '2', '--coercion', '0', '--fees', '0').status).toBe(0);
    const full = JSON.parse(run('report', '--body', 'yl', '--year', '2025').stdout) as AnnualReport;
    expect(full.appeals.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(full.proactive.normativeDocuments).toEqual({ issued: 1, repealed: 0, inForce: 1 });
    expect(full.proactive.licensing).toEqual({ decisions: 40 });
  }, 180_000);
});
