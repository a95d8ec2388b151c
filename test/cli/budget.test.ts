/**
 * The CLI applies the server's reading budget and says which one stopped a file (issue 17):
 * a PDF of 20,000 pages stops at once with the page budget named, exit code 2; the budget is
 * set from the environment, and a wrong value is named rather than ignored.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manyPagePdf } from '../support/hostile.js';
import { FIXTURES, writeTemp } from '../support/shared.js';

const BIN = resolve(FIXTURES, '../../bin/gongkai.js');

function gongkai(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gongkai parse and check within the reading budget', () => {
  const pdf = writeTemp('两万页.pdf', manyPagePdf(20_000));

  it('stops on a PDF of 20,000 pages, naming the page budget', () => {
    const r = gongkai(['parse', pdf]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('两万页.pdf');
    expect(r.stderr).toContain('超过读取预算（每个 PDF 500 页）');
    expect(r.stderr).toContain('20000 页');
  }, 120_000);

  it('check says the same', () => {
    const r = gongkai(['check', pdf]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('超过读取预算（每个 PDF 500 页）');
  }, 120_000);

  it('takes the budget from the environment', () => {
    const r = gongkai(['parse', join(FIXTURES, 'reports', 'yunling-2024.md')], { GONGKAI_READ_MAX_TEXT_CHARS: '1000' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('超过读取预算（每个文件 1000字）');
  }, 120_000);

  it('names a wrong budget value instead of ignoring it', () => {
    const r = gongkai(['parse', join(FIXTURES, 'reports', 'yunling-2024.md')], { GONGKAI_READ_MAX_PAGES: '很多' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('GONGKAI_READ_MAX_PAGES=很多 无效');
  }, 120_000);
});
