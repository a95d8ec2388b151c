/**
 * The demo's directory: the county 青禾县 under a made-up province and city (codes 99…, which
 * no real place has), its government, 云岭镇 and 石泉街道 (which work in gongkai) and the other
 * townships and departments the county office oversees but which only publish their reports
 * (observed). The supervisor's scope is the county's region, so the overview shows who has
 * reported and who has not, as a county office's would; the county's public page of annual
 * reports is switched on, so a citizen can open /regions/990101/reports.
 */
import { actorId, operator } from '../../accounts/permissions.js';
import type { RegionRecord } from '../../directory/tree.js';
import { writeAudit } from '../../store/audit.js';
import { BodyStore, type BodyWrite } from '../../store/body-store.js';
import { BodyYearsStore } from '../../store/body-years-store.js';
import { RegionStore } from '../../store/region-store.js';
import type { AppServices } from '../context.js';

export const COUNTY = { id: 'qh-county', name: '青禾县人民政府', region: '青禾县' } as const;
export const YUNLING = { id: 'qh-yunling', name: '青禾县云岭镇人民政府', region: '青禾县' } as const;
export const SHIQUAN = { id: 'qh-shiquan', name: '青禾县石泉街道办事处', region: '青禾县' } as const;
/** 行政区划代码 of the demo county (made up: no real place has 99…); the supervisor's scope. */
export const DEMO_COUNTY_REGION = '990101';

const REGIONS: RegionRecord[] = [
  { code: '990000', name: '云山省', level: 'province', parentCode: null },
  { code: '990100', name: '松江市', level: 'city', parentCode: '990000' },
  { code: DEMO_COUNTY_REGION, name: '青禾县', level: 'county', parentCode: '990100' },
  { code: '990101001', name: '石泉街道', level: 'township', parentCode: DEMO_COUNTY_REGION },
  { code: '990101101', name: '云岭镇', level: 'township', parentCode: DEMO_COUNTY_REGION },
  { code: '990101102', name: '白沙镇', level: 'township', parentCode: DEMO_COUNTY_REGION },
  { code: '990101103', name: '柳溪镇', level: 'township', parentCode: DEMO_COUNTY_REGION },
  { code: '990101201', name: '东坪乡', level: 'township', parentCode: DEMO_COUNTY_REGION },
];

const works = (id: string, name: string, level: BodyWrite['level'], regionCode: string, aliases: string[] = []): BodyWrite => ({
  id, name, level, regionCode, aliases, creditCode: null, worksHere: true,
});
const observed = (id: string, name: string, level: BodyWrite['level'], regionCode: string, aliases: string[] = []): BodyWrite => ({
  ...works(id, name, level, regionCode, aliases), worksHere: false,
});

const BODIES: BodyWrite[] = [
  works(COUNTY.id, COUNTY.name, 'county', DEMO_COUNTY_REGION, ['青禾县政府']),
  works(YUNLING.id, YUNLING.name, 'township', '990101101', ['云岭镇人民政府']),
  works(SHIQUAN.id, SHIQUAN.name, 'township', '990101001', ['石泉街道办事处']),
  observed('qh-baisha', '青禾县白沙镇人民政府', 'township', '990101102', ['白沙镇人民政府']),
  observed('qh-liuxi', '青禾县柳溪镇人民政府', 'township', '990101103', ['柳溪镇人民政府']),
  observed('qh-dongping', '青禾县东坪乡人民政府', 'township', '990101201', ['东坪乡人民政府']),
  observed('qh-edu', '青禾县教育局', 'department', DEMO_COUNTY_REGION),
  observed('qh-health', '青禾县卫生健康局', 'department', DEMO_COUNTY_REGION, ['青禾县卫健局']),
  observed('qh-land', '青禾县自然资源局', 'department', DEMO_COUNTY_REGION),
  observed('qh-hrss', '青禾县人力资源和社会保障局', 'department', DEMO_COUNTY_REGION, ['青禾县人社局']),
  observed('qh-market', '青禾县市场监督管理局', 'department', DEMO_COUNTY_REGION, ['青禾县市场监管局']),
];

/** Write the demo's regions and place its bodies in them, once (when the county's region is not kept yet). */
export async function demoDirectory(s: AppServices): Promise<boolean> {
  if ((await new RegionStore(s.db).all()).some((r) => r.code === DEMO_COUNTY_REGION)) return false;
  const demo = actorId(operator('system:demo'));
  await s.db.transaction(async (tx) => {
    await RegionStore.write(tx, REGIONS);
    await BodyStore.write(tx, BODIES);
    await BodyYearsStore.setPublicRegion(tx, DEMO_COUNTY_REGION, true, demo);
    await writeAudit(tx, demo, 'import', 'directory', 'demo', null, { regions: REGIONS.length, bodies: BODIES.length });
    await writeAudit(tx, demo, 'set', 'public-region-page', DEMO_COUNTY_REGION, null, { region: '青禾县' });
  });
  return true;
}
