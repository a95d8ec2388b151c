/**
 * What a report's narrative says about how many disclosure applications the body received in
 * the year (`全年收到政府信息公开申请16件`), so a checker can compare it with table 三's 本年新收.
 *
 * A statement found wrongly becomes a false warning to a government office, so every pattern
 * here prefers missing a sentence to misreading one:
 * - only the verbs 收到 / 新收 / 接收 count (受理, 办理 and 答复 are often a sub-unit's numbers);
 * - the words between the verb, 申请 and the number come from short, closed lists or must
 *   name disclosure (公开), so `收到行政复议申请`, `收到申请之日起15个工作日` and
 *   `收到申请，5件予以公开` are not read as counts;
 * - nothing may cross a sentence mark, a digit or a table cell.
 */

export interface StatedCount {
  /** The number the sentence states (0 for "未收到…申请"). */
  value: number;
  /** True when the text gives a lower bound or approximation (十余件, 20多件, 近百件): compare loosely. */
  approximate: boolean;
  /** The matched text, verbatim, for the message shown to the user. */
  raw: string;
  /** Offset of the match in the given text. */
  index: number;
}

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese or Arabic numeral to number: '12', '１２', '一', '两', '十', '十二', '二十三', '一百零五', '三千零一' → number; null if not a numeral. */
export function parseNumeral(token: string): number | null {
  if (/^[0-9０-９]+$/.test(token)) return Number(token.normalize('NFKC'));
  if (token === '') return null;
  if (token.length === 1 && token in DIGITS) return DIGITS[token]!;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  let afterZero = false;
  for (const ch of token) {
    const d = DIGITS[ch];
    const u = UNITS[ch];
    if (d === 0) {
      // 零 only stands between a unit and a digit (一百零五); twice or first is not a number.
      if (digit !== null || afterZero || lastUnit === Infinity) return null;
      afterZero = true;
    } else if (d !== undefined) {
      // Two digits in a row (一二, 一两) mean "one or two" or a digit string: not a count.
      if (digit !== null) return null;
      digit = d;
    } else if (u !== undefined) {
      if (u >= lastUnit || (digit === null && (total > 0 || afterZero))) return null;
      total += (digit ?? 1) * u; // 十二 and 百 (近百件) carry an implied 一
      digit = null;
      lastUnit = u;
      afterZero = false;
    } else {
      return null;
    }
  }
  if (afterZero && digit === null) return null;
  // A digit right after 百 or 千 without 零 is the next place down: 一百五 is 150, 三千五 3500.
  if (digit !== null) total += afterZero || lastUnit === 10 ? digit : digit * (lastUnit / 10);
  return total;
}

const VERB = '(?:收到|新收|接收)';
/** Characters no gap may contain: sentence marks, digits, table cells, brackets. */
const NO_CROSS = '\\d０-９。；;！!？?，,：:\\t|()（）【】\\[\\]';
/** Words that turn the sentence into another count or another kind of application. */
const STOP = '受理|办理|答复|结转|收到|新收|接收|复议|诉讼|投诉|举报|信访';
const gap = (max: number, alsoStop = ''): string => `(?<gap>(?:(?!${STOP})[^${NO_CROSS}${alsoStop}]){0,${max}}?)`;
/** `申请` as the object, not 申请人 (applicant) or a time limit (收到申请之日起). */
const OBJECT = '申请(?!人)';
/** What may stand between 申请 and its number: `公开事项`, `数量为`, `，共计`, `总计：`. */
const AFTER_OBJECT =
  '(?:公开|事项|申请|信息|材料|书|表)*(?:的?(?:数量|总数|总量|件数))?\\s*' +
  '(?:[，,]?\\s*(?:共计|合计|总计|累计|共有|一共|共|计|达到?))?\\s*(?:为|是)?\\s*[:：]?\\s*';
const COUNT =
  '(?<near>近|约|大约|将近|逾|超过)?\\s*(?<num>[0-9０-９]+|[〇零一二两三四五六七八九十百千]+)\\s*(?<more>余|多)?\\s*' +
  '[件条项个起份](?!工作日|自然日|个?月|小时|日|天)';

