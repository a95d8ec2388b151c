/** Dates as a citizen reads them: 2026-03-30 → 2026年3月30日（星期一）. */
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

export function chineseDate(iso: string, withWeekday = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const text = `${y}年${mo}月${d}日`;
  return withWeekday ? `${text}（星期${WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()]}）` : text;
}
