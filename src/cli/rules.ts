/** `gongkai rules`: the rule catalogue, in Chinese and English. */
import { RULES } from '../rules/catalog.js';
import { writeOutput } from './io.js';

export async function rulesCommand(opts: { json?: boolean }): Promise<number> {
  if (opts.json) {
    await writeOutput(undefined, `${JSON.stringify(RULES, null, 2)}\n`);
    return 0;
  }
  const lines = RULES.map((r) => `${r.code.padEnd(28)} ${r.severity.padEnd(8)} ${r.zh}\n${' '.repeat(38)}${r.en}${r.extra ? ' (gongkai)' : ''}`);
  await writeOutput(undefined, `${lines.join('\n')}\n`);
  return 0;
}
