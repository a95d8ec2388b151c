/**
 * The statutory holidays (法定节假日) of any year, from 《全国年节及纪念日放假办法》 alone: the days off the law
 * fixes whatever the yearly State Council notice adds. The notice only moves weekends around them (调休) and
 * adds 补假 for a holiday on a weekend; it never makes one of these days a working day.
 *
 * Which version of the 办法 applies is decided by the year (every version came into force on 1 January, except
 * the 1999 one, modelled from 2000):
 *
 * | in force   | 元旦 | 春节                 | 清明 | 劳动节      | 端午 | 中秋 | 国庆        |
 * |------------|------|----------------------|------|-------------|------|------|-------------|
 * | 2025-01-01 | 1.1  | 除夕、初一至初三（4天）| 1天  | 5.1–5.2     | 1天  | 1天  | 10.1–10.3   |
 * | 2014-01-01 | 1.1  | 初一至初三（3天）      | 1天  | 5.1         | 1天  | 1天  | 10.1–10.3   |
 * | 2008-01-01 | 1.1  | 除夕、初一、初二（3天）| 1天  | 5.1         | 1天  | 1天  | 10.1–10.3   |
 * | 1999-09-18 | 1.1  | 初一至初三（3天）      | —    | 5.1–5.3     | —    | —    | 10.1–10.3   |
 *
 * Lunar dates come from src/calendar/lunar.ts (1900–2099), 清明 from the sun's position (solar-term.ts). For a
 * year outside the lunar table the lunar holidays are left out, never guessed.
 *
 * Pure.
 */
import { LUNAR_FIRST_YEAR, LUNAR_LAST_YEAR, lunarNewYear, lunarToDay } from './lunar.js';
import { qingmingDay } from './solar-term.js';

export interface StatutoryHoliday {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** e.g. “春节”. */
  readonly name: string;
}

export interface StatutoryRules {
  /** The first year the version governs. */
  readonly since: number;
  /** How the version is cited, in Chinese. */
  readonly label: string;
  /** 春节 starts on 除夕 (the day before 正月初一). */
  readonly springEve: boolean;
  /** Days of 春节 from 正月初一 on (除夕 not included). */
  readonly springDays: number;
  readonly labourDays: number;
  /** 清明、端午、中秋 are holidays. */
  readonly traditional: boolean;
}

/** The versions of the 办法, newest first. */
export const STATUTORY_RULES: readonly StatutoryRules[] = [
  { since: 2025, label: '《全国年节及纪念日放假办法》（2024年修订，2025年1月1日起施行）', springEve: true, springDays: 3, labourDays: 2, traditional: true },
  { since: 2014, label: '《全国年节及纪念日放假办法》（2013年修订，2014年1月1日起施行）', springEve: false, springDays: 3, labourDays: 1, traditional: true },
  { since: 2008, label: '《全国年节及纪念日放假办法》（2007年修订，2008年1月1日起施行）', springEve: true, springDays: 2, labourDays: 1, traditional: true },
  { since: 2000, label: '《全国年节及纪念日放假办法》（1999年修订）', springEve: false, springDays: 3, labourDays: 3, traditional: false },
];

const DAY_MS = 86_400_000;

/** The version of the 办法 that governs `year`, or undefined before 2000 (not modelled). */
export function statutoryRulesFor(year: number): StatutoryRules | undefined {
  return STATUTORY_RULES.find((r) => year >= r.since);
}

function text(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function gregorian(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/**
 * The statutory holidays of `year` in date order. Empty before 2000; without the lunar holidays outside
 * 1900–2099 (see `lunarHolidaysKnown`).
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const rules = statutoryRulesFor(year);
  if (!rules || !Number.isInteger(year)) return [];
  const days: { day: number; name: string }[] = [];
  const run = (first: number, count: number, name: string) => {
    for (let i = 0; i < count; i++) days.push({ day: first + i, name });
  };
  run(gregorian(year, 1, 1), 1, '元旦');
  const newYear = lunarNewYear(year);
  if (newYear !== undefined) {
    if (rules.springEve) run(newYear - 1, 1, '春节');
    run(newYear, rules.springDays, '春节');
  }
  run(gregorian(year, 5, 1), rules.labourDays, '劳动节');
  run(gregorian(year, 10, 1), 3, '国庆节');
  if (rules.traditional) {
    run(qingmingDay(year), 1, '清明节');
    const dragonBoat = lunarToDay(year, 5, 5);
    const midAutumn = lunarToDay(year, 8, 15);
    if (dragonBoat !== undefined) run(dragonBoat, 1, '端午节');
    if (midAutumn !== undefined) run(midAutumn, 1, '中秋节');
  }
  // 中秋 can fall on 1–3 October (2020, 2001…): one day, two names; keep both names, one entry.
  const byDay = new Map<number, string[]>();
  for (const d of days) byDay.set(d.day, [...(byDay.get(d.day) ?? []), d.name]);
  return [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([day, names]) => ({ date: text(day), name: names.join('、') }));
}

/** Whether the lunar holidays of `year` can be computed (the lunar table covers it). */
export function lunarHolidaysKnown(year: number): boolean {
  return year >= LUNAR_FIRST_YEAR && year <= LUNAR_LAST_YEAR;
}
