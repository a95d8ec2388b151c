/**
 * A year's holiday arrangement written down for `gongkai due --calendar FILE` (and anything else that wants the
 * calendar without a database): JSON, one year or a list of years,
 *
 *   { "year": 2027, "source": "国办发明电〔2026〕X号", "complete": true,
 *     "off": ["2027-01-01/2027-01-03", "2027-02-05/2027-02-13"], "work": ["2027-01-31", "2027-02-20"] }
 *
 * `off` lists the days off and `work` the weekend days that become working days (调休上班); an entry is a date or
 * an inclusive range `FROM/TO` (ISO 8601 interval). `complete: true` says the list is the year's whole notice, so
 * dates of that year are no longer provisional. Or the text of the State Council notice itself (see notice.ts),
 * which is complete by nature.
 *
 * Pure: text in, overrides out.
 */
import { CalendarInputError, dayNumber, dateText, type CalendarOverride } from './calendar.js';
import { parseHolidayNotice } from './notice.js';

export interface CalendarFileContents {
  readonly overrides: readonly CalendarOverride[];
  readonly completeYears: readonly number[];
  /** What a reader should look at (from a notice's text). */
  readonly warnings: readonly string[];
}

function expand(entry: unknown, where: string): string[] {
  if (typeof entry !== 'string') throw new CalendarInputError(`${where}应为日期文字，例如 "2027-01-01" 或 "2027-02-05/2027-02-13"`);
  const [from, to, extra] = entry.split('/');
  if (extra !== undefined) throw new CalendarInputError(`${where}“${entry}”格式不对，范围应写成 起始日期/结束日期`);
  const first = dayNumber(from, `${where}的日期`);
  const last = to === undefined ? first : dayNumber(to, `${where}的结束日期`);
  if (last < first || last - first > 31) throw new CalendarInputError(`${where}“${entry}”的范围不对（结束早于开始，或超过一个月）`);
  return Array.from({ length: last - first + 1 }, (_, i) => dateText(first + i));
}

function readYear(value: unknown, index: number): { overrides: CalendarOverride[]; complete?: number } {
  const label = `日历文件第${index + 1}个年份`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CalendarInputError(`${label}应为对象：{"year": 2027, "off": [...], "work": [...], "complete": true}`);
  const y = value as Record<string, unknown>;
  if (!Number.isInteger(y.year)) throw new CalendarInputError(`${label}缺少年份 "year"（整数，例如 2027）`);
  const year = y.year as number;
  const source = typeof y.source === 'string' && y.source ? y.source : undefined;
  const overrides: CalendarOverride[] = [];
  for (const [key, work] of [['off', false], ['work', true]] as const) {
    const list = y[key] ?? [];
    if (!Array.isArray(list)) throw new CalendarInputError(`${year} 年的 "${key}" 应为日期列表`);
    list.forEach((entry, i) => {
      for (const date of expand(entry, `${year} 年 "${key}" 第${i + 1}项`)) {
        if (!date.startsWith(`${year}-`) && !(key === 'off' && date.startsWith(`${year - 1}-12-`))) {
          throw new CalendarInputError(`${year} 年的 "${key}" 中有不属于该年的日期 ${date}`);
        }
        overrides.push({ date, work, ...(source ? { source } : {}) });
      }
    });
  }
  if (y.complete !== undefined && typeof y.complete !== 'boolean') throw new CalendarInputError(`${year} 年的 "complete" 应为 true 或 false`);
  return { overrides, ...(y.complete === true ? { complete: year } : {}) };
}

/** Read a calendar file: JSON as above, or (when it is not JSON) the pasted text of a State Council notice. */
export function readCalendarFile(text: string): CalendarFileContents {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      throw new CalendarInputError(`日历文件不是有效的 JSON：${(error as Error).message}`);
    }
    const years = (Array.isArray(data) ? data : [data]).map(readYear);
    return {
      overrides: years.flatMap((y) => y.overrides),
      completeYears: years.flatMap((y) => (y.complete === undefined ? [] : [y.complete])),
      warnings: [],
    };
  }
  const notice = parseHolidayNotice(trimmed);
  return {
    overrides: notice.days.map((d) => ({ date: d.date, work: d.work, ...(notice.source ? { source: notice.source } : {}) })),
    completeYears: [notice.year],
    warnings: notice.warnings,
  };
}
