// Prints the table of src/calendar/lunar.ts from the lunar data of the installed `chinese-days`.
// Run in China's time zone (the package mixes UTC parsing with local-time getters):
//   TZ=Asia/Shanghai node scripts/lunar-table.mjs
// Each line of output is ready to paste into YEARS; the encoding is described in src/calendar/lunar.ts.
import chineseDays from 'chinese-days';

const DAY_MS = 86_400_000;
const FIRST = 1900;
const LAST = 2099; // the package's own table ends with lunar year 2099
const years = new Map();
let current;
for (let t = Date.UTC(FIRST, 0, 31); t < Date.UTC(LAST + 1, 2, 1); t += DAY_MS) {
  const date = new Date(t).toISOString().slice(0, 10);
  const lunar = chineseDays.getLunarDate(date);
  if (lunar.lunarDay === 1) {
    if (lunar.lunarMon === 1 && !lunar.isLeap) {
      current = { newYear: t, months: [], leap: 0 };
      years.set(lunar.lunarYear, current);
    }
    if (lunar.isLeap) current.leap = lunar.lunarMon;
    current.months.push(0);
  }
  current.months[current.months.length - 1]++;
}
const entries = [];
for (let y = FIRST; y <= LAST; y++) {
  const { newYear, months, leap } = years.get(y);
  if (months.length !== (leap ? 13 : 12) || months.some((m) => m !== 29 && m !== 30)) throw new Error(`bad year ${y}`);
  const dayOfYear = (newYear - Date.UTC(y, 0, 1)) / DAY_MS;
  const bits = months.reduce((acc, m, i) => acc | (m === 30 ? 1 << i : 0), 0);
  entries.push(`'${((dayOfYear << 17) | (leap << 13) | bits).toString(36)}',`);
}
let line = ' ';
for (const entry of entries) {
  if (line.length + entry.length + 1 > 118) {
    console.log(line);
    line = ' ';
  }
  line += ` ${entry}`;
}
console.log(line);
