/**
 * Reading the State Council's yearly notice (国务院办公厅关于XXXX年部分节假日安排的通知) as pasted by an
 * administrator, into a proposal: the days off and the weekend days that become working days (调休上班). The
 * administrator checks the proposal before anything is saved; the checks here say what to look at.
 *
 * The notice's items read, for example (2026):
 *   一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
 *   二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
 *   八、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。
 * A sentence with 放假 gives a range (the end may omit the month, or carry its own year); a sentence with 上班
 * lists working days. Dates without a year are in the notice's year, except December dates under 元旦, which
 * belong to the year before (“12月30日至1月1日”).
 *
 * Pure.
 */
import { CalendarInputError, dateText, dayNumber, weekdayZh } from './calendar.js';
import { statutoryHolidays, type StatutoryHoliday } from './statutory.js';

export interface NoticeDay {
  readonly date: string;
  /** True for a 调休 working day, false for a day off. */
  readonly work: boolean;
  /** The item it comes from, e.g. “春节”. */
  readonly name: string;
}

export interface NoticeProposal {
  readonly year: number;
  /** The notice's number (文号) when the text carries it, e.g. “国办发明电〔2025〕7号”. */
  readonly source?: string;
  readonly days: readonly NoticeDay[];
  /** Things the administrator should look at before confirming (Chinese). */
  readonly warnings: readonly string[];
  /** The year's statutory holidays by the 放假办法, for comparison. */
  readonly statutory: readonly StatutoryHoliday[];
}

const ITEM = /([一二三四五六七八九十]+)、([^：:。\n]{1,20})[：:]/g;
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:[（(]([^）)]*)[）)])?/g;
const WEEKDAY_MARK = /(?:周|星期)([一二三四五六日天])/;
const WEEKDAY_NAMES: Readonly<Record<string, string>> = { 一: '星期一', 二: '星期二', 三: '星期三', 四: '星期四', 五: '星期五', 六: '星期六', 日: '星期日', 天: '星期日' };

/** Full-width digits and spaces to plain; the notice is often pasted from a web page or a PDF. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[ \t\u3000\u00a0]+/g, '');
}

interface DateMention {
  readonly day: number;
  /** The weekday the notice states, e.g. “星期四”. */
  readonly weekday?: string;
  readonly text: string;
}

/**
 * Read a pasted notice. `year` is the year it arranges; when omitted it is read from the title
 * (“关于2027年部分节假日安排的通知”). Throws `CalendarInputError` when nothing can be read.
 */
