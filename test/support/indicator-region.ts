/**
 * A small region typed by hand for the indicator tests: four bodies' 2024 tables (and one body's
 * 2023) under 青禾县, every expected indicator worked out by hand in test/indicators and the server
 * test from the numbers below. `seedRegion` puts the same region into a database as uploads would.
 */
import { createHash } from 'node:crypto';
import { emptyReport, type AnnualReport } from '../../src/model/report.js';
import type { AppDeps } from '../../src/server/context.js';
import { addAccount } from './web.js';

/** A 2021-template report: every 总计 cell 0 unless given (other columns stay blank: the indicators read 总计 only). */
export function report(apps: Record<string, number | null>, appeals: Record<string, [number, number, number, number]> = {}, proactive: Record<string, number | null> = {}): AnnualReport {
  const r = emptyReport('2021');
  for (const row of Object.keys(r.applications)) r.applications[row]!.total = row in apps ? apps[row]! : 0;
  for (const [g, cells] of Object.entries(r.appeals)) {
    const [upheld, corrected, other, pending] = appeals[g] ?? [0, 0, 0, 0];
    Object.assign(cells, { upheld, corrected, other, pending, total: upheld + corrected + other + pending });
  }
  for (const cells of Object.values(r.proactive)) for (const k of Object.keys(cells)) cells[k] = 0;
  for (const [path, v] of Object.entries(proactive)) {
    const [row, k] = path.split('.');
    r.proactive[row!]![k!] = v;
  }
  return r;
}

// 甲镇 2024: 新收 20 + 上年结转 2 = 办结 19 + 结转 3. 办结 19 = 予以公开 10 + 部分公开 2 + 不予公开(第三方) 2
// + 无法提供(不掌握) 4 + 不予处理(重复申请) 1. 复议: 维持 2 纠正 1 其他 0 未审结 1. 诉讼: 直接起诉 维持 1;
// 复议后起诉 纠正 1 其他 1. 规范性文件 制发 3 废止 1 现行有效 12; 行政事业性收费 1.5 万元.
export const JIA = report(
  { newReceived: 20, carriedOver: 2, granted: 10, partlyGranted: 2, 'withheld.thirdPartyRights': 2, 'unavailable.notHeld': 4, 'notProcessed.duplicate': 1, total: 19, carriedForward: 3 },
  { reconsideration: [2, 1, 0, 1], litigationDirect: [1, 0, 0, 0], litigationAfterReconsideration: [0, 1, 1, 0] },
  { 'normativeDocuments.issued': 3, 'normativeDocuments.repealed': 1, 'normativeDocuments.inForce': 12, 'fees.amount': 1.5 },
);
// 甲镇 2023: 新收 15, 办结 14 = 予以公开 6 + 部分公开 1 + 无法提供 7.
export const JIA_2023 = report({ newReceived: 15, carriedOver: 1, granted: 6, partlyGranted: 1, 'unavailable.notHeld': 7, total: 14, carriedForward: 2 });
// 乙乡 2024: 新收 4, 办结 4 = 予以公开 1 + 无法提供 2 + 逾期未缴费 1. No appeals. 规范性文件 现行有效 5.
export const YI = report(
  { newReceived: 4, granted: 1, 'unavailable.notHeld': 2, 'otherHandling.feeUnpaid': 1, total: 4 },
  {},
  { 'normativeDocuments.inForce': 5 },
);
// 丙街道 2024: 新收 40 + 上年结转 5 = 办结 42 + 结转 3. 办结 42 = 予以公开 12 + 部分公开 3 + 不予公开 10
// (国家秘密 1, 过程性信息 9) + 无法提供 15 (不掌握 10, 需另行制作 5) + 不予处理 2 (信访). 复议: 维持 1.
// 规范性文件 本年制发: blank. 现行有效 8.
export const BING = report(
  { newReceived: 40, carriedOver: 5, granted: 12, partlyGranted: 3, 'withheld.stateSecret': 1, 'withheld.processInfo': 9, 'unavailable.notHeld': 10, 'unavailable.needsCreation': 5, 'notProcessed.petition': 2, total: 42, carriedForward: 3 },
  { reconsideration: [1, 0, 0, 0] },
  { 'normativeDocuments.issued': null, 'normativeDocuments.inForce': 8 },
);
// 丁局 2024: 新收 blank; 上年结转 1; 办结 10 = 予以公开 8 + 部分公开 2.
export const DING = report({ newReceived: null, carriedOver: 1, granted: 8, partlyGranted: 2, total: 10 });

