/**
 * Who may see and change what in the catalogue's back office. Everything not yet published exists
 * only for the body's staff: anyone else gets 404 for an item and 403 for a body's lists. The
 * chain's refusals become what they mean: not yours to do (403), someone acted first (409).
 */
import { canDraftCatalogue, canReadCatalogue, type SessionUser } from '../../accounts/permissions.js';
import { CatalogueError, type ItemRecord } from '../../catalogue/index.js';
import { CatalogueStore } from '../../store/catalogue-store.js';
import type { Db } from '../../store/db.js';
import type { AppServices } from '../context.js';
import { forbidden, notFound, Refusal } from '../errors.js';

export const catalogueStore = (s: AppServices): CatalogueStore => new CatalogueStore(s.db);

/** The body with its name, or 404. */
export async function bodyNamed(store: CatalogueStore, bodyId: string): Promise<{ id: string; name: string }> {
  const body = await store.body(bodyId);
  if (!body) throw notFound('机关');
  return { id: bodyId, name: body.name };
}

/** The body's staff (officers, reviewers) and administrators read everything of the body. */
export function requireStaff(user: SessionUser, bodyId: string): void {
  if (!canReadCatalogue(user, bodyId)) throw forbidden('您不能查看该机关的公开目录后台');
}

/** The item, if the user is staff of its body; 404 for anyone else (an unpublished item does not exist for them). */
export async function readableItem(store: CatalogueStore, user: SessionUser, id: number): Promise<ItemRecord> {
  const item = await store.item(id);
  if (!item || !canReadCatalogue(user, item.bodyId)) throw notFound('信息');
  return item;
}

/** The item, if the user is an officer of its body (who drafts, edits, attaches and re-examines). */
export async function draftableItem(store: CatalogueStore, user: SessionUser, id: number): Promise<ItemRecord> {
  const item = await readableItem(store, user, id);
  if (!canDraftCatalogue(user, item.bodyId)) throw forbidden('只有本机关的经办人可以修改信息');
  return item;
}

/** The item locked for the transaction: its decisions are taken from this state. */
export async function lockedItem(store: CatalogueStore, tx: Db, id: number): Promise<ItemRecord> {
  const item = await store.item(id, tx, true);
  if (!item) throw new CatalogueError('没有找到该信息');
  return item;
}

/** Refusals of the chain as what they mean: 403 (not yours to do), 409 (someone acted first); others stay the rules' (400). */
export async function decided<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CatalogueError && error.code === 'forbidden') throw new Refusal('forbidden', error.message);
    if (error instanceof CatalogueError && error.code === 'conflict') throw new Refusal('conflict', error.message);
    throw error;
  }
}
