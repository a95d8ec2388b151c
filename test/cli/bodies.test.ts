/**
 * `gongkai bodies import|export` as an administrator runs it, on the embedded database in a folder
 * of its own: a wrong file is refused with its row named and nothing written; a right one goes in;
 * the export, CSV or Excel, reads back the same rows.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/shared.js';

const BIN = resolve(FIXTURES, '../../bin/gongkai.js');

const ROWS = [
  ['代码', '名称', '层级', '上级代码', '别名', '在本系统办理', '统一社会信用代码'],
  ['330100', '青禾市人民政府', '市级', '', '', '否', ''],
  ['330106', '青禾县人民政府', '县级', '330100', '青禾县政府', '是', ''],
  // A region's departments come before the regions below it, as the export writes them.
  ['qh-zr', '青禾县自然资源局', '部门', '330106', '', '是', '91350100M000100Y43'],
  ['330106001', '青禾县石泉街道办事处', '乡镇（街道）', '330106', '石泉街道办事处、石泉街道', '否', ''],
];

describe('gongkai bodies', () => {
  it('imports all or nothing and exports CSV and Excel that read back the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bodies-'));
    const env = { ...process.env, GONGKAI_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'bodies', ...args], { encoding: 'utf8', env, cwd: dir });

    const help = run('import', '--help');
    expect(help.stdout).toContain('在本系统办理');

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, [...ROWS, ['qh-jy', '青禾县教育局', '部门', '', '', '是', '']].map((r) => r.join(',')).join('\n'));
    const refused = run('import', bad);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('第 6 行：部门须填写上级代码');
    expect(refused.stderr).toContain('名录文件有 1 处错误，未导入任何内容');
    expect(run('export').stdout.replace(/^\uFEFF/, '').trim()).toBe(ROWS[0]!.join(','));

    const good = join(dir, 'good.csv');
    writeFileSync(good, ROWS.map((r) => r.join(',')).join('\n'));
    const done = run('import', good);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('地区 3 个；机关新增 4 个、更新 0 个（在本系统办理 2 个，仅收录 2 个）');

    const csv = run('export', '--format', 'csv');
    expect(csv.stdout.replace(/^\uFEFF/, '').trim().split('\n')).toEqual(ROWS.map((r) => r.join(',')));

    const xlsx = join(dir, '名录.xlsx');
    expect(run('export', '--format', 'xlsx', '-o', xlsx).status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsx).buffer as ArrayBuffer);
    const read: string[][] = [];
    book.worksheets[0]!.eachRow((row) => read.push(ROWS[0]!.map((_, i) => String(row.getCell(i + 1).value ?? ''))));
    expect(read).toEqual(ROWS);

    // The Excel file goes back in: every body is one already kept.
    const again = run('import', xlsx);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('机关新增 0 个、更新 4 个');
  }, 180_000);
});
