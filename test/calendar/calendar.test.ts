/**
 * The working-day calendar against the State Council schedules, counted by hand.
 *
 * Schedules used (调休 = a weekend day that is a working day):
 * - 2024: 元旦 1 Jan; 春节 10–17 Feb, work Sun 4 Feb and Sun 18 Feb; 清明 4–6 Apr, work Sun 7 Apr; 劳动节 1–5 May,
 *   work Sun 28 Apr and Sat 11 May; 端午 10 Jun; 中秋 15–17 Sep, work Sat 14 Sep; 国庆 1–7 Oct, work Sun 29 Sep
 *   and Sat 12 Oct.
 * - 2025: 元旦 1 Jan; 春节 28 Jan–4 Feb, work Sun 26 Jan and Sat 8 Feb; 清明 4–6 Apr; 劳动节 1–5 May, work Sun
 *   27 Apr; 端午 31 May–2 Jun; 国庆+中秋 1–8 Oct, work Sun 28 Sep and Sat 11 Oct.
 * - 2026: 元旦 1–3 Jan, work Sun 4 Jan; 春节 15–23 Feb, work Sat 14 Feb and Sat 28 Feb; 清明 4–6 Apr; 劳动节 1–5
 *   May, work Sat 9 May; 端午 19–21 Jun; 中秋 25–27 Sep; 国庆 1–7 Oct, work Sun 20 Sep and Sat 10 Oct.
 *
 * Counting: the start day is not counted; the result is the n-th working day after it.
 */
import chineseDays from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CalendarInputError,
  WorkCalendar,
  addDays,
  checkDate,
  packageYears,
  weekdayZh,
} from '../../src/calendar/calendar.js';

const cal = new WorkCalendar();
const add = (from: string, n: number, c: WorkCalendar = cal) => c.addWorkingDays(from, n);

describe('the test vectors of law-and-practice §6.2', () => {
  it('2025-09-26 + 20 → 2025-10-30 (国庆 2025)', () => {
    // Sep 28(Sun, 调休) 29 30 = 3; Oct 1–8 off; 9 10 11(Sat, 调休) = 6; 13–17 = 11; 20–24 = 16; 27 28 29 30 = 20
    expect(add('2025-09-26', 20)).toEqual({ date: '2025-10-30', provisional: false });
  });
  it('2025-10-30 + 20 → 2025-11-27 (the extension)', () => {
    // Oct 31 = 1; Nov 3–7 = 6; 10–14 = 11; 17–21 = 16; 24 25 26 27 = 20
    expect(add('2025-10-30', 20)).toEqual({ date: '2025-11-27', provisional: false });
  });
  it('2025-09-26 + 7 → 2025-10-13 (a 补正 notice)', () => {
    // Sep 28(Sun, 调休) 29 30 = 3; Oct 1–8 off; 9 10 11(Sat, 调休) = 6; 13 = 7
    expect(add('2025-09-26', 7)).toEqual({ date: '2025-10-13', provisional: false });
  });
  it('2025-12-31 + 20 → 2026-01-29 (across 元旦 2026)', () => {
    // Jan 1–3 off; 4(Sun, 调休) = 1; 5–9 = 6; 12–16 = 11; 19–23 = 16; 26 27 28 29 = 20
    expect(add('2025-12-31', 20)).toEqual({ date: '2026-01-29', provisional: false });
  });
  it('2026-02-10 + 7 → 2026-02-26 (春节 2026)', () => {
    // Feb 11 12 13 14(Sat, 调休) = 4; 15–23 off (nine days); 24 25 26 = 7
    expect(add('2026-02-10', 7)).toEqual({ date: '2026-02-26', provisional: false });
  });
  it('2026-02-10 + 20 → 2026-03-16 (春节 2026, both 调休 Saturdays)', () => {
    // Feb 11 12 13 14(Sat) = 4; 15–23 off; 24 25 26 27 28(Sat, 调休) = 9; Mar 2–6 = 14; 9–13 = 19; 16 = 20
    expect(add('2026-02-10', 20)).toEqual({ date: '2026-03-16', provisional: false });
  });
  it('2026-09-18 + 20 → 2026-10-22 (中秋 and 国庆 2026)', () => {
    // Sep 20(Sun, 调休) 21 22 23 24 = 5; 25–27 off; 28 29 30 = 8; Oct 1–7 off; 8 9 10(Sat, 调休) = 11;
    // 12–16 = 16; 19 20 21 22 = 20
    expect(add('2026-09-18', 20)).toEqual({ date: '2026-10-22', provisional: false });
  });
  it('2026-04-30 + 15 → 2026-05-25 (劳动节 2026, a third-party reply)', () => {
    // May 1–5 off; 6 7 8 9(Sat, 调休) = 4; 11–15 = 9; 18–22 = 14; 25 = 15
    expect(add('2026-04-30', 15)).toEqual({ date: '2026-05-25', provisional: false });
  });
});

