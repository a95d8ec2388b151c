/**
 * The bodies (机关): the list the public may search (only those that work in gongkai), the
 * directory's rows (every body, with its region, aliases, credit code and status) and writing
 * many of them at once. Renaming a body from the register is the register store's (it audits the
 * change); the directory's writes are audited by their use case.
 */
import type { BodyRecord } from '../directory/tree.js';
import type { BodyLevel } from '../register/bodies.js';
import type { Db } from './db.js';

export interface BodyRow {
  id: string;
  name: string;
  level: BodyLevel;
  region: string | null;
}

/** A body as the directory keeps it (the directory's own record: one definition), with its version (counts every change). */
export type DirectoryBodyRow = BodyRecord & { version: number };

export interface BodyWrite extends Omit<BodyRecord, 'worksHere'> {
  worksHere: boolean | null;
}

const DIRECTORY_COLUMNS = `id, name, level, region_code AS "regionCode", aliases, credit_code AS "creditCode", works_here AS "worksHere", version`;

export class BodyStore {
  constructor(private readonly db: Db) {}

  /**
   * Bodies that work in gongkai whose name, alias or region contains `q` (all when empty), of one
   * level if given; at most 5,000. Observed bodies are never offered to the public.
   */
  async search(q: string | null, level: BodyLevel | null): Promise<BodyRow[]> {
    return this.db.query<BodyRow>(
      `SELECT id, name, level, region FROM bodies
        WHERE works_here
          AND ($1::text IS NULL OR name ILIKE '%' || $1 || '%' OR region ILIKE '%' || $1 || '%' OR aliases::text ILIKE '%' || $1 || '%')
          AND ($2::text IS NULL OR level = $2)
        ORDER BY name LIMIT 5000`,
      [q, level],
    );
  }

  /** Whether the body works in gongkai; null when there is no such body. */
  async worksHere(id: string): Promise<boolean | null> {
    return (await this.db.query<{ works_here: boolean }>('SELECT works_here FROM bodies WHERE id = $1', [id]))[0]?.works_here ?? null;
  }

  /** Every body, as the directory shows and exports it. */
  async all(): Promise<DirectoryBodyRow[]> {
    return this.db.query<DirectoryBodyRow>(`SELECT ${DIRECTORY_COLUMNS} FROM bodies ORDER BY id`);
  }

  /** One body as the directory keeps it, or null. */
  async get(id: string): Promise<DirectoryBodyRow | null> {
    return (await this.db.query<DirectoryBodyRow>(`SELECT ${DIRECTORY_COLUMNS} FROM bodies WHERE id = $1`, [id]))[0] ?? null;
  }

  /**
   * One body locked for a save in this transaction, or null. Saves of one id wait for each other
   * (a transaction lock on the id), so of two concurrent creations one finds the other's row.
   */
  async lock(id: string): Promise<DirectoryBodyRow | null> {
    await this.db.query("SELECT pg_advisory_xact_lock(hashtext('body:' || $1))", [id]);
    return (await this.db.query<DirectoryBodyRow>(`SELECT ${DIRECTORY_COLUMNS} FROM bodies WHERE id = $1 FOR UPDATE`, [id]))[0] ?? null;
  }

  /** The ids of the bodies in any of the regions `codes`. */
  async inRegions(codes: readonly string[]): Promise<string[]> {
    return (await this.db.query<{ id: string }>('SELECT id FROM bodies WHERE region_code = ANY($1::text[]) ORDER BY id', [[...codes]])).map((r) => r.id);
  }

  /**
   * Write bodies in two statements whatever their number: those kept are updated, the others
   * inserted. The region's name is copied into the free-text region the public search reads.
   */
  static async write(tx: Db, bodies: readonly BodyWrite[]): Promise<void> {
    if (!bodies.length) return;
    const rows = JSON.stringify(
      bodies.map((b) => ({ id: b.id, name: b.name, level: b.level, region_code: b.regionCode, aliases: b.aliases, credit_code: b.creditCode, works_here: b.worksHere })),
    );
    const source = `jsonb_to_recordset($1::jsonb) AS b(id text, name text, level text, region_code text, aliases jsonb, credit_code text, works_here boolean)
      LEFT JOIN regions r ON r.code = b.region_code`;
    await tx.query(
      `UPDATE bodies SET name = b.name, level = b.level, region = COALESCE(r.name, bodies.region), region_code = b.region_code, aliases = b.aliases,
              credit_code = b.credit_code, works_here = COALESCE(b.works_here, bodies.works_here)
         FROM ${source} WHERE bodies.id = b.id`,
      [rows],
    );
    await tx.query(
      `INSERT INTO bodies (id, name, level, region, region_code, aliases, credit_code, works_here)
       SELECT b.id, b.name, b.level, r.name, b.region_code, b.aliases, b.credit_code, COALESCE(b.works_here, false)
         FROM ${source} WHERE NOT EXISTS (SELECT 1 FROM bodies k WHERE k.id = b.id)`,
      [rows],
    );
  }
}
