/**
 * The publication clock (条例 第二十六条) and re-examination dates (第十八条), counted by hand on
 * the State Council's 2026 holiday schedule.
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.js';
import { addMonths, publicationDue, publicationStanding, reexaminationDate, reexamineState } from '../../src/catalogue/clock.js';

const calendar = new WorkCalendar();

describe('the publication due date', () => {
  it('counts 20 working days across 中秋 and 国庆 2026, with the 调休 Saturday', () => {
    // Made Mon 21 Sep 2026 (not counted). Day 1 Tue 22, 2 Wed 23, 3 Thu 24; 中秋 Fri 25 – Sun 27
    // off; 4 Mon 28, 5 Tue 29, 6 Wed 30; 国庆 Thu 1 – Wed 7 Oct off; 7 Thu 8, 8 Fri 9,
    // 9 Sat 10 Oct (调休, a working day); Sun 11 off; 10–14 Mon 12 – Fri 16; 15–19 Mon 19 – Fri 23;
    // day 20 = Mon 26 Oct 2026.
    const due = publicationDue('2026-09-21', calendar);
    expect(due.due).toBe('2026-10-26');
    expect(due.provisional).toBe(false);
    expect(due.steps.map((s) => [s.date, s.label])).toEqual([
      ['2026-09-21', '信息形成（生成日期）'],
      ['2026-09-25', '中秋放假'],
      ['2026-10-01', '国庆节放假'],
      ['2026-10-10', '调休上班'],
      ['2026-10-26', '20个工作日届满（第二十六条）'],
    ]);
    expect(due.steps[1]!.note).toBe('2026-09-25 至 2026-09-27，共 3 天，不计入工作日');
    expect(due.steps[2]!.note).toBe('2026-10-01 至 2026-10-07，共 7 天，不计入工作日');
  });

  it('says a change restarts the clock', () => {
    expect(publicationDue('2026-09-21', calendar, true).steps[0]!.label).toBe('信息变更（生成日期）');
  });

  it('marks a due date in 2027 provisional: that year’s holidays are not published yet', () => {
    // Made Mon 21 Dec 2026: days 1–4 = 22–25 Dec, 5–8 = 28–31 Dec; 2027 has only the law's
    // statutory days (Fri 1 Jan 元旦 is off) and weekends, its 调休 unknown:
    // 9–13 = 4–8 Jan, 14–18 = 11–15 Jan, 19 = Mon 18 Jan, 20 = Tue 19 Jan.
    const due = publicationDue('2026-12-21', calendar);
    expect(due.due).toBe('2027-01-19');
    expect(due.provisional).toBe(true);
    expect(due.steps.at(-1)!.note).toContain('2027 年，尚未收录该年国务院节假日安排');
    expect(publicationDue('2027-03-01', calendar).provisional).toBe(true);
  });

  it('tells overdue from due soon (at most 5 working days left) from open', () => {
    // Made Mon 2 Feb 2026: day 10 = Sat 14 Feb (调休), 春节 15–23 Feb, day 15 = Sat 28 Feb (调休),
    // day 20 = Fri 6 Mar.
    const due = publicationDue('2026-02-02', calendar);
    expect(due.due).toBe('2026-03-06');
    expect(publicationStanding(due, '2026-03-02', calendar)).toEqual({ state: 'dueSoon', workingDays: 4 });
    expect(publicationStanding(due, '2026-02-26', calendar)).toEqual({ state: 'open', workingDays: 7 });
    expect(publicationStanding(due, '2026-03-06', calendar)).toEqual({ state: 'dueSoon', workingDays: 0 });
    expect(publicationStanding(due, '2026-03-09', calendar)).toEqual({ state: 'overdue', workingDays: 1 });
  });
});

describe('re-examination of withheld information', () => {
  it('adds whole months, the 31st falling on a shorter month’s last day', () => {
    expect(reexaminationDate('2025-03-10')).toBe('2026-03-10');
    expect(reexaminationDate('2024-02-29')).toBe('2025-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 6)).toBe('2027-05-30');
    expect(reexaminationDate('2026-03-02', 6)).toBe('2026-09-02');
  });

  it('is due on or after its date and coming up within 30 days', () => {
    expect(reexamineState('2026-03-02', '2026-03-02')).toBe('due');
    expect(reexamineState('2026-04-01', '2026-03-02')).toBe('soon');
    expect(reexamineState('2026-04-02', '2026-03-02')).toBe('later');
  });
});
