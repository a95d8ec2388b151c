/**
 * The append-only audit log: every change anyone makes — through the CLI, the web application or
 * an import — is one row with who, what, and the values before and after; the administrator reads
 * it newest first.
 */
import type { Db } from './db.js';

export async function writeAudit(tx: Db, actor: string, action: string, entity: string, id: string, oldValue: unknown, newValue: unknown): Promise<void> {
  await tx.query('INSERT INTO audit_log (actor, action, entity, entity_id, old_value, new_value) VALUES ($1, $2, $3, $4, $5, $6)', [
    actor,
    action,
    entity,
    id,
    oldValue === null || oldValue === undefined ? null : JSON.stringify(oldValue),
    newValue === null || newValue === undefined ? null : JSON.stringify(newValue),
  ]);
}

export interface AuditRow {
  seq: number;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  oldValue: unknown;
  newValue: unknown;
  /** ISO 8601 instant. */
  at: string;
}

/** The newest `limit` entries, of one kind of entity if given. */
export async function readAudit(db: Db, query: { limit: number; entity?: string | undefined }): Promise<AuditRow[]> {
  const rows = await db.query<{ seq: string; actor: string; action: string; entity: string; entity_id: string; old_value: unknown; new_value: unknown; at: Date | string }>(
    'SELECT seq, actor, action, entity, entity_id, old_value, new_value, at FROM audit_log WHERE ($1::text IS NULL OR entity = $1) ORDER BY seq DESC LIMIT $2',
    [query.entity ?? null, query.limit],
  );
  return rows.map((r) => ({ seq: Number(r.seq), actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, oldValue: r.old_value, newValue: r.new_value, at: new Date(r.at).toISOString() }));
}
