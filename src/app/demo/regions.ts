/**
 * The demo's region: 青禾县 with its two townships, the demo's bodies placed in them, and the
 * county's public page of annual reports switched on — so a citizen can open /regions/990101/reports
 * and a supervisor's indicators compare within the county. The codes begin with 99, which no
 * province has: the demo names no real place. Written once, when the demo bodies have no region.
 */
import { writeAudit } from '../../store/audit.js';
import { BodyStore } from '../../store/body-store.js';
import { BodyYearsStore } from '../../store/body-years-store.js';
import { RegionStore } from '../../store/region-store.js';
import type { AppServices } from '../context.js';
import { COUNTY, DEMO_OPERATOR, SHIQUAN, YUNLING } from './accounts.js';
import { actorId } from '../../accounts/permissions.js';

export const DEMO_REGION = { code: '990101', name: '青禾县' } as const;

const REGIONS = [
  { code: DEMO_REGION.code, name: DEMO_REGION.name, level: 'county', parentCode: null },
  { code: '990101001', name: '云岭镇', level: 'township', parentCode: DEMO_REGION.code },
  { code: '990101002', name: '石泉街道', level: 'township', parentCode: DEMO_REGION.code },
] as const;

const PLACES: Record<string, string> = { [COUNTY.id]: DEMO_REGION.code, [YUNLING.id]: '990101001', [SHIQUAN.id]: '990101002' };

export async function demoRegions(s: AppServices): Promise<boolean> {
  const bodies = new BodyStore(s.db);
  const kept = (await Promise.all(Object.keys(PLACES).map((id) => bodies.get(id)))).filter((b) => b !== null);
  if (kept.length === 0 || kept.some((b) => b.regionCode !== null)) return false;
  await s.db.transaction(async (tx) => {
    await RegionStore.write(tx, REGIONS.map((r) => ({ ...r })));
    await BodyStore.write(tx, kept.map(({ version: _version, ...b }) => ({ ...b, regionCode: PLACES[b.id]! })));
    await BodyYearsStore.setPublicRegion(tx, DEMO_REGION.code, true, actorId(DEMO_OPERATOR));
    await writeAudit(tx, actorId(DEMO_OPERATOR), 'import', 'directory', 'demo', null, { regions: REGIONS.length, bodies: kept.length });
    await writeAudit(tx, actorId(DEMO_OPERATOR), 'set', 'public-region-page', DEMO_REGION.code, null, { region: DEMO_REGION.name });
  });
  return true;
}
