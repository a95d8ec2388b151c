/**
 * The codes of the directory: 行政区划代码 of regions and 统一社会信用代码 of bodies.
 *
 * Regions use the codes of GB/T 2260 for the province, city and county levels: six digits, the
 * first two the province, the next two the city (00 for the province itself), the last two the
 * county (00 for the city itself). A township has no GB/T 2260 code; it takes its county's six
 * digits followed by three more (GB/T 10114), written with nine digits, or with twelve as the
 * statistics bureau's 统计用区划代码 does (the last three, the village, 000). Both are accepted
 * and kept as written; a township's code must begin with the code of the region above it.
 */
import type { BodyLevel } from '../register/bodies.js';

export const REGION_LEVELS = ['province', 'city', 'county', 'township'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const isRegionLevel = (level: BodyLevel): level is RegionLevel => (REGION_LEVELS as readonly string[]).includes(level);

/** How many leading digits say which region a code is: the rest are zeros or the levels below. */
const SIGNIFICANT: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, township: 9 };

const SHAPE: Record<RegionLevel, { test: (code: string) => boolean; hint: string }> = {
  province: { test: (c) => /^\d{2}0000$/.test(c), hint: '6 位行政区划代码，后四位为 0（如 330000）' },
  city: { test: (c) => /^\d{4}00$/.test(c) && !c.endsWith('0000'), hint: '6 位行政区划代码，后两位为 0（如 330100）' },
  county: { test: (c) => /^\d{6}$/.test(c) && !c.endsWith('00'), hint: '6 位行政区划代码，后两位不为 0（如 330106）' },
  township: { test: (c) => /^\d{9}$/.test(c) || /^\d{9}000$/.test(c), hint: '9 位乡级区划代码，或后三位为 0 的 12 位统计用区划代码（如 330106001 或 330106001000）' },
};

/** Why `code` is not a region code of `level`, or undefined when it is one. */
export function regionCodeProblem(code: string, level: RegionLevel, levelLabel: string): string | undefined {
  return SHAPE[level].test(code) ? undefined : `${levelLabel}的代码应为${SHAPE[level].hint}`;
}

/** Whether the region `child` (of `childLevel`) may sit directly below `parent` (of `parentLevel`). */
export function parentProblem(child: string, childLevel: RegionLevel, parent: string, parentLevel: RegionLevel): string | undefined {
  if (REGION_LEVELS.indexOf(parentLevel) >= REGION_LEVELS.indexOf(childLevel)) return `上级“${parent}”的层级不高于本行，不能作为上级`;
  const prefix = parent.slice(0, SIGNIFICANT[parentLevel]);
  if (!child.startsWith(prefix)) return `代码“${child}”不在上级“${parent}”的区划内（应以 ${prefix} 开头）`;
  return undefined;
}

// ─── 统一社会信用代码 (GB 32100-2015) ────────────────────────────────────────────────────────

/** The 31 characters of the code: digits and capitals without I, O, Z, S, V. */
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weight of position i (0-based) in the check: 3^i mod 31. */
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character (the 18th) of the first 17 characters of a credit code. */
export function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_CHARS[(31 - (sum % 31)) % 31]!;
}

/** Why `code` is not a 统一社会信用代码, or undefined when it is one (checked by its check character). */
export function creditCodeProblem(code: string): string | undefined {
  if (code.length !== 18) return `统一社会信用代码“${code}”应为 18 位（现为 ${code.length} 位）`;
  const bad = [...code].find((c) => !CREDIT_CHARS.includes(c));
  if (bad !== undefined) return `统一社会信用代码“${code}”含有不允许的字符“${bad}”（只用数字和除 I、O、Z、S、V 以外的大写字母）`;
  const check = creditCheckChar(code.slice(0, 17));
  if (check !== code[17]) return `统一社会信用代码“${code}”的校验位不符：按前 17 位应为“${check}”`;
  return undefined;
}