export function parseHolidayNotice(rawText: string, year?: number): NoticeProposal {
  const text = normalise(rawText);
  const titled = /关于(\d{4})年部分节假日安排/.exec(text);
  const noticeYear = year ?? (titled ? Number(titled[1]) : undefined);
  if (noticeYear === undefined || !Number.isInteger(noticeYear) || noticeYear < 2000 || noticeYear > 2099) {
    throw new CalendarInputError('无法确定通知安排的是哪一年：请选择年份，或粘贴包含标题“关于XXXX年部分节假日安排的通知”的全文');
  }
  const warnings: string[] = [];
  if (titled && Number(titled[1]) !== noticeYear) {
    warnings.push(`所选年份为 ${noticeYear} 年，但通知标题写的是 ${titled[1]} 年，请核对`);
  }
  const source = /国办发明电[〔[（(]\d{4}[〕\]）)][^号，。\n]{1,6}号/.exec(text)?.[0];

  const items = [...text.matchAll(ITEM)];
  if (!items.length) {
    throw new CalendarInputError('没有识别出放假安排：通知的各项应写成“一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。”这样的格式');
  }
  const days = new Map<string, NoticeDay>();
  const put = (day: number, work: boolean, name: string) => {
    const date = dateText(day);
    const earlier = days.get(date);
    if (earlier && earlier.work !== work) {
      throw new CalendarInputError(`${date} 在通知中既是放假日又是上班日，请核对原文`);
    }
    if (!earlier) days.set(date, { date, work, name });
  };

  items.forEach((item, i) => {
    const name = item[2]!;
    const body = text.slice(item.index + item[0].length, items[i + 1]?.index ?? text.length);
    const newYearItem = name.includes('元旦');
    for (const sentence of body.split(/[。；;\n]/)) {
      const mentions = readDates(sentence, noticeYear, newYearItem);
      for (const m of mentions) checkWeekday(m, warnings);
      if (sentence.includes('上班')) {
        for (const m of mentions) {
          const weekday = weekdayZh(dateText(m.day));
          if (weekday !== '星期六' && weekday !== '星期日') {
            warnings.push(`${m.text}（${dateText(m.day)}，${weekday}）本来就是工作日，通知写它上班，请核对`);
          }
          put(m.day, true, name);
        }
      } else if (sentence.includes('放假') && mentions.length) {
        const first = mentions[0]!;
        const last = sentence.includes('至') && mentions.length > 1 ? mentions[1]! : first;
        if (last.day < first.day) {
          throw new CalendarInputError(`“${name}”的放假期间 ${first.text}至${last.text} 结束早于开始，请核对`);
        }
        if (last.day - first.day > 15) {
          throw new CalendarInputError(`“${name}”的放假期间 ${first.text}至${last.text} 超过半个月，请核对`);
        }
        for (let d = first.day; d <= last.day; d++) put(d, false, name);
      }
    }
  });
  if (!days.size) {
    throw new CalendarInputError('没有识别出任何放假日期或上班日期：请粘贴通知正文中“一、元旦：……”等各项');
  }

  const statutory = statutoryHolidays(noticeYear);
  for (const h of statutory) {
    const listed = days.get(h.date);
    if (!listed || listed.work) {
      warnings.push(`${h.date}（${h.name}）是《全国年节及纪念日放假办法》规定的法定节假日，但不在通知的放假日期中，请核对`);
    }
  }
  const sorted = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  return { year: noticeYear, ...(source ? { source } : {}), days: sorted, warnings, statutory };
}

/** The dates of one sentence, in order; a date without a month takes the month of the one before it. */
function readDates(sentence: string, noticeYear: number, newYearItem: boolean): DateMention[] {
  const mentions: DateMention[] = [];
  let month: number | undefined;
  let year: number | undefined;
  for (const m of sentence.matchAll(DATE)) {
    const explicitYear = m[1] ? Number(m[1]) : undefined;
    if (m[2]) month = Number(m[2]);
    if (month === undefined) continue;
    const previous = mentions.at(-1);
    let y = explicitYear ?? year ?? (newYearItem && month === 12 ? noticeYear - 1 : noticeYear);
    if (explicitYear === undefined && previous && !m[2] && year === undefined) y = Number(dateText(previous.day).slice(0, 4));
    if (explicitYear === undefined && previous && m[2] && Number(dateText(previous.day).slice(5, 7)) === 12 && month === 1) {
      y = Number(dateText(previous.day).slice(0, 4)) + 1;
    }
    if (explicitYear !== undefined) year = explicitYear;
    const iso = `${y}-${String(month).padStart(2, '0')}-${String(Number(m[3])).padStart(2, '0')}`;
    const label = `${m[1] ? `${m[1]}年` : ''}${m[2] ? `${m[2]}月` : ''}${m[3]}日`;
    let day: number;
    try {
      day = dayNumber(iso, `通知中的日期“${label}”`);
    } catch {
      throw new CalendarInputError(`通知中的日期“${label}”不存在（${y}年），请核对`);
    }
    const mark = m[4] ? WEEKDAY_MARK.exec(m[4]) : null;
    mentions.push({ day, text: label, ...(mark ? { weekday: WEEKDAY_NAMES[mark[1]!]! } : {}) });
  }
  return mentions;
}

function checkWeekday(m: DateMention, warnings: string[]): void {
  if (!m.weekday) return;
  const actual = weekdayZh(dateText(m.day));
  if (actual !== m.weekday) {
    warnings.push(`${m.text}注明为${m.weekday}，但 ${dateText(m.day)} 是${actual}：请核对年份是否选对`);
  }
}
