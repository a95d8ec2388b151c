/**
 * `gongkai batch` beside a ZIP whose directory lies about its sizes: a 300 KiB archive that
 * claims 1000 bytes and inflates to 256 MiB. The archive is refused as one row of errors.csv
 * and the run completes with the good report beside it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/shared.js';
import { buildZip, deflatedZeros } from '../support/zip-builder.js';

const BIN = resolve(FIXTURES, '../../bin/gongkai.js');

describe('gongkai batch and a ZIP that lies about its sizes', () => {
  it('refuses the archive as one error and still reads the report beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-lying-zip-'));
    const input = join(dir, 'in');
    mkdirSync(input);
    copyFileSync(join(FIXTURES, 'reports', 'yunling-2024.tsv.txt'), join(input, 'yunling-2024.txt'));
    // Declared: 1000 bytes (no zip-bomb ratio to see); real: 256 MiB of zeros, over the 200 MiB limit.
    const data = await deflatedZeros(256);
    const zip = buildZip([{ name: 'report.txt', data, method: 8, declared: 1000 }]);
    expect(zip.length).toBeLessThan(1024 * 1024);
    writeFileSync(join(input, 'lying.zip'), zip);

    const run = spawnSync(process.execPath, [BIN, 'batch', input, '--out', join(dir, 'out'), '--workers', '1'], { encoding: 'utf8' });
    // As for any unreadable input: the error is in errors.csv, the run's exit code stays 0.
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('完成：1 份报告，1 个文件无法读取');
    const reports = readFileSync(join(dir, 'out', 'reports.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { unit: string; source: { file: string } });
    expect(reports.map((r) => [r.unit, r.source.file])).toEqual([['青禾县云岭镇人民政府', join(input, 'yunling-2024.txt')]]);
    const errors = readFileSync(join(dir, 'out', 'errors.csv'), 'utf8').trim().split('\n').slice(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${join(input, 'lying.zip').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},[0-9a-f]{64},压缩包未解压：.*谎报`));
  }, 120_000);
});
