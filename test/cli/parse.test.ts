/**
 * The `gongkai` command as a user runs it: a real process, real files, real exit codes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../../src/model/schema.js';
import { FIXTURES, writeTemp } from '../support/shared.js';

const BIN = resolve(FIXTURES, '../../bin/gongkai.js');
const report = (name: string) => join(FIXTURES, 'reports', name);

function gongkai(args: string[], input?: string | Uint8Array) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gongkai parse', () => {
  it('prints the canonical JSON of one report', () => {
    const { code, stdout } = gongkai(['parse', report('yunling-2024.tsv.txt')]);
    expect(code).toBe(0);
    const model = JSON.parse(stdout) as Record<string, unknown>;
    expect(validateReport(model).ok).toBe(true);
    expect(model.schema).toBe('gongkai.report/v1');
    expect(model.unit).toBe('青禾县云岭镇人民政府');
    expect((model.applications as Record<string, Record<string, number>>).newReceived!.total).toBe(10);
  });

  it('prints JSON Lines for several files, and names an unreadable file with exit code 2 without losing the others', () => {
    const empty = writeTemp('empty.txt', '');
    const pdf = writeTemp('scan.pdf', '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
    const { code, stdout, stderr } = gongkai([
      'parse', report('yunling-2024.md'), empty, pdf, '/no/such/report.txt', report('linye-2020-template2019.txt'),
    ]);
    expect(code).toBe(2);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => (JSON.parse(l) as { unit: string }).unit)).toEqual(['青禾县云岭镇人民政府', '青禾县林业局']);
    expect(stderr).toContain(`${empty}: 文件是空的`);
    expect(stderr).toContain(`${pdf}: PDF 文件已损坏`);
    expect(stderr).toContain('/no/such/report.txt: 文件不存在');
  });

  it('reads standard input and writes --out', () => {
    const out = writeTemp('out.json', '');
    const { code } = gongkai(['parse', '-', '--out', out], readFileSync(report('yunling-2024.cells.gbk.txt')));
    expect(code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { year: number }).year).toBe(2024);
  });

  it('can leave provenance out', () => {
    const { stdout } = gongkai(['parse', '--no-provenance', report('yunling-2024.tsv.txt')]);
    expect(JSON.parse(stdout)).not.toHaveProperty('provenance');
  });
});

describe('gongkai schema and help', () => {
  it('prints a JSON Schema that names every table 三 row key', () => {
    const { code, stdout } = gongkai(['schema']);
    expect(code).toBe(0);
    expect(stdout).toContain('"withheld.stateSecret"');
    expect(stdout).toContain('"otherHandling.feeUnpaid"');
    expect(JSON.parse(stdout)).toHaveProperty('$id');
  });

  it('explains itself in Chinese, with English beside it', () => {
    const { code, stdout } = gongkai(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('政府信息公开工作年度报告');
    expect(stdout).toContain('Parse reports into canonical JSON');
  });

  it('rejects an unknown command with exit code 2', () => {
    expect(gongkai(['frobnicate']).code).toBe(2);
  });
});
