/**
 * Some PDF producers (Chromium's print-to-PDF among them) map CJK glyphs to the Kangxi
 * Radicals and CJK Radicals Supplement blocks (⼀ U+2F00, ⻚ U+2EDA) instead of the unified
 * ideographs they look like. NFKC folds the Kangxi block; the supplement needs a table.
 */
const SUPPLEMENT: Record<string, string> = {
  '⺟': '母', '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻋': '车', '⻓': '长', '⻔': '门', '⻘': '青',
  '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻩': '黄', '⻬': '齐',
  '⻮': '齿', '⻰': '龙', '⻳': '龟',
};
const RADICALS = /[\u2e80-\u2fdf]/;
const SUPPLEMENT_CHARS = /[\u2e80-\u2eff]/g;

export function foldRadicals(text: string): string {
  if (!RADICALS.test(text)) return text;
  return text.replace(SUPPLEMENT_CHARS, (c) => SUPPLEMENT[c] ?? c).replace(/[\u2f00-\u2fdf]+/g, (run) => run.normalize('NFKC'));
}
