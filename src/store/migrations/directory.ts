/** Migration steps of the directory: regions with their codes, and what a body is beyond its name. */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

/**
 * Regions in a tree by 行政区划代码 (6 digits; a township 9, or 12 as the statistics bureau writes
 * them); each body may sit in one (a government in the region it governs, a department in its
 * government's), with its aliases (short and former names), its 统一社会信用代码 and whether it
 * works in gongkai (takes applications, has officers, publishes a catalogue) or is only observed
 * (its published reports are loaded).
 *
 * A body added without saying is observed, so a body made by an upload can never take
 * applications by accident; the register's own way of adding a body says it works here. The
 * bodies kept so far work here, as before, except those an upload made (编号 pub-…), which were
 * never meant to.
 */
export const DIRECTORY_REGIONS: MigrationStep = {
  name: 'directory: regions, body region, aliases, credit code, works in gongkai',
  sql: `
      CREATE TABLE regions (
        code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('province', 'city', 'county', 'township')),
        parent_code text REFERENCES regions(code) DEFERRABLE INITIALLY DEFERRED,
        CHECK (parent_code IS NULL OR parent_code <> code)
      );
      CREATE INDEX regions_parent ON regions (parent_code);
      ALTER TABLE bodies ADD COLUMN region_code text REFERENCES regions(code);
      ALTER TABLE bodies ADD COLUMN aliases jsonb NOT NULL DEFAULT '[]'::jsonb;
      ALTER TABLE bodies ADD COLUMN credit_code text;
      ALTER TABLE bodies ADD COLUMN works_here boolean NOT NULL DEFAULT false;
      UPDATE bodies SET works_here = (id NOT LIKE 'pub-%');
      CREATE INDEX bodies_region ON bodies (region_code);
  `,
};
