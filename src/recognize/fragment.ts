/**
 * A page cut out of a report (a flip-book page, one page of a PDF) may begin inside a table,
 * below its header and its section's heading: `四、结转下年度继续办理 0 0 0 0 0 0 0` and then
 * `四、政府信息公开行政复议、行政诉讼情况`. The rows above the first heading found are the end of
 * the table before it, and are read as such.
 */
import type { TextDocument } from '../read/text.js';
import { normalizeLabel } from '../template/normalize.js';
import type { SectionHit } from './sections.js';

/** Row labels only the body of table 二 or 三 carries (not their headers, which such a page lacks). */
const ROW_WORDS: Record<2 | 3, RegExp> = {
  2: /规章|规范性文件|行政许可|其他对外管理服务事项|行政处罚|行政强制|行政事业性收费|政府集中采购/,
  3: /本年新收|上年结转|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计|结转下年度继续办理|结转下一年度继续办理/,
};

/** A line holding a row label and at least one number: a data row, not prose about one. */
function isDataRow(text: string, no: 2 | 3): boolean {
  if (text.length > 160 || !/\d/.test(text)) return false;
  const norm = normalizeLabel(text);
  return ROW_WORDS[no].test(norm) && /(?:^|[\s|])[+-]?\d+(?:\.\d+)?(?=[\s|]|$)/.test(text);
}

/**
 * Lines [from, to) of table `no` when the document opens inside it: no heading of its own was
 * found, the first heading found is a later section's, and a data row of the table stands above it.
 */
export function leadingTableRegion(doc: TextDocument, no: 2 | 3, hits: readonly SectionHit[]): { from: number; to: number } | null {
  const first = hits[0];
  if (!first || first.def.no <= no || hits.some((h) => h.def.no === no)) return null;
  for (let i = 0; i < first.index; i++) if (isDataRow(doc.lines[i]!.text, no)) return { from: i, to: first.index };
  return null;
}