export const BODIES = [
  { id: 'jia', name: '甲镇人民政府' },
  { id: 'yi', name: '乙乡人民政府' },
  { id: 'bing', name: '丙街道办事处' },
  { id: 'ding', name: '丁县某局' },
  { id: 'wu', name: '戊镇人民政府' }, // no report for 2024
];
export const REPORTS = new Map([
  ['jia', new Map([[2024, JIA], [2023, JIA_2023]])],
  ['yi', new Map([[2024, YI]])],
  ['bing', new Map([[2024, BING]])],
  ['ding', new Map([[2024, DING]])],
]);

/** 青禾市 › 青禾县 (the four bodies, 戊镇 and the county's 丁局) and 白溪县 › 河口镇 (its own report, outside the county). */
export const REGIONS = [
  ['330100', '青禾市', 'city', null],
  ['330106', '青禾县', 'county', '330100'],
  ['330108', '白溪县', 'county', '330100'],
  ['330106001', '甲镇', 'township', '330106'],
  ['330106002', '乙乡', 'township', '330106'],
  ['330106003', '丙街道', 'township', '330106'],
  ['330106004', '戊镇', 'township', '330106'],
  ['330108001', '河口镇', 'township', '330108'],
] as const;

const BODY_REGION: Record<string, [string, string]> = {
  jia: ['330106001', 'township'], yi: ['330106002', 'township'], bing: ['330106003', 'township'], ding: ['330106', 'department'], wu: ['330106004', 'township'],
};
export const COUNTY_BODIES = Object.keys(BODY_REGION);

/**
 * The region in a database: regions, bodies, the reports as uploaded by `city`, and accounts —
 * `county` oversees the five bodies of 青禾县, `city` those and 河口镇, `hk` only 河口镇, `adm`.
 * 河口镇 2024: 新收 10, 办结 10 = 予以公开 2 + 不予公开 8 (not in the county's figures).
 */
export async function seedRegion(deps: AppDeps): Promise<Record<string, number>> {
  const { db } = deps;
  for (const [code, name, level, parent] of REGIONS) {
    await db.query('INSERT INTO regions (code, name, level, parent_code) VALUES ($1, $2, $3, $4)', [code, name, level, parent]);
  }
  const bodies = [...BODIES.map((b) => [b.id, b.name, ...BODY_REGION[b.id]!] as const), ['hk', '河口镇人民政府', '330108001', 'township'] as const];
  for (const [id, name, region, level] of bodies) {
    await db.query('INSERT INTO bodies (id, name, level, region_code, works_here) VALUES ($1, $2, $3, $4, false)', [id, name, level, region]);
  }
  await addAccount(deps, 'city', 'supervisor', [...COUNTY_BODIES, 'hk']);
  await addAccount(deps, 'county', 'supervisor', COUNTY_BODIES);
  await addAccount(deps, 'hkonly', 'supervisor', ['hk']);
  await addAccount(deps, 'adm', 'admin', []);
  const uploader = (await db.query<{ id: number }>("SELECT id FROM users WHERE username = 'city'"))[0]!.id;
  const HEKOU = report({ newReceived: 10, granted: 2, 'withheld.processInfo': 8, total: 10 });
  const ids: Record<string, number> = {};
  for (const [bodyId, years] of [...REPORTS, ['hk', new Map([[2024, HEKOU]])] as const]) {
    for (const [year, model] of years) {
      const unit = bodies.find((b) => b[0] === bodyId)![1];
      const full = { ...model, unit, year };
      const rows = await db.query<{ id: string }>(
        `INSERT INTO published_reports (sha256, file_name, format, body_id, unit, year, template, model, findings, uploaded_by)
         VALUES ($1, $2, 'text', $3, $4, $5, '2021', $6, '[]', $7) RETURNING id`,
        [createHash('sha256').update(`${bodyId}-${year}`).digest('hex'), `${unit}${year}.txt`, bodyId, unit, year, JSON.stringify(full), uploader],
      );
      ids[`${bodyId}-${year}`] = Number(rows[0]!.id);
    }
  }
  return ids;
}
