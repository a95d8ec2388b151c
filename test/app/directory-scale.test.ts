/**
 * A directory at a city's scale goes in through the same use case as the page and the command:
 * 3,000 bodies under 1 province, 10 cities and 100 counties (test/support/directory-file.ts), on
 * PGlite and PostgreSQL. Counts are checked, not time (`npm run bench` prints the time).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operator } from '../../src/accounts/permissions.js';
import { directory, importDirectory } from '../../src/app/directory/index.js';
import { openServices } from '../../src/app/services.js';
import { buildTree, subtreeCodes } from '../../src/directory/tree.js';
import type { Db } from '../../src/store/db.js';
import { DB_KINDS, migratedDb } from '../support/db.js';
import { GENERATED, generatedDirectory } from '../support/directory-file.js';

const ADMIN = operator('test');

for (const kind of DB_KINDS) {
  describe(`a directory of 3,000 bodies on ${kind}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await migratedDb(kind);
    }, 120_000);
    afterAll(async () => {
      await db?.close();
    });

    it('imports in one transaction and forms the tree', async () => {
      const s = await openServices(db);
      const summary = await importDirectory(s, ADMIN, { bytes: new TextEncoder().encode(generatedDirectory()), fileName: '青禾省.csv' });
      // Working here: 100 county governments and 100 × 18 county departments.
      expect(summary).toEqual({ regions: GENERATED.regions, created: GENERATED.bodies, updated: 0, worksHere: 1900, observed: 1100 });
      const { regions, bodies } = await directory(s, ADMIN);
      expect([regions.length, bodies.length]).toEqual([GENERATED.regions, GENERATED.bodies]);
      const tree = buildTree(regions, bodies);
      expect(tree.roots.map((r) => [r.code, r.total])).toEqual([['990000', 3000]]);
      expect(tree.roots[0]!.children.map((c) => c.total)).toEqual(Array(10).fill(GENERATED.perCity));
      expect(tree.roots[0]!.children[3]!.children[6]).toMatchObject({ code: '990407', name: '青禾省第4市第7县', total: GENERATED.perCounty });
      expect(subtreeCodes(regions, '990400').size).toBe(1 + 10 + 100);
      expect(tree.unplaced).toEqual([]);
    }, 120_000);
  });
}
