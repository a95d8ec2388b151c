/**
 * `gongkai batch` on a corpus made from the fixtures: shards merged give the bytes of one run,
 * a killed run finishes with the same outputs, a second run does nothing again, and one bad
 * file never stops the others.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.js';
import { FIXTURES, HAVE_SHARED, SHARED } from '../support/shared.js';

const BIN = resolve(FIXTURES, '../../bin/gongkai.js');
const OUTPUTS = ['reports.jsonl', 'findings.csv', 'cells.csv', 'errors.csv', 'series.csv', 'summary.xlsx'];
const gongkai = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const same = (a: string, b: string) => OUTPUTS.every((f) => readFileSync(join(a, f)).equals(readFileSync(join(b, f))));

function corpus(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-corpus-'));
  writeCorpus(join(dir, 'in'), n, FIXTURES);
  writeFileSync(join(dir, 'in', 'broken.pdf'), '%PDF-1.7\ntruncated');
  writeFileSync(join(dir, 'in', 'empty.txt'), '');
  return dir;
}

describe('gongkai batch', () => {
  it('writes every output; shards merged are byte-for-byte one run; a second run redoes nothing', () => {
    const dir = corpus(120);
    const input = join(dir, 'in');
    const whole = gongkai('batch', input, '--out', join(dir, 'whole'));
    expect(whole.status).toBe(0);
    expect(whole.stderr).toContain('完成：120 份报告，2 个文件无法读取');
    expect(readFileSync(join(dir, 'whole', 'reports.jsonl'), 'utf8').trim().split('\n')).toHaveLength(120);
    expect(readFileSync(join(dir, 'whole', 'errors.csv'), 'utf8')).toContain('broken.pdf');

    expect(gongkai('batch', input, '--out', join(dir, 's1'), '--shard', '1/2').status).toBe(0);
    expect(gongkai('batch', input, '--out', join(dir, 's2'), '--shard', '2/2').status).toBe(0);
    expect(gongkai('merge', join(dir, 's1'), join(dir, 's2'), '--out', join(dir, 'merged')).status).toBe(0);
    expect(same(join(dir, 'whole'), join(dir, 'merged'))).toBe(true);

    const again = gongkai('batch', input, '--out', join(dir, 'whole'));
    expect(again.stderr).toContain('已完成 122 个，待处理 0 个');
  }, 120_000);

  it('reads the reports inside a ZIP archive, and refuses a zip bomb as one error', async () => {
    const JSZip = (await import('jszip')).default;
    const dir = corpus(3);
    const zip = new JSZip();
    for (const name of ['r000000.txt', 'r000001.txt']) zip.file(`县里/${name}`, readFileSync(join(dir, 'in', name)));
    writeFileSync(join(dir, 'in', 'reports.zip'), await zip.generateAsync({ type: 'uint8array' }));
    const bomb = new JSZip();
    bomb.file('big.txt', '0'.repeat(5 * 1024 * 1024), { compression: 'DEFLATE' });
    bomb.file('more.txt', '0'.repeat(300 * 1024 * 1024), { compression: 'DEFLATE' });
    writeFileSync(join(dir, 'in', 'bomb.zip'), await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const run = gongkai('batch', join(dir, 'in'), '--out', join(dir, 'out'));
    expect(run.status).toBe(0);
    const files = readFileSync(join(dir, 'out', 'reports.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { source: { file: string } }).source.file);
    expect(files).toEqual(expect.arrayContaining([join(dir, 'in', 'reports.zip!/县里/r000000.txt'), join(dir, 'in', 'reports.zip!/县里/r000001.txt')]));
    expect(files).toHaveLength(5);
    expect(readFileSync(join(dir, 'out', 'errors.csv'), 'utf8')).toMatch(/bomb\.zip,.*压缩包未解压/);
  }, 120_000);

  it.skipIf(!HAVE_SHARED)('pairs the years of one body in series.csv (洪泽区 2023 and 2024, named differently in their titles)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-series-'));
    const run = gongkai('batch', join(SHARED, 'fixtures/real'), '--out', dir);
    expect(run.status).toBe(0);
    const lines = readFileSync(join(dir, 'series.csv'), 'utf8').trim().split('\n');
    const hongze = lines.filter((l) => l.startsWith('淮安市洪泽区,'));
    expect(hongze.map((l) => l.split(',')[1])).toEqual(['2023', '2024']);
    // 2024's 上年结转 (0) equals 2023's 结转下年度 (0).
    expect(hongze[1]!.split(',').slice(-4, -2)).toEqual(['0', 'yes']);
  }, 120_000);

  it('finishes a killed run with the same outputs as an uninterrupted one', async () => {
    const dir = corpus(600);
    const input = join(dir, 'in');
    expect(gongkai('batch', input, '--out', join(dir, 'clean')).status).toBe(0);
    const child = spawn(process.execPath, [BIN, 'batch', input, '--out', join(dir, 'killed'), '--workers', '1']);
    await new Promise<void>((resolveKill) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('进度')) {
          child.kill('SIGKILL');
          resolveKill();
        }
      });
    });
    await new Promise((r) => child.on('exit', r));
    const cached = readdirSync(join(dir, 'killed', '.cache')).filter((f) => f.endsWith('.json')).length;
    expect(cached).toBeLessThan(602);
    const resumed = gongkai('batch', input, '--out', join(dir, 'killed'));
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toMatch(/已完成 [1-9]\d* 个/);
    expect(same(join(dir, 'clean'), join(dir, 'killed'))).toBe(true);
  }, 180_000);
});
