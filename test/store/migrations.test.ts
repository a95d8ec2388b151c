/**
 * The one migration sequence: numbers unique and increasing in the order they run, the numbers
 * deployed databases have recorded kept, and a fresh database brought to the last version
 * (PGlite always, PostgreSQL when GONGKAI_TEST_DATABASE_URL names a server).
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/store/migrations.js';
import { DB_KINDS, freshDb } from '../support/db.js';

/** Versions released before the sequence became one list: existing databases record them. */
const RELEASED = [1, 2, 3, 4, 100, 200, 201, 202, 203, 300, 400, 500, 501, 550, 551, 700];

describe('migration sequence', () => {
  it('numbers each migration once, in the order they run, under a name of its own', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    for (const v of versions) expect(Number.isInteger(v) && v > 0).toBe(true);
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]!);
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
    for (const m of MIGRATIONS) expect(m.sql.trim()).not.toBe('');
  });

  it('keeps every version already released, in its place', () => {
    expect(MIGRATIONS.slice(0, RELEASED.length).map((m) => m.version)).toEqual(RELEASED);
  });
});

for (const kind of DB_KINDS) {
  describe(`migrations on ${kind}`, () => {
    it('bring a fresh database to the last version, and a second run does nothing', async () => {
      const db = await freshDb(kind);
      try {
        expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
        const recorded = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
        expect(recorded.map((r) => [Number(r.version), r.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
        expect(await migrate(db)).toEqual([]);
      } finally {
        await db.close();
      }
    });
  });
}
