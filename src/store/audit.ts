/**
 * The append-only audit log: every change anyone makes — through the CLI, the web application or
 * an import — is one row with who, what, the body it concerns, and the values before and after;
 * the administrator reads it newest first, filtered by who, what kind, body and time.
 */
import type { Db } from './db.js';

/**
 * How a row finds its body when the writer does not say: the entry's id is the body's id (or
 * `body/year`), or the entry's own row names it. An entry not listed concerns no one body (an
 * account, a holiday). Kept in step with the backfill of migration 820.
 */
const BODY_OF_ENTITY: Readonly<Record<string, string>> = {
  body: '$4',
  applications: '$4',
  'guide-settings': '$4',
  catalogue_settings: '$4',
  year_figures: "split_part($4, '/', 1)",
  'report-draft': "split_part($4, '/', 1)",
  application: '(SELECT body_id FROM applications WHERE id = $4)',
  application_arrival: '(SELECT body_id FROM applications WHERE id = $4)',
  'public-query-code': '(SELECT body_id FROM applications WHERE id = $4)',
  'public-correction': '(SELECT body_id FROM applications WHERE id = $4)',
  catalogue_item: '(SELECT body_id FROM catalogue_items WHERE id::text = $4)',
  opinion: '(SELECT body_id FROM opinions WHERE ref_no = $4)',
  'published-report': '(SELECT body_id FROM published_reports WHERE id::text = $4)',
  appeal: '(SELECT body_id FROM appeals WHERE id = $4)',
  rule_document: '(SELECT body_id FROM rule_documents WHERE id = $4)',
};

/**
 * Record one change. `bodyId`, when the writer knows it, names the body the change concerns;
 * otherwise it is found from the entry (see BODY_OF_ENTITY).
 */
export async function writeAudit(tx: Db, actor: string, action: string, entity: string, id: string, oldValue: unknown, newValue: unknown, bodyId?: string | null): Promise<void> {
  const derived = BODY_OF_ENTITY[entity] ?? 'NULL::text';
  await tx.query(`INSERT INTO audit_log (actor, action, entity, entity_id, old_value, new_value, body_id) VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::text, ${derived}))`, [
    actor,
    action,
    entity,
    id,
    oldValue === null || oldValue === undefined ? null : JSON.stringify(oldValue),
    newValue === null || newValue === undefined ? null : JSON.stringify(newValue),
    bodyId ?? null,
  ]);
}

export interface AuditRow {
  seq: number;
  actor: string;
  /** The display name of a `user:` actor whose account exists. */
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  /** The account's display name when the entry is an account. */
  entityName: string | null;
  bodyId: string | null;
  bodyName: string | null;
  oldValue: unknown;
  newValue: unknown;
  /** ISO 8601 instant. */
  at: string;
}

/** Filters, each optional; `from` inclusive and `to` exclusive instants. */
export interface AuditFilter {
  actor?: string | undefined;
  actions?: readonly string[] | undefined;
  entities?: readonly string[] | undefined;
  bodyId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const WHERE = `
  ($1::text IS NULL OR a.actor = $1)
  AND ($2::text[] IS NULL OR a.action = ANY($2::text[]))
  AND ($3::text[] IS NULL OR a.entity = ANY($3::text[]))
  AND ($4::text IS NULL OR a.body_id = $4)
  AND ($5::timestamptz IS NULL OR a.at >= $5::timestamptz)
  AND ($6::timestamptz IS NULL OR a.at < $6::timestamptz)`;

const params = (f: AuditFilter) => [f.actor ?? null, f.actions ?? null, f.entities ?? null, f.bodyId ?? null, f.from ?? null, f.to ?? null];

interface Raw {
  seq: string;
  actor: string;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string;
  entity_name: string | null;
  body_id: string | null;
  body_name: string | null;
  old_value: unknown;
  new_value: unknown;
  at: Date | string;
}

const SELECT = `
  SELECT a.seq, a.actor, u.display_name AS actor_name, a.action, a.entity, a.entity_id,
         CASE WHEN a.entity IN ('user', 'user-bodies', 'user-role', 'account') THEN (SELECT display_name FROM users WHERE id::text = a.entity_id) END AS entity_name,
         a.body_id, b.name AS body_name, a.old_value, a.new_value, a.at
  FROM audit_log a
  LEFT JOIN users u ON a.actor = 'user:' || u.username
  LEFT JOIN bodies b ON b.id = a.body_id`;

const rowOf = (r: Raw): AuditRow => ({
  seq: Number(r.seq),
  actor: r.actor,
  actorName: r.actor_name,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  entityName: r.entity_name,
  bodyId: r.body_id,
  bodyName: r.body_name,
  oldValue: r.old_value,
  newValue: r.new_value,
  at: new Date(r.at).toISOString(),
});

/** One page of the filtered log, newest first, and how many rows match in all. */
export async function readAudit(db: Db, filter: AuditFilter, page: { offset: number; limit: number }): Promise<{ total: number; rows: AuditRow[] }> {
  const [count] = await db.query<{ n: string | number }>(`SELECT count(*) AS n FROM audit_log a WHERE ${WHERE}`, params(filter));
  const rows = await db.query<Raw>(`${SELECT} WHERE ${WHERE} ORDER BY a.seq DESC OFFSET $7 LIMIT $8`, [...params(filter), page.offset, page.limit]);
  return { total: Number(count?.n ?? 0), rows: rows.map(rowOf) };
}

/** What the log holds to filter by: its actors (with names), actions, entries and bodies. */
export async function auditChoices(db: Db): Promise<{ actors: { actor: string; name: string | null }[]; actions: string[]; entities: string[]; bodies: { id: string; name: string | null }[] }> {
  const [actors, actions, entities, bodies] = await Promise.all([
    db.query<{ actor: string; name: string | null }>("SELECT DISTINCT a.actor, u.display_name AS name FROM audit_log a LEFT JOIN users u ON a.actor = 'user:' || u.username ORDER BY a.actor"),
    db.query<{ action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action'),
    db.query<{ entity: string }>('SELECT DISTINCT entity FROM audit_log ORDER BY entity'),
    db.query<{ id: string; name: string | null }>('SELECT DISTINCT a.body_id AS id, b.name FROM audit_log a LEFT JOIN bodies b ON b.id = a.body_id WHERE a.body_id IS NOT NULL ORDER BY a.body_id'),
  ]);
  return { actors, actions: actions.map((r) => r.action), entities: entities.map((r) => r.entity), bodies };
}
