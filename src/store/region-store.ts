/** The regions of the directory: a tree by 行政区划代码 (src/directory/codes.ts says which codes). */
import type { RegionLevel } from '../directory/codes.js';
import type { Db } from './db.js';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export class RegionStore {
  constructor(private readonly db: Db) {}

  async all(): Promise<RegionRow[]> {
    return this.db.query<RegionRow>('SELECT code, name, level, parent_code AS "parentCode" FROM regions ORDER BY code');
  }

  /** Add or change regions in one statement; parents are checked when the transaction commits. */
  static async write(tx: Db, regions: readonly RegionRow[]): Promise<void> {
    if (!regions.length) return;
    await tx.query(
      `INSERT INTO regions (code, name, level, parent_code)
       SELECT code, name, level, parent_code FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, level text, parent_code text)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code`,
      [JSON.stringify(regions.map((r) => ({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode })))],
    );
  }
}
