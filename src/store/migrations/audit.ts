/** Migration steps of the audit log. */
import type { MigrationStep } from '../migrations.js';

/**
 * The body each audit row concerns, so the administrator can read one body's history: filled by
 * `writeAudit` from now on, and here for the rows already written, from the entry's id where it
 * names the body and from the entry's own row otherwise. Indexes for the filters (who, what kind,
 * body, newest first).
 */
export const AUDIT_BODY_AND_FILTERS: MigrationStep = {
  name: 'audit log: body of each row, indexes for filtering',
  sql: `
      ALTER TABLE audit_log ADD COLUMN body_id text;
      UPDATE audit_log SET body_id = CASE
        WHEN entity IN ('body', 'applications', 'guide-settings', 'catalogue_settings') THEN entity_id
        WHEN entity IN ('year_figures', 'report-draft') THEN split_part(entity_id, '/', 1)
        WHEN entity IN ('application', 'application_arrival', 'public-query-code', 'public-correction') THEN (SELECT body_id FROM applications WHERE id = entity_id)
        WHEN entity = 'catalogue_item' THEN (SELECT body_id FROM catalogue_items WHERE id::text = entity_id)
        WHEN entity = 'opinion' THEN (SELECT body_id FROM opinions WHERE ref_no = entity_id)
        WHEN entity = 'published-report' THEN (SELECT body_id FROM published_reports WHERE id::text = entity_id)
        WHEN entity = 'appeal' THEN (SELECT body_id FROM appeals WHERE id = entity_id)
        WHEN entity = 'rule_document' THEN (SELECT body_id FROM rule_documents WHERE id = entity_id)
      END;
      CREATE INDEX audit_log_body ON audit_log (body_id, seq);
      CREATE INDEX audit_log_actor ON audit_log (actor, seq);
      CREATE INDEX audit_log_entity ON audit_log (entity, seq);
      CREATE INDEX audit_log_at ON audit_log (at);
  `,
};