describe('deadlines across the holiday seasons, counted by hand', () => {
  it('国庆 2024 with its 调休 Sunday and Saturday', () => {
    // Sep 29(Sun, 调休) 30 = 2; Oct 1–7 off; 8 9 10 11 12(Sat, 调休) = 7; 14–18 = 12; 21–25 = 17; 28 29 30 = 20
    expect(add('2024-09-27', 20).date).toBe('2024-10-30');
  });
  it('a receipt in the middle of 国庆 2024', () => {
    // Oct 8 9 10 11 12(Sat, 调休) = 5; 14–18 = 10; 21–25 = 15; 28 29 30 31 = 19; Nov 1 = 20
    expect(add('2024-10-03', 20).date).toBe('2024-11-01');
  });
  it('春节 2024 (29 February included)', () => {
    // Feb 4(Sun, 调休) = 1; 5–9 = 6; 10–17 off; 18(Sun, 调休) = 7; 19–23 = 12; 26 27 28 29 = 16; Mar 1 = 17; 4 5 6 = 20
    expect(add('2024-02-02', 20).date).toBe('2024-03-06');
  });
  it('清明 2024 with its 调休 Sunday', () => {
    // Apr 4–6 off; 7(Sun, 调休) = 1; 8–12 = 6; 15 = 7
    expect(add('2024-04-03', 7).date).toBe('2024-04-15');
  });
  it('劳动节 2024 with work on Sun 28 Apr and Sat 11 May', () => {
    // Apr 28(Sun, 调休) 29 30 = 3; May 1–5 off; 6–10 = 8; 11(Sat, 调休) = 9; 13–17 = 14; 20–24 = 19; 27 = 20
    expect(add('2024-04-26', 20).date).toBe('2024-05-27');
  });
  it('中秋 2024 with work on Sat 14 Sep', () => {
    // Sep 14(Sat, 调休) = 1; 15–17 off; 18 19 20 = 4; 23 24 25 = 7
    expect(add('2024-09-13', 7).date).toBe('2024-09-25');
  });
  it('端午 2024 (Monday 10 June off)', () => {
    // Jun 10 off; 11 12 13 14 = 4; 17 18 19 = 7
    expect(add('2024-06-07', 7).date).toBe('2024-06-19');
  });
  it('春节 2025 with work on Sun 26 Jan and Sat 8 Feb', () => {
    // Jan 26(Sun, 调休) 27 = 2; Jan 28–Feb 4 off; Feb 5 6 7 8(Sat, 调休) = 6; 10–14 = 11; 17–21 = 16; 24 25 26 27 = 20
    expect(add('2025-01-24', 20).date).toBe('2025-02-27');
  });
  it('劳动节 and 端午 2025', () => {
    // Apr 27(Sun, 调休) 28 29 30 = 4; May 1–5 off; 6–9 = 8; 12–16 = 13; 19–23 = 18; 26 27 = 20
    expect(add('2025-04-25', 20).date).toBe('2025-05-27');
    // May 31–Jun 2 off; Jun 3 4 5 6 = 4; 9 10 11 = 7
    expect(add('2025-05-30', 7).date).toBe('2025-06-11');
  });
  it('清明 and 端午 2026', () => {
    // Apr 4–6 off (Sat–Mon); 7 8 9 10 = 4; 13 14 15 = 7
    expect(add('2026-04-03', 7).date).toBe('2026-04-15');
    // Jun 19–21 off (Fri–Sun); 22–26 = 5; 29 30 = 7
    expect(add('2026-06-18', 7).date).toBe('2026-06-30');
  });
});

