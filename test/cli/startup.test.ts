/**
 * What the `gongkai` command loads to start: `--help` and `parse` of a text report must not
 * pull in the PDF or Word readers, the database, the web server, the spreadsheet, chart or
 * browser libraries (issue 14). The built CLI runs as a user runs it, under a loader hook that
 * writes down every module it loads (test/support/module-trace.mjs). How long start-up takes is
 * measured by `npm run bench`, never asserted here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/shared.js';

const ROOT = resolve(FIXTURES, '../..');
const BIN = join(ROOT, 'bin/gongkai.js');
const TRACE_HOOK = join(ROOT, 'test/support/module-trace.mjs');
const BUILT = join(ROOT, 'dist/cli/main.js');

/** Packages no short command needs; `@hono/` stands for every package of that scope. */
const HEAVY = [
  'pdfjs-dist', 'mammoth', '@electric-sql/pglite', 'pg', 'exceljs', 'hono', '@hono/', 'react', 'react-dom',
  'docx', 'playwright-core', 'echarts', 'jszip',
];

let traces: string;

beforeAll(() => {
  traces = mkdtempSync(join(tmpdir(), 'gongkai-startup-'));
  // `npm test` builds first; a checkout without dist/ is built here rather than skipped.
  if (!existsSync(BUILT)) {
    spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
    if (!existsSync(BUILT)) throw new Error(`${BUILT} 不存在：请先 npm run build (dist/ missing; build it first)`);
  }
}, 300_000);

afterAll(() => rmSync(traces, { recursive: true, force: true }));

/** Run the built CLI; returns its output and the packages (under node_modules) it loaded. */
function traced(name: string, args: string[]) {
  const trace = join(traces, `${name}.txt`);
  const run = spawnSync(process.execPath, ['--import', TRACE_HOOK, BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GONGKAI_MODULE_TRACE: trace },
  });
  const modules = existsSync(trace) ? readFileSync(trace, 'utf8').split('\n').filter(Boolean) : [];
  const packages = new Set(modules.flatMap((m) => [...m.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].map((p) => p[1]!).slice(-1)));
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, modules, packages: [...packages].sort() };
}

const heavyIn = (packages: readonly string[]) => packages.filter((p) => HEAVY.some((h) => (h.endsWith('/') ? p.startsWith(h) : p === h)));

describe('gongkai start-up', () => {
  it('records the modules a process loads (the trace itself works)', () => {
    const { code, modules, packages } = traced('help', ['--help']);
    expect(code).toBe(0);
    expect(modules.some((m) => m.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(packages).toContain('commander');
  });

  it('--help loads no reader, database, server, spreadsheet or browser library', () => {
    const { code, stdout, packages } = traced('help', ['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('parse [options] <files...>');
    expect(stdout).toContain('register');
    expect(heavyIn(packages)).toEqual([]);
  });

  it('parse of a text report loads none of them either, and still gives the right model', () => {
    const { code, stdout, stderr, packages } = traced('parse', ['parse', join(FIXTURES, 'reports/yunling-2024.tsv.txt')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const model = JSON.parse(stdout) as { unit: string; proactive: { licensing: { decisions: number } } };
    expect(model.unit).toBe('青禾县云岭镇人民政府');
    expect(model.proactive.licensing.decisions).toBe(156); // 表二 第二十条第（五）项 行政许可
    expect(heavyIn(packages)).toEqual([]);
  });
});
