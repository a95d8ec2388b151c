/**
 * `gongkai due --calendar FILE`, run as a real process (needs `npm run build`): the issue's example — an
 * application received 2026-12-04 is due 2027-01-04 (元旦 is off by law), provisional until 2027's notice is in,
 * firm with a calendar file that marks 2027 complete.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));
const NOTICE = fileURLToPath(new URL('./fixtures/notice-2027.txt', import.meta.url));
const gongkai = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, 'due', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'gongkai-due-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('gongkai due --calendar', () => {
  it('without a file: 2027-01-04, provisional', () => {
    const { code, stdout } = gongkai(['--received', '2026-12-04', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ due: '2027-01-04', provisional: true });
  });
  it('with a JSON file marking 2027 complete: the same date, firm', () => {
    const json = file('2027.json', JSON.stringify({ year: 2027, source: '测试用安排', complete: true, off: ['2027-01-01/2027-01-03'], work: [] }));
    const { code, stdout } = gongkai(['--received', '2026-12-04', '--calendar', json, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ due: '2027-01-04', provisional: false });
  });
  it('without complete: true the rest of 2027 stays provisional', () => {
    const json = file('partial.json', JSON.stringify({ year: 2027, off: ['2027-01-01'] }));
    expect(JSON.parse(gongkai(['--received', '2026-12-04', '--calendar', json, '--json']).stdout)).toMatchObject({ provisional: true });
  });
  it('with the notice text: 调休 counts (2027-01-31 is a working Sunday in the test notice)', () => {
    // received 2027-01-22 (Fri): Jan 25–29 = 5; 31 (Sun, 调休) = 6; Feb 1–4 = 10; Feb 5–13 off; 15–19 = 15; 20 (Sat, 调休) = 16;
    // 22 23 24 25 = 20
    const { code, stdout } = gongkai(['--received', '2027-01-22', '--calendar', NOTICE, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ due: '2027-02-25', provisional: false });
  });
  it('explains the file format in Chinese in --help', () => {
    const { stdout } = gongkai(['--help']);
    expect(stdout).toContain('节假日安排文件（--calendar）');
    expect(stdout).toContain('"complete": true');
  });
  it('a bad file is refused with a Chinese message and exit code 2', () => {
    const bad = gongkai(['--received', '2026-12-04', '--calendar', file('bad.json', '{"year": 2027, "off": ["2027-13-01"]}')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('月份应在 01 至 12 之间');
    const missing = gongkai(['--received', '2026-12-04', '--calendar', join(dir, 'none.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('文件不存在');
  });
});
