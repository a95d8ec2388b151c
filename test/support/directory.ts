/** A small hand-made directory for tests: regions and observed bodies written in one transaction, and a supervisor's scope regions. */
import type { RegionRecord } from '../../src/directory/tree.js';
import type { BodyLevel } from '../../src/register/bodies.js';
import { BodyStore, type BodyWrite } from '../../src/store/body-store.js';
import type { Db } from '../../src/store/db.js';
import { RegionStore } from '../../src/store/region-store.js';

/** An observed body (not working in gongkai) in a region, with its aliases. */
export const observed = (id: string, name: string, level: BodyLevel, regionCode: string, aliases: string[] = []): BodyWrite => ({
  id, name, level, regionCode, aliases, creditCode: null, worksHere: false,
});

export async function writeDirectory(db: Db, regions: readonly RegionRecord[], bodies: readonly BodyWrite[]): Promise<void> {
  await db.transaction(async (tx) => {
    await RegionStore.write(tx, regions);
    await BodyStore.write(tx, bodies);
  });
}

/** Give an existing account the regions `codes` as its scope. */
export async function scopeTo(db: Db, username: string, codes: readonly string[]): Promise<void> {
  for (const code of codes) await db.query('INSERT INTO user_regions (user_id, region_code) SELECT id, $2 FROM users WHERE username = $1', [username, code]);
}
