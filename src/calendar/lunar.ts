/**
 * The Chinese lunisolar calendar (农历) for lunar years 1900–2099, as a table: what the statutory holidays of the
 * 放假办法 need (正月初一, 除夕, 五月初五, 八月十五) for years whose State Council notice we do not have yet.
 *
 * One entry per lunar year, a base-36 number packing three facts:
 * - bits 0–12: the length of each month in order, leap month included (bit set = 30 days, clear = 29);
 * - bits 13–16: which month is followed by a leap month (0 = none);
 * - bits 17 and up: the day of the Gregorian year (0 = 1 January) on which 正月初一 falls.
 * Each entry therefore stands alone, and the test checks that every year ends the day before the next begins.
 *
 * The facts were taken from the lunar data shipped with `chinese-days` 1.5.7 (the Hong Kong Observatory tables),
 * read day by day through its own conversion in China's time zone (scripts/lunar-table.mjs) and re-encoded here.
 * ICU's built-in Chinese calendar was compared and rejected as a source: it puts 正月初一 of 1954, 2027 and 2030
 * on the wrong day (the new moon of 6 February 2027 falls at 23:56 Beijing time).
 *
 * Pure: day numbers (days since 1970-01-01) in UTC, no `Date` in local time.
 */

/** The first and last lunar year the table covers. */
export const LUNAR_FIRST_YEAR = 1900;
export const LUNAR_LAST_YEAR = 2099;

const YEARS: readonly string[] = [
  '2dt5e', '3tp3m', '2yu1x', '27nt6', '3l9hn', '2nkpn', '1w8ra', '3ctwq', '2hyl5', '1nh3m', '34evm', '2ao85', '3qwpx',
  '2t6x7', '1z82z', '3fmi5', '2kqjv', '1q7vt', '3799l', '2ghaq', '3wjo2', '2ytr9', '24vgt', '3laae', '2qcae', '1tfp1',
  '3cu6s', '2hz8p', '1qbo2', '34gb6', '2algm', '3o2ej', '2t6xj', '1z7py', '3fo7u', '2njys', '1t809', '37809', '2dms3',
  '3tpqr', '2ys6j', '225i3', '3ih7x', '2qctm', '1w9xx', '3cv50', '2hykp', '1nhqr', '34fit', '2808d', '3o2eu', '2t6zx',
  '221ey', '3fn3m', '2ks6d', '1tave', '3a2bu', '2dqqd', '3qwlz', '2ys7q', '24yph', '3ih91', '2qd3m', '1w7fp', '3cvqd',
  '2hxl6', '1ks5z', '31me3', '2atei', '3o2ga', '2t755', '221qq', '3ihci', '2krol', '1qmob', '378ln', '2dsq3', '3qv1p',
  '2vz3h', '24yuh', '3lay1', '2qefm', '1waat', '3cvfp', '2jsr1', '3wity', '31kty', '27qut', '3o2qd', '2t7s9', '2236a',
  '3ihzm', '2nl7q', '1qdzq', '34fh3', '2dsra', '3todm', '2vzdh', '24urt', '3l9op', '2qd1v', '1tfl7', '3a0q3', '2f597',
  '1ngpm', '31ld6', '281g5', '3qwtg', '2w095', '1z98z', '3fo2d', '2kqi5', '1qkdp', '34fjp', '2dz8q', '3tosy', '2ytut',
  '252dm', '3lave', '2qe8l', '1w8q6', '3a0ra', '2f5bp', '1ngs2', '34es2', '27smd', '3o2sl', '2t64r', '1z6hj', '3cvcb',
  '2kqje', '1qe3a', '378tl', '2ec7m', '3tpw2', '2ytd1', '251sb', '3ih57', '2njjf', '1tisb', '3a0tp', '2f5gq', '1nhw2',
  '34g42', '2auxx', '3o3z9', '2t6xh', '1z831', '3fmwm', '2hxh1', '1qene', '379hl', '2gnte', '3tqj6', '2ytra', '24ymu',
  '3ih5j', '2njkm', '1tcr9', '3a15h', '2hxs5', '1ksk3', '31llf', '2808b', '3o2ej', '2qdsr', '1z87u', '3fn1m', '2krqd',
  '1qmve', '378sq', '2dtw5', '3tpqt', '2vz1p', '225kd', '3ih85', '2qcve', '1tdph', '3a2ed', '2hyyy', '1nogl', '31ms6',
  '2811q', '3o2fq', '2t705', '1z8aa', '3fnbm', '2ksdh', '1te8a', '34eq3', '2axzr', '3qvfv', '2vz2z', '225li', '3ihd6',
  '2qd76', '1w945', '3a1xh', '2f5aj', '1knff',

];

const DAY_MS = 86_400_000;

interface LunarYear {
  /** Day number of 正月初一. */
  readonly newYear: number;
  /** Month lengths in order, the leap month after month `leap`. */
  readonly months: readonly number[];
  /** The month followed by a leap month, 0 when none. */
  readonly leap: number;
}

function lunarYear(year: number): LunarYear | undefined {
  const entry = YEARS[year - LUNAR_FIRST_YEAR];
  if (entry === undefined || !Number.isInteger(year)) return undefined;
  const packed = parseInt(entry, 36);
  const leap = (packed >> 13) & 0xf;
  const months = Array.from({ length: leap ? 13 : 12 }, (_, i) => ((packed >> i) & 1 ? 30 : 29));
  return { newYear: Date.UTC(year, 0, 1) / DAY_MS + (packed >> 17), months, leap };
}

/** The day number of 正月初一 of lunar year `year`, or undefined outside 1900–2099. */
export function lunarNewYear(year: number): number | undefined {
  return lunarYear(year)?.newYear;
}

/** The number of days in lunar year `year` (353–385), or undefined outside the table. */
export function lunarYearLength(year: number): number | undefined {
  return lunarYear(year)?.months.reduce((a, b) => a + b, 0);
}

/**
 * The day number of a lunar date (month 1–12, day 1–30; `leap` for the leap month of that number), or undefined
 * when the year is outside the table or the date does not exist (a 30th in a 29-day month, a leap month the year
 * does not have).
 */
export function lunarToDay(year: number, month: number, day: number, leap = false): number | undefined {
  const info = lunarYear(year);
  if (!info || !Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return undefined;
  if (leap && info.leap !== month) return undefined;
  // Index of the month in the year's sequence: months after the leap month move one place on.
  const index = month - 1 + (info.leap && (month > info.leap || leap) ? 1 : 0);
  const length = info.months[index]!;
  if (day > length) return undefined;
  let offset = 0;
  for (let i = 0; i < index; i++) offset += info.months[i]!;
  return info.newYear + offset + day - 1;
}
