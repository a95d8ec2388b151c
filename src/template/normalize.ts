/**
 * Text normalisation for label matching.
 *
 * Real reports write the same label in many ways: full- or half-width brackets and digits,
 * curly or straight quotes, `1、` or `1.`, spaces and line breaks inside a label, Traditional
 * characters on mirrored sites. Everything that compares a label to the template goes through
 * `normalizeLabel`, so the template itself only spells each label once.
 */

/** Traditional → Simplified for the characters that occur in template labels and titles. */
const TRADITIONAL: Record<string, string> = Object.fromEntries(
  [
    '開开', '報报', '數数', '處处', '請请', '資资', '權权', '機机', '關关', '證证', '會会', '務务',
    '規规', '範范', '強强', '許许', '罰罚', '費费', '額额', '單单', '萬万', '總总', '計计', '結结',
    '轉转', '續续', '辦办', '現现', '實实', '業业', '構构', '織织', '獲获', '認认', '複复', '議议',
    '訟讼', '維维', '審审', '糾纠', '級级', '論论', '險险', '穩稳', '護护', '內内', '過过', '項项',
    '製制', '廢废', '發发', '決决', '況况', '問问', '題题', '進进', '體体', '歸归', '屬属', '國国',
    '祕秘', '執执', '詢询', '無无', '將将', '當当', '據据', '確确', '舉举', '訴诉', '類类', '復复',
    '謂谓', '圍围', '與与', '為为', '對对', '於于', '區区', '縣县', '鄉乡', '鎮镇', '號号', '門门',
    '網网', '導导', '責责', '負负', '條条', '見见', '動动', '監监', '經经', '濟济', '億亿', '齡龄',
    '錄录', '細细', '彙汇', '匯汇', '產产', '積积', '極极', '這这', '兩两', '個个', '來来', '時时',
    '間间', '後后', '並并', '讀读', '頁页', '記记', '錯错', '財财', '預预', '採采', '購购', '點点',
    '稱称', '勢势', '應应', '歲岁', '學学', '醫医', '療疗', '環环', '戶户', '員员', '種种', '統统',
    '標标', '準准', '樣样', '補补', '齊齐', '違违', '紀纪', '錢钱', '繳缴', '兌兑', '諮咨', '說说',
    '響响', '訊讯', '團团', '黨党', '聯联', '鄰邻', '華华', '長长', '義义', '習习', '創创', '輕轻', '漢汉',
  ].map((pair) => [pair[0]!, pair[1]!]),
);

/**
 * Marks that labels carry inconsistently: white space and quotes go, Chinese punctuation
 * becomes its ASCII twin. One pass with a lookup table (this runs on every line of a report).
 */
const FOLD: Record<string, string> = {
  '，': ',', '：': ':', '；': ';', '—': '-', '–': '-', '－': '-',
  '"': '', "'": '', '“': '', '”': '', '‘': '', '’': '', '「': '', '」': '', '『': '', '』': '',
  '《': '', '》': '', '<': '', '>': '', '*': '', _: '', '#': '', '`': '', '~': '', '·': '', '•': '',
};
const FOLDED = /[\s\u3000\u00a0"'“”‘’「」『』《》<>*_#`~·•，：；—–－]/g;
const fold = (ch: string): string => FOLD[ch] ?? '';
/** Characters NFKC would change that occur in reports: full-width forms and compatibility ideographs. */
const NEEDS_NFKC = /[\uff00-\uffef\u2460-\u24ff\u2f00-\u2fdf\u3200-\u33ff\uf900-\ufaff]/;

/** NFKC, skipped (it is costly on every cell) when the text has none of the characters it would change. */
export function compatibleForm(text: string): string {
  return NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text;
}

const TRADITIONAL_CHARS = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'g');

/** Convert Traditional characters we know of to Simplified. */
export function toSimplified(text: string): string {
  const simplified = text.replace(TRADITIONAL_CHARS, (ch) => TRADITIONAL[ch]!);
  // Converters to Taiwan usage (Simplified → Traditional mirrors) write 文件 as 檔案.
  return simplified.includes('檔案') ? simplified.replace(/檔案/g, '文件') : simplified;
}

/**
 * Fold width and script differences so that two spellings of one label compare equal:
 * NFKC (full-width digits and brackets → ASCII), Traditional → Simplified, no white space,
 * no quotes, Chinese and ASCII commas and colons unified, `1、` → `1.`.
 */
export function normalizeLabel(text: string): string {
  const compatible = compatibleForm(text);
  return toSimplified(compatible).replace(FOLDED, fold).replace(/(\d)[、．]/g, '$1.');
}

const CHINESE_NUMERALS = '一二三四五六七八九十';

/** Numbering at the start of a label: `一、`, `（三）`, `(3)`, `3.`, `3、`. */
const NUMBERING = /^(?:[(（]?[一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|[(（]\d+[)）]|\d+[.、．](?!\d))/;

/** Strip every leading numbering (a label may carry a group's and its own: `三、（一）`). */
export function stripNumbering(label: string): string {
  let rest = label;
  for (;;) {
    const m = NUMBERING.exec(rest);
    if (!m) return rest;
    rest = rest.slice(m[0].length);
  }
}

/** The ordinal of a leading numbering (`三、` → 3, `（二）` → 2, `4.` → 4), or null. */
export function leadingOrdinal(label: string): number | null {
  const m = /^[(（]?([一二三四五六七八九十]+|\d+)[)）、.．]/.exec(label.trim());
  if (!m) return null;
  const token = m[1]!;
  if (/^\d+$/.test(token)) return Number(token);
  return chineseNumber(token);
}

/** Small Chinese numerals (一 … 九十九) to numbers; null when not one. */
export function chineseNumber(token: string): number | null {
  if (!/^[一二三四五六七八九十两]+$/.test(token)) return null;
  const digit = (ch: string | undefined): number => (ch === '两' ? 2 : CHINESE_NUMERALS.indexOf(ch ?? '') + 1);
  const ten = token.indexOf('十');
  if (ten < 0) return token.length === 1 ? digit(token) : null;
  const tens = ten === 0 ? 1 : digit(token[ten - 1]);
  const ones = ten === token.length - 1 ? 0 : digit(token[ten + 1]);
  return tens * 10 + ones;
}

/** Dice coefficient of character bigrams: a cheap, order-aware similarity for short labels. */
export function bigramSimilarity(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let common = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      common++;
      grams.set(g, n - 1);
    }
  }
  return (2 * common) / (a.length - 1 + b.length - 1);
}
