/**
 * 信息处理费 under 国办函〔2020〕109号: per application (按件, counted per applicant within one
 * calendar month) or per volume (按量, pages of one application), both excess-progressive.
 */

/** The fee in 元 for the k-th application of one applicant in one calendar month (k ≥ 1). */
export function perApplicationFee(k: number): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`申请序号应为正整数：${k}`);
  if (k <= 10) return 0;
  if (k <= 30) return 100;
  return 100 + 100 * Math.ceil((k - 30) / 10);
}

/** The fee in 元 for `count` applications of one applicant in one month: the sum of each one's band. */
export function monthlyPerApplicationFee(count: number): number {
  let total = 0;
  for (let k = 1; k <= count; k++) total += perApplicationFee(k);
  return total;
}

const VOLUME_BANDS: readonly [upTo: number, yuanPerPage: number][] = [
  [30, 0],
  [100, 10],
  [200, 20],
  [Infinity, 40],
];

/** The fee in 元 for `pages` pages provided in one application. */
export function perVolumeFee(pages: number): number {
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError(`页数应为非负整数：${pages}`);
  let total = 0;
  let from = 0;
  for (const [upTo, rate] of VOLUME_BANDS) {
    total += Math.max(0, Math.min(pages, upTo) - from) * rate;
    from = upTo;
  }
  return total;
}
