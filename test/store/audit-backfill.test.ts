/**
 * Migration 820 on a database that already has an audit log: each old row gets the body it
 * concerns — from its id where the id is the body (or body/year), from the entry's own row
 * otherwise — and rows about no one body (an account, a holiday) stay without one.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_BODY_AND_FILTERS } from '../../src/store/migrations/audit.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { DB_KINDS, freshDb } from '../support/db.js';

for (const kind of DB_KINDS) {
  describe(`audit body backfill on ${kind}`, () => {
    it('fills the body of rows written before the column existed', async () => {
      const db = await freshDb(kind);
      try {
        for (const m of MIGRATIONS.filter((x) => x.version < 820)) await db.exec(m.sql);
        await db.exec(`
          INSERT INTO bodies (id, name) VALUES ('yl', '云岭镇人民政府'), ('sq', '石泉街道办事处');
          INSERT INTO applications (id, body_id, applicant, description, channel, received_on, created_by) VALUES ('SQ-2026-0001', 'sq', '{"type":"naturalPerson","name":"张三"}', '某路段改造的批复', 'inPerson', '2026-03-02', 'user:a');
          INSERT INTO audit_log (actor, action, entity, entity_id) VALUES
            ('user:a', 'upsert', 'body', 'yl'),
            ('user:a', 'create', 'report-draft', 'yl/2025'),
            ('user:a', 'event', 'application', 'SQ-2026-0001'),
            ('user:a', 'create', 'user', '3'),
            ('user:a', 'upsert', 'calendar-override', '2027-01-01');
        `);
        await db.exec(AUDIT_BODY_AND_FILTERS.sql);
        const rows = await db.query<{ entity: string; body_id: string | null }>('SELECT entity, body_id FROM audit_log ORDER BY seq');
        expect(rows.map((r) => [r.entity, r.body_id])).toEqual([
          ['body', 'yl'],
          ['report-draft', 'yl'],
          ['application', 'sq'],
          ['user', null],
          ['calendar-override', null],
        ]);
      } finally {
        await db.close();
      }
    });
  });
}