describe('isWorkday and workingDaysBetween', () => {
  it('knows the 调休 weekends and the holidays of 2024–2026', () => {
    const work = ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12',
      '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
      '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];
    const off = ['2024-01-01', '2024-02-16', '2024-06-10', '2024-10-07', '2025-01-28', '2025-05-05', '2025-06-02', '2025-10-08',
      '2026-01-02', '2026-02-15', '2026-02-23', '2026-04-06', '2026-06-19', '2026-09-25', '2026-10-07'];
    for (const d of work) expect(cal.isWorkday(d), d).toBe(true);
    for (const d of off) expect(cal.isWorkday(d), d).toBe(false);
    expect(cal.dayInfo('2025-10-01')).toMatchObject({ work: false, covered: true, source: 'package', name: '国庆节' });
    expect(cal.dayInfo('2025-10-09')).toMatchObject({ work: true, covered: true, source: 'package' });
  });
  it('counts working days after `from` up to and including `to`', () => {
    expect(cal.workingDaysBetween('2025-09-26', '2025-10-30')).toEqual({ days: 20, provisional: false });
    // Feb 11 12 13 14(Sat) 24 25 26 27 28(Sat) = 9
    expect(cal.workingDaysBetween('2026-02-10', '2026-02-28')).toEqual({ days: 9, provisional: false });
    expect(cal.workingDaysBetween('2025-10-01', '2025-10-08')).toEqual({ days: 0, provisional: false });
    expect(cal.workingDaysBetween('2025-10-09', '2025-10-09')).toEqual({ days: 0, provisional: false });
    // Dec 31 = 1, then 2027: Jan 1 (Fri) is 元旦 by the 放假办法, off whatever the notice says; Jan 4 5 = 3
    expect(cal.workingDaysBetween('2026-12-30', '2027-01-05')).toEqual({ days: 3, provisional: true });
    expect(() => cal.workingDaysBetween('2025-10-09', '2025-10-08')).toThrow(/结束日期 2025-10-08 早于起始日期 2025-10-09/);
  });
  // The package's functions give wrong answers west of UTC (see PACKAGE_DATA in src/calendar/calendar.ts), so
  // the comparison with them runs only where they are right; our own answers do not depend on the time zone.
  const packageFunctionsWork = new Date(2026, 1, 14).getTimezoneOffset() <= 0;
  // Outside its years the package falls back to Monday–Friday, where we know the statutory holidays better.
  it.skipIf(!packageFunctionsWork)('agrees with the package functions on every day of its years 2004–2026', () => {
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      const [y, m, day] = d.split('-').map(Number) as [number, number, number];
      expect(cal.isWorkday(d), d).toBe(chineseDays.isWorkday(new Date(y, m - 1, day)));
    }
  });
  it.skipIf(!packageFunctionsWork)('agrees with the package on n working days from random dates of 2004–2026', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2004-01-01T00:00:00Z'), max: new Date('2026-10-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 40 }), (d, n) => {
          const iso = d.toISOString().slice(0, 10);
          const local = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
          expect(add(iso, n).date).toBe(chineseDays.findWorkday(n, local));
        }),
      { numRuns: 300 },
    );
  });
});

