/**
 * `gongkai render` as an officer runs it: the files open, the layout is the template's, and a
 * report with errors still renders — with its findings listed apart only when asked.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/ingest.js';
import { FIXTURES, writeTemp } from '../support/shared.js';

const BIN = resolve(FIXTURES, '../../bin/gongkai.js');
const report = (name: string) => join(FIXTURES, 'reports', name);
const gongkai = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('gongkai render', () => {
  it('prints HTML in the official layout: every label verbatim, merged header cells, zeros as 0', () => {
    const { status, stdout } = gongkai(['render', report('yunling-2024.tsv.txt'), '--to', 'html']);
    expect(status).toBe(0);
    expect(stdout).toContain('<th rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>');
    expect(stdout).toContain('<td rowspan="8" class="label">（三）不予公开</td>');
    expect(stdout).toContain('<td class="label">2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请</td>');
    expect(stdout).toContain('<th colspan="5">复议后起诉</th>');
    expect(stdout).toContain('<td data-path="applications.withheld.stateSecret.total">0</td>');
    expect(stdout).not.toContain('<script');
  });

  it('renders a report with errors as it is, and lists the findings apart only with --with-findings', async () => {
    const model = (await parseFile(readFileSync(report('yunling-2024.tsv.txt')))).report;
    model.applications.granted!.naturalPerson = 4; // 总计 5 no longer adds up
    const file = writeTemp('broken.json', JSON.stringify(model));
    const plain = gongkai(['render', file, '--to', 'md']).stdout;
    expect(plain).toContain('| 三、本年度办理结果 | （一）予以公开 |  | 4 | 1 | 0 | 0 | 1 | 0 | 5 |');
    expect(plain).not.toContain('检查发现');
    const withFindings = gongkai(['render', file, '--to', 'md', '--with-findings']).stdout;
    expect(withFindings).toContain('附：gongkai 检查发现（不属于报告正文，发布前请删除）');
    expect(withFindings).toContain('[T3.ROW_TOTAL]');
  });

  it('writes Word to a file and refuses to print binary formats on the terminal', () => {
    const out = writeTemp('r.docx', '');
    expect(gongkai(['render', report('yunling-2024.tsv.txt'), '--to', 'docx', '--out', out]).status).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const refused = gongkai(['render', report('yunling-2024.tsv.txt'), '--to', 'docx']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--out');
    expect(gongkai(['render', report('yunling-2024.tsv.txt'), '--to', 'odt']).stderr).toContain('不支持的输出格式');
  });
});
