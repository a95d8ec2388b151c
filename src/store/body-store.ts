/**
 * The list of bodies (机关) as anyone may search it: by part of the name or region, and by level.
 * Adding and renaming a body is the register store's (it audits the change).
 */
import type { BodyLevel } from '../register/bodies.js';
import type { Db } from './db.js';

export interface BodyRow {
  id: string;
  name: string;
  level: BodyLevel;
  region: string | null;
}

export class BodyStore {
  constructor(private readonly db: Db) {}

  /** Bodies whose name or region contains `q` (all when empty), of one level if given; at most 5,000. */
  async search(q: string | null, level: BodyLevel | null): Promise<BodyRow[]> {
    return this.db.query<BodyRow>(
      `SELECT id, name, level, region FROM bodies
        WHERE ($1::text IS NULL OR name ILIKE '%' || $1 || '%' OR region ILIKE '%' || $1 || '%') AND ($2::text IS NULL OR level = $2)
        ORDER BY name LIMIT 5000`,
      [q, level],
    );
  }
}
