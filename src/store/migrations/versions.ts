/** Migration steps of the versions that keep two people's edits from overwriting each other. */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

/**
 * Every editable record carries a version number its editor sends back with a save; a save from
 * an older version is refused (409) instead of overwriting what was saved in between. Catalogue
 * items and bodies are changed by many statements (review steps, changes, imports, renames), so
 * a trigger counts every update, whichever statement made it. A body's catalogue settings and its
 * guide share one row but are edited on different pages, so each has its own count (0: never
 * saved), raised by the store when it saves them. Report drafts already have their revision.
 */
export const EDIT_VERSIONS: MigrationStep = {
  name: 'versions: catalogue items, bodies, catalogue settings and guide settings',
  sql: `
      CREATE FUNCTION gongkai_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.version := OLD.version + 1;
        RETURN NEW;
      END
      $$;
      ALTER TABLE catalogue_items ADD COLUMN version int NOT NULL DEFAULT 1;
      CREATE TRIGGER catalogue_items_edit_version BEFORE UPDATE ON catalogue_items FOR EACH ROW EXECUTE FUNCTION gongkai_next_version();
      ALTER TABLE bodies ADD COLUMN version int NOT NULL DEFAULT 1;
      CREATE TRIGGER bodies_edit_version BEFORE UPDATE ON bodies FOR EACH ROW EXECUTE FUNCTION gongkai_next_version();
      ALTER TABLE body_settings ADD COLUMN settings_version int NOT NULL DEFAULT 0;
      ALTER TABLE body_settings ADD COLUMN guide_version int NOT NULL DEFAULT 0;
  `,
};
