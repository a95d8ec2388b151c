/**
 * `gongkai check` as a supervisor runs it on a folder of reports.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFromRegister } from '../../src/register/annual.js';
import { render } from '../../src/render/render.js';
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

  it('finds a drafting prompt in section 五 and a section 一 with only its title, each at its place', () => {
    const { code, stdout } = gongkai(['check', '--json', report('shanping-2024-unfinished.txt')]);
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout) as JsonResult[];
    expect(result!.unit).toBe('青禾县杉坪乡人民政府');
    const unfinished = result!.findings.filter((f) => f.code === 'TEXT.PLACEHOLDER' || f.code === 'STRUCT.SECTION_EMPTY');
    expect(unfinished.map((f) => [f.code, f.severity, f.at, f.found])).toEqual([
      ['STRUCT.SECTION_EMPTY', 'error', 'sections.1', null],
      ['TEXT.PLACEHOLDER', 'error', 'sections.5', '（请根据2024年的实际情况填写存在的问题和2025年的改进措施。）'],
    ]);
    // Sections 二–四 are tables: no text is asked of them.
    expect(result!.findings.filter((f) => f.code === 'STRUCT.SECTION_EMPTY').map((f) => f.at)).toEqual(['sections.1']);
    const text = gongkai(['check', report('shanping-2024-unfinished.txt')]).stdout;
    expect(text).toContain('✖ 错误 [STRUCT.SECTION_EMPTY] 第一部分“总体情况”只有标题，没有正文');
    expect(text).toContain('位置 at: sections.5');
  });

  it('finds the prompts in the HTML gongkai renders from a fresh draft (marked 草稿)', async () => {
    const draft = reportFromRegister({ unit: '青禾县杉坪乡人民政府', year: 2025, applications: [], appeals: [], documents: [] });
    const html = new TextDecoder().decode(await render(draft, 'html', { draft: true }));
    expect(html).toContain('草稿');
    const file = writeTemp('shanping-2025-draft.html', html);
    const { code, stdout } = gongkai(['check', '--json', file]);
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout) as JsonResult[];
    expect(result!.year).toBe(2025);
    expect(result!.findings.filter((f) => f.code === 'TEXT.PLACEHOLDER').map((f) => [f.at, f.found])).toEqual([
      ['sections.1', '（请补充主动公开信息的数量、渠道和重点领域。）'],
      ['sections.5', '（请根据2025年的实际情况填写存在的问题和2026年的改进措施。）'],
      ['sections.6', '（请说明信息处理费的收取情况。）'],
    ]);
  });

  it.skipIf(!HAVE_SHARED)('finds no empty section among 二–四 of the seeds (they are tables)', () => {
    const seeds = ['000_', '001_', '002_', '003_', '004_'].map(seedPath);
    const results = JSON.parse(gongkai(['check', '--json', ...seeds]).stdout) as JsonResult[];
    expect(results).toHaveLength(5);
    expect(results.flatMap((r) => r.findings.filter((f) => f.code === 'STRUCT.SECTION_EMPTY' || f.code === 'TEXT.PLACEHOLDER'))).toEqual([]);
  });

  it.skipIf(!HAVE_SHARED)('shows the seeds with errors first', () => {
    const seeds = ['000_', '001_', '002_', '003_', '004_'].map(seedPath);
    const { code, stdout } = gongkai(['check', ...seeds]);
    expect(code).toBe(1);
    const order = [...stdout.matchAll(/━━ .*?(\d{3})_/g)].map((m) => m[1]);
    expect(order.slice(0, 2).sort()).toEqual(['001', '002']);
  });
});