describe('coverage: years the package has no schedule for are provisional', () => {
  it('derives the covered years from the package: 2004–2026 for chinese-days 1.5.7', () => {
    const years = [...packageYears()].sort();
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2026);
    expect(years).toHaveLength(23);
    expect(cal.packageCoverage).toEqual({ first: 2004, last: 2026 });
  });
  it('a computation that reaches into 2027 is provisional', () => {
    // Dec 16 17 18 = 3; 21–25 = 8; 28–31 = 12; Jan 1 (Fri) 元旦 off by law; 4–8 = 17; 11 12 13 = 20
    expect(add('2026-12-15', 20)).toEqual({ date: '2027-01-13', provisional: true });
    expect(cal.dayInfo('2027-01-01')).toEqual({ date: '2027-01-01', work: false, covered: true, source: 'statute', name: '元旦' });
    expect(cal.dayInfo('2027-01-04')).toMatchObject({ work: true, covered: false, source: 'weekday' });
    // Only the days looked at count: the start day itself is not one of them.
    expect(add('2027-01-01', 1).provisional).toBe(true);
    expect(add('2026-12-30', 1)).toEqual({ date: '2026-12-31', provisional: false });
  });
  it('years before the package data are provisional as well', () => {
    expect(add('2003-12-01', 5).provisional).toBe(true);
    expect(add('2004-01-05', 5).provisional).toBe(false);
  });
  it('an override changes the answer but covers only its own date', () => {
    const withNewYear = new WorkCalendar([{ date: '2027-01-01', work: false, source: '国办发明电〔2026〕X号' }]);
    // as above, but Jan 1 off: Dec 16 … 31 = 12; Jan 4–8 = 17; 11 12 13 = 20
    expect(add('2026-12-15', 20, withNewYear)).toEqual({ date: '2027-01-13', provisional: true });
    expect(withNewYear.dayInfo('2027-01-01')).toEqual({
      date: '2027-01-01', work: false, covered: true, source: 'override', name: '国办发明电〔2026〕X号',
    });
    expect(withNewYear.dayInfo('2027-06-01').covered).toBe(false);
  });
  it('a result is firm when every day it looked at is an override', () => {
    const c = new WorkCalendar([
      { date: '2027-01-01', work: false },
      { date: '2027-01-02', work: false },
      { date: '2027-01-03', work: false },
      { date: '2027-01-04', work: true },
    ]);
    // Dec 31 = 1; Jan 1–3 off (overrides); Jan 4 = 2 (override)
    expect(add('2026-12-30', 2, c)).toEqual({ date: '2027-01-04', provisional: false });
    // Jan 5 has no override
    expect(add('2026-12-30', 3, c)).toEqual({ date: '2027-01-05', provisional: true });
  });
  it('a year declared complete is covered in full', () => {
    const c = new WorkCalendar(
      [{ date: '2027-01-01', work: false }, { date: '2027-02-20', work: true, source: '调休上班' }],
      { completeYears: [2027] },
    );
    expect(add('2026-12-15', 20, c)).toEqual({ date: '2027-01-13', provisional: false });
    expect(c.isWorkday('2027-02-20')).toBe(true);
    expect(c.dayInfo('2027-06-01')).toMatchObject({ work: true, covered: true, source: 'weekday' });
    expect(c.dayInfo('2028-01-03').covered).toBe(false);
    expect(() => new WorkCalendar([{ date: '2027-01-01', work: false }], { completeYears: [2072] }))
      .toThrow(/2072 年.*没有该年的任何日期/);
  });
  it('overrides win over the package inside covered years', () => {
    const c = new WorkCalendar([{ date: '2025-10-13', work: false, source: '地方例外' }]);
    // Sep 28(Sun) 29 30 = 3; Oct 9 10 11(Sat) = 6; 13 off by the override; 14 = 7
    expect(add('2025-09-26', 7, c)).toEqual({ date: '2025-10-14', provisional: false });
    expect(new WorkCalendar([{ date: '2025-10-01', work: true }]).isWorkday('2025-10-01')).toBe(true);
  });
});

describe('bad input is refused in Chinese, naming the value', () => {
  it('impossible dates', () => {
    expect(() => cal.isWorkday('2025-02-30')).toThrow(CalendarInputError);
    expect(() => cal.isWorkday('2025-02-30')).toThrow('“2025-02-30”，2025年2月只有28天');
    expect(() => cal.addWorkingDays('2025-13-01', 1)).toThrow('起算日期不存在：“2025-13-01”，月份应在 01 至 12 之间');
    expect(() => cal.isWorkday('2025-04-31')).toThrow('2025年4月只有30天');
    expect(cal.isWorkday('2024-02-29')).toBe(true);
    expect(() => cal.isWorkday('2023-02-29')).toThrow('2023年2月只有28天');
  });
  it('malformed dates and counts', () => {
    expect(() => cal.isWorkday('2025-9-26')).toThrow('格式不对：“2025-9-26”，应写成 YYYY-MM-DD');
    expect(() => cal.isWorkday('2025-09-26T00:00')).toThrow(CalendarInputError);
    expect(() => checkDate(undefined, '收到申请的日期')).toThrow('收到申请的日期缺失');
    expect(() => cal.addWorkingDays('2025-09-26', 0)).toThrow('工作日数应为正整数，收到 0');
    expect(() => cal.addWorkingDays('2025-09-26', 1.5)).toThrow(CalendarInputError);
  });
  it('bad override tables', () => {
    expect(() => new WorkCalendar([{ date: '2027-02-29', work: false }])).toThrow('例外日期表第1项的日期不存在：“2027-02-29”');
    expect(() => new WorkCalendar([{ date: '2027-01-01', work: false }, { date: '2027-01-01', work: true }]))
      .toThrow('2027-01-01 出现两次且互相矛盾');
  });
});

describe('date helpers', () => {
  it('add calendar days and name weekdays', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(weekdayZh('2026-02-14')).toBe('星期六');
    expect(weekdayZh('2025-10-30')).toBe('星期四');
  });
});
