/**
 * `gongkai demo [DIR]`: parse every report in a folder (by default the bundled examples) and
 * show one line per report (`npm run demo`). The web application's demo — accounts and a year of
 * a township's work — is `gongkai serve --demo` (src/app/demo.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTERNAL_TOOLS } from '../adapters/external.js';
import { parseFile } from '../ingest.js';
import { complain, describeError } from './io.js';

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/reports');

export async function demoCommand(dir: string = EXAMPLES): Promise<number> {
  let files: string[];
  try {
    files = (await readdir(dir)).sort();
  } catch (error) {
    complain(dir, describeError(error));
    return 2;
  }
  process.stdout.write(`解析 ${dir} 中的 ${files.length} 份报告 (parsing ${files.length} reports)\n\n`);
  let code = 0;
  for (const file of files) {
    const result = await parseFile(await readFile(join(dir, file)), { tools: EXTERNAL_TOOLS });
    if (!result.readable) {
      complain(file, result.reason ?? '无法读取');
      code = 2;
      continue;
    }
    const r = result.report;
    const count = (s: string) => r.diagnostics.filter((d) => d.severity === s).length;
    const received = r.applications.newReceived?.total;
    process.stdout.write(
      `${file}\n  机关 ${r.unit ?? '（未知）'} · ${r.year ?? '？'}年 · ${r.template}模板 · 新收申请 ${received ?? '空'} 件\n` +
        `  诊断：错误 ${count('error')} · 警告 ${count('warning')} · 提示 ${count('info')}\n`,
    );
  }
  process.stdout.write('\n完整结果：npx gongkai parse 文件名 (full model: npx gongkai parse FILE)\n');
  return code;
}
