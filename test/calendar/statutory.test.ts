/**
 * The statutory holidays of 《全国年节及纪念日放假办法》 for any year, the lunar calendar and 清明 behind them,
 * and what they change in the working-day calendar for a year whose State Council notice we do not have.
 *
 * Known dates are from published calendars (春节 2025-01-29, 2026-02-17, 2027-02-06, 2028-01-26; 除夕 2027-02-05;
 * 端午 2027-06-09; 中秋 2027-09-15; 清明 2025-04-04, 2026-04-05, 2027-04-05). The package's holiday data for
 * 2008–2026 is an independent check: every statutory day we compute must be a day off there.
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { dateText, WorkCalendar } from '../../src/calendar/calendar.js';
import { replyDue } from '../../src/calendar/clock.js';
import { LUNAR_FIRST_YEAR, LUNAR_LAST_YEAR, lunarNewYear, lunarToDay, lunarYearLength } from '../../src/calendar/lunar.js';
import { qingmingDay } from '../../src/calendar/solar-term.js';
import { statutoryHolidays, statutoryRulesFor } from '../../src/calendar/statutory.js';

const date = (day: number | undefined) => (day === undefined ? undefined : dateText(day));
const holidaysOf = (year: number) => statutoryHolidays(year).map((h) => `${h.date} ${h.name}`);

describe('the lunar calendar', () => {
  it('puts 正月初一 on the published days', () => {
    expect(date(lunarNewYear(2025))).toBe('2025-01-29');
    expect(date(lunarNewYear(2026))).toBe('2026-02-17');
    expect(date(lunarNewYear(2027))).toBe('2027-02-06');
    expect(date(lunarNewYear(2028))).toBe('2028-01-26');
    expect(date(lunarNewYear(2024))).toBe('2024-02-10');
    expect(date(lunarNewYear(2000))).toBe('2000-02-05');
  });
  it('converts 端午 and 中秋, across leap months (闰六月 2025, 闰五月 2028)', () => {
    expect(date(lunarToDay(2027, 5, 5))).toBe('2027-06-09');
    expect(date(lunarToDay(2027, 8, 15))).toBe('2027-09-15');
    expect(date(lunarToDay(2025, 5, 5))).toBe('2025-05-31');
    // 2025 has a leap sixth month: 中秋 comes one month later than in a common year
    expect(date(lunarToDay(2025, 8, 15))).toBe('2025-10-06');
    expect(date(lunarToDay(2026, 8, 15))).toBe('2026-09-25');
    expect(date(lunarToDay(2028, 5, 5))).toBe('2028-05-28');
    expect(lunarToDay(2028, 5, 5, true)).toBeDefined();
    expect(lunarToDay(2027, 5, 5, true)).toBeUndefined(); // 2027 has no leap month
  });
  it('has every year end the day before the next begins, with 353–385 days', () => {
    for (let y = LUNAR_FIRST_YEAR; y < LUNAR_LAST_YEAR; y++) {
      const length = lunarYearLength(y)!;
      expect(length, String(y)).toBeGreaterThanOrEqual(353);
      expect(length, String(y)).toBeLessThanOrEqual(385);
      expect(lunarNewYear(y)! + length, String(y)).toBe(lunarNewYear(y + 1));
    }
  });
  it('knows nothing outside 1900–2099 and refuses dates that do not exist', () => {
    expect(lunarNewYear(1899)).toBeUndefined();
    expect(lunarNewYear(2100)).toBeUndefined();
    expect(lunarToDay(2027, 13, 1)).toBeUndefined();
    expect(lunarToDay(2027, 1, 31)).toBeUndefined();
  });
});

describe('清明', () => {
  it('falls on the published days', () => {
    expect(date(qingmingDay(2025))).toBe('2025-04-04');
    expect(date(qingmingDay(2026))).toBe('2026-04-05');
    expect(date(qingmingDay(2027))).toBe('2027-04-05');
    expect(date(qingmingDay(2024))).toBe('2024-04-04');
  });
});

describe('the statutory holidays of a year', () => {
  it('2027 by the 2024 amendment: 13 days, 春节 from 除夕, 劳动节 two days', () => {
    expect(statutoryRulesFor(2027)!.since).toBe(2025);
    expect(holidaysOf(2027)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节', '2027-02-06 春节', '2027-02-07 春节', '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节', '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节', '2027-10-02 国庆节', '2027-10-03 国庆节',
    ]);
  });
  it('2024 by the 2013 version: 春节 初一至初三, 劳动节 one day', () => {
    expect(holidaysOf(2024)).toEqual([
      '2024-01-01 元旦',
      '2024-02-10 春节', '2024-02-11 春节', '2024-02-12 春节',
      '2024-04-04 清明节',
      '2024-05-01 劳动节',
      '2024-06-10 端午节',
      '2024-09-17 中秋节',
      '2024-10-01 国庆节', '2024-10-02 国庆节', '2024-10-03 国庆节',
    ]);
  });
  it('a 中秋 on 国庆 is one day with both names (2020)', () => {
    expect(holidaysOf(2020)).toContain('2020-10-01 国庆节、中秋节');
  });
  it('every statutory day of 2008–2026 is a day off in the State Council schedules the package carries', () => {
    // The package lists holidays and 调休 working days; a weekend day it lists as neither is off as well
    // (it leaves out some weekend days of a break, e.g. Saturday 2012-06-23 in the 端午 break).
    const { holidays, workdays } = chineseDaysData as { holidays: Record<string, string>; workdays: Record<string, string> };
    const weekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    let named = 0;
    for (let y = 2008; y <= 2026; y++) {
      for (const h of statutoryHolidays(y)) {
        expect(holidays[h.date] !== undefined || (weekend(h.date) && workdays[h.date] === undefined), `${h.date} ${h.name}`).toBe(true);
        if (holidays[h.date]?.includes(h.name.split('、')[0]!.replace('节', ''))) named++;
      }
    }
    // and nearly all carry the same festival's name there (the exceptions are weekend days left out, and
    // 2025-10-06, 中秋 inside the 国庆 break)
    expect(named).toBeGreaterThan(200);
  });
});

describe('a year without its notice (2027)', () => {
  const cal = new WorkCalendar();
  it('the statutory days are off for certain; the other days stay provisional', () => {
    expect(cal.dayInfo('2027-02-08')).toEqual({ date: '2027-02-08', work: false, covered: true, source: 'statute', name: '春节' });
    expect(cal.dayInfo('2027-02-09')).toMatchObject({ work: true, covered: false, source: 'weekday' });
    expect(cal.isWorkday('2027-06-09')).toBe(false);
    expect(cal.isWorkday('2027-09-15')).toBe(false);
  });
  it('an application of 2026-12-04 is due 2027-01-04, not on 元旦, and provisional', () => {
    // Dec 7–11 = 5; 14–18 = 10; 21–25 = 15; 28 29 30 31 = 19; Jan 1 元旦 off; 2 3 weekend; Jan 4 = 20
    const r = replyDue({ received: '2026-12-04' }, cal);
    expect(r).toMatchObject({ due: '2027-01-04', provisional: true });
    expect(r.steps.at(-1)!.note).toContain('已按《全国年节及纪念日放假办法》排除法定节假日');
  });
  it('no provisional due date of 2027 falls on a statutory holiday', () => {
    const statutory = new Set(statutoryHolidays(2027).map((h) => h.date));
    for (let day = Date.UTC(2026, 10, 1) / 86_400_000; day < Date.UTC(2027, 11, 1) / 86_400_000; day++) {
      const due = replyDue({ received: dateText(day) }, cal).due;
      expect(statutory.has(due), `${dateText(day)} → ${due}`).toBe(false);
    }
  });
  it('declared complete, the same date is firm', () => {
    const complete = new WorkCalendar([{ date: '2027-01-01', work: false }], { completeYears: [2027] });
    expect(replyDue({ received: '2026-12-04' }, complete)).toMatchObject({ due: '2027-01-04', provisional: false });
  });
});

describe('the steps of 第三十条 and 第三十五条', () => {
  const cal = new WorkCalendar();
  it('the 补正 notice deadline is 7 working days after receipt', () => {
    // 2026-02-10: Feb 11 12 13 14 (Sat, 调休) = 4; 15–23 春节 off; 24 25 26 = 7
    const r = replyDue({ received: '2026-02-10' }, cal);
    expect(r.steps.find((s) => s.label.startsWith('补正告知期限'))).toMatchObject({ date: '2026-02-26' });
  });
  it('a corrected application moves the due date and says which date it replaces', () => {
    // received 2025-09-26 → due 2025-10-30; corrected 2025-10-09: 10 11 (Sat, 调休) = 2; 13–17 = 7; 20–24 = 12;
    // 27–31 = 17; Nov 3 4 5 = 20
    const r = replyDue({ received: '2025-09-26', correctionReceived: '2025-10-09' }, cal);
    expect(r.due).toBe('2025-11-05');
    expect(r.steps.find((s) => s.label === '收到补正后的申请')!.note).toContain('原按收到申请之日计算的期限 2025-10-30 不再适用');
  });
  it('a later date fixed under 第三十五条 becomes the due date', () => {
    const r = replyDue({ received: '2025-09-26', laterDate: '2025-12-31' }, cal);
    expect(r.due).toBe('2025-12-31');
    expect(r.steps.at(-1)).toMatchObject({ date: '2025-12-31', label: '确定的延迟答复期限' });
    expect(() => replyDue({ received: '2025-09-26', laterDate: '2025-10-30' }, cal)).toThrow('应晚于法定答复期限 2025-10-30');
  });
});
