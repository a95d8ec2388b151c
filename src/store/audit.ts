/**
 * The append-only audit log: every change anyone makes — through the CLI, the web application or
 * an import — is one row with who, what, and the values before and after.
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
