/**
 * A published annual report as text, for a unit name of the test's choosing: the official
 * tables (二 to 四) of an existing fixture, with a title, a short narrative and a signature
 * written here. Used where the body a report names is what is being tested (upload matching).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './shared.js';

/** The official tables (二 to 四) of a fixture, with a title, narrative and signature written here for `unit`. */
const TABLES = (() => {
  const lines = readFileSync(join(FIXTURES, 'reports', 'songxi-2024.tsv.txt'), 'utf8').split('\n');
  return lines.slice(lines.indexOf('二、主动公开政府信息情况'), lines.findIndex((l) => l.startsWith('五、存在的主要问题'))).join('\n');
})();

export function reportOf(unit: string, year = 2024, note = ''): string {
  return [
    `${unit}${year}年政府信息公开工作年度报告`,
    '',
    '一、总体情况',
    `${year}年，本机关按照条例要求做好政府信息公开工作，本报告统计期限为${year}年1月1日至${year}年12月31日。${note}`,
    '',
    TABLES,
    '五、存在的主要问题及改进情况',
    `一是栏目更新不够及时；二是解读材料偏少。${year + 1}年将按月检查栏目更新情况。`,
    '',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
    '',
    unit,
    `${year + 1}年1月20日`,
  ].join('\n');
}