/** `收到政府信息公开申请16件`, `收到依申请公开事项1项`, `共收到申请 21 件`. */
const OBJECT_FIRST = new RegExp(`${VERB}${gap(20)}${OBJECT}(?<tail>${AFTER_OBJECT})${COUNT}`, 'g');
/** `收到16件政府信息公开申请`; no 、 after the count (`收到10件来信、信息公开申请5件`). */
const COUNT_FIRST = new RegExp(
  `${VERB}(?:了|到)?(?:各类|共计?|合计|总计|累计)?\\s*${COUNT}${gap(12, '、')}${OBJECT}(?<tail>)`,
  'g',
);
/** `未收到政府信息公开申请`, `没有收到任何要求公开信息的申请`, `无依申请公开事项`: must end the clause. */
const NONE = new RegExp(
  `(?:(?:未曾|尚未|从未|没有|未|没)${VERB}${gap(20)}|(?<!有)无(?:任何)?(?<gap2>依|(?:政府)?信息公开))` +
  `${OBJECT}(?<tail>(?:公开|事项|申请|信息|材料|书|表|的?情况)*)`,
  'g',
);
const NEGATED = /(?:未|没有?|未曾)$/;
const GENERIC_GAP = /^(?:了|到|各类|各项|任何|共计?|总计|合计|累计|一共|的|\s)*$/;
const CLAUSE_END = /^[，,。；;！!？?、)）\s]?$/;

/** Bare `申请` counts only when nothing but filler precedes it or the words name disclosure (公开). */
function isDisclosure(gapText: string, tail: string): boolean {
  return GENERIC_GAP.test(gapText) || /公开|依$/.test(gapText) || tail.startsWith('公开');
}

/** The text with line breaks removed (PDF lines break inside sentences), and each character's offset in the original. */
function joinLines(text: string): { flat: string; at: number[]; breaks: Set<number> } {
  let flat = '';
  const at: number[] = [];
  const breaks = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\n' && ch !== '\r') {
      flat += ch;
      at.push(i);
      continue;
    }
    breaks.add(flat.length);
    // Digits on two lines are two table cells, not one number.
    const next = text.slice(i + 1).replace(/^[\r\n]+/, '')[0] ?? '';
    if (/[0-9０-９]$/.test(flat) && /[0-9０-９]/.test(next) && !flat.endsWith(' ')) {
      flat += ' ';
      at.push(i);
    }
  }
  return { flat, at, breaks };
}

/** Every statement in `text` of applications received in the year. */
export function statedApplicationCounts(text: string): StatedCount[] {
  const { flat, at, breaks } = joinLines(text);
  const found: { start: number; end: number; value: number; approximate: boolean }[] = [];

  for (const pattern of [OBJECT_FIRST, COUNT_FIRST]) {
    for (const m of flat.matchAll(pattern)) {
      const g = m.groups ?? {};
      const value = parseNumeral(g.num ?? '');
      if (value === null || NEGATED.test(flat.slice(Math.max(0, m.index - 2), m.index))) continue;
      if (!isDisclosure(g.gap ?? '', g.tail ?? '')) continue;
      found.push({ start: m.index, end: m.index + m[0].length, value, approximate: Boolean(g.near ?? g.more) });
    }
  }
  for (const m of flat.matchAll(NONE)) {
    const g = m.groups ?? {};
    const end = m.index + m[0].length;
    // `未收到申请人的异议` or `无依申请公开事项被纠错` say something else: the clause must stop here.
    if (!CLAUSE_END.test(flat.charAt(end)) && !breaks.has(end)) continue;
    if (g.gap2 === undefined && !isDisclosure(g.gap ?? '', g.tail ?? '')) continue;
    found.push({ start: m.index, end, value: 0, approximate: false });
  }

  found.sort((a, b) => a.start - b.start);
  const result: StatedCount[] = [];
  let reached = -1;
  for (const f of found) {
    if (f.start < reached) continue; // one sentence read by two patterns
    reached = f.end;
    const index = at[f.start]!;
    result.push({ value: f.value, approximate: f.approximate, raw: text.slice(index, at[f.end - 1]! + 1), index });
  }
  return result;
}
