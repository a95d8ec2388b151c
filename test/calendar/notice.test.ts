/**
 * Reading the State Council's yearly notice into a proposal, and the calendar file of `gongkai due --calendar`.
 * The 2026 notice is quoted in the real format (dates from shared/spec/law-and-practice.md §6.1) and checked
 * against the package's 2026 data; the 2027 notice (test/calendar/fixtures/notice-2027.txt) was written for
 * these tests in the same format, because the real one is not out yet.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CalendarInputError, WorkCalendar } from '../../src/calendar/calendar.js';
import { readCalendarFile } from '../../src/calendar/calendar-file.js';
import { parseHolidayNotice } from '../../src/calendar/notice.js';

const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`;

const NOTICE_2027 = readFileSync(new URL('./fixtures/notice-2027.txt', import.meta.url), 'utf8');

describe('a pasted notice', () => {
  it('2026: the days off and 调休 working days agree with the State Council schedule the package carries', () => {
    const p = parseHolidayNotice(NOTICE_2026);
    expect(p.year).toBe(2026);
    expect(p.warnings).toEqual([]);
    expect(p.days.filter((d) => d.work).map((d) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    // 3 + 9 + 3 + 5 + 3 + 3 + 7
    expect(p.days.filter((d) => !d.work)).toHaveLength(33);
    const packageCalendar = new WorkCalendar();
    for (const d of p.days) expect(packageCalendar.isWorkday(d.date), d.date).toBe(d.work);
    expect(p.days.find((d) => d.date === '2026-02-15')).toEqual({ date: '2026-02-15', work: false, name: '春节' });
  });
  it('2027: year and number from the title, every statutory day among the days off', () => {
    const p = parseHolidayNotice(NOTICE_2027);
    expect(p).toMatchObject({ year: 2027, source: '国办发明电〔2026〕99号', warnings: [] });
    expect(p.days.filter((d) => d.work).map((d) => d.date)).toEqual(['2027-01-31', '2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09']);
    expect(p.days.filter((d) => !d.work).map((d) => d.date)).toEqual(expect.arrayContaining(['2027-01-01', '2027-02-05', '2027-02-13', '2027-06-09', '2027-09-15', '2027-10-07']));
    expect(p.days.filter((d) => !d.work)).toHaveLength(3 + 9 + 3 + 5 + 1 + 1 + 7);
    expect(p.statutory).toHaveLength(13);
  });
  it('warns when the stated weekdays do not fit the year, or a statutory day is missing', () => {
    const p = parseHolidayNotice(NOTICE_2027.replace('关于2027年', '关于2028年'));
    expect(p.year).toBe(2028);
    expect(p.warnings).toContain('1月1日注明为星期五，但 2028-01-01 是星期六：请核对年份是否选对');
    const missing = parseHolidayNotice(NOTICE_2027.replace('六、中秋节：9月15日（周三）放假，共1天。', ''));
    expect(missing.warnings).toContain('2027-09-15（中秋节）是《全国年节及纪念日放假办法》规定的法定节假日，但不在通知的放假日期中，请核对');
  });
  it('a 元旦 beginning in December belongs to the year before; full-width digits are read', () => {
    const p = parseHolidayNotice('一、元旦：１２月３０日（周六）至1月1日（周一）放假调休，共3天。', 2024);
    expect(p.days.map((d) => d.date)).toEqual(['2023-12-30', '2023-12-31', '2024-01-01']);
  });
  it('refuses text it cannot read, in Chinese', () => {
    expect(() => parseHolidayNotice('明年放假安排另行通知')).toThrow(CalendarInputError);
    expect(() => parseHolidayNotice('明年放假安排另行通知', 2027)).toThrow('没有识别出放假安排');
    expect(() => parseHolidayNotice('一、元旦：1月1日放假。1月1日上班。', 2027)).toThrow('既是放假日又是上班日');
  });
});

describe('the calendar file of gongkai due', () => {
  it('JSON with ranges and complete: true', () => {
    const file = readCalendarFile(JSON.stringify({ year: 2027, complete: true, off: ['2027-01-01/2027-01-03'], work: ['2027-01-31'] }));
    expect(file.completeYears).toEqual([2027]);
    expect(file.overrides.map((o) => `${o.date}${o.work ? '上班' : '休'}`)).toEqual(['2027-01-01休', '2027-01-02休', '2027-01-03休', '2027-01-31上班']);
  });
  it('the notice text, complete by nature', () => {
    const file = readCalendarFile(NOTICE_2027);
    expect(file.completeYears).toEqual([2027]);
    expect(file.overrides).toHaveLength(35);
  });
  it('refuses a date outside its year and a bad range', () => {
    expect(() => readCalendarFile('{"year": 2027, "off": ["2028-01-01"]}')).toThrow('不属于该年的日期 2028-01-01');
    expect(() => readCalendarFile('{"year": 2027, "off": ["2027-01-03/2027-01-01"]}')).toThrow('范围不对');
    expect(() => readCalendarFile('{"year": 2027')).toThrow('不是有效的 JSON');
  });
});
