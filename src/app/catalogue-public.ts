/**
 * The public catalogue and the guide: search, item pages and downloads, the body's 指南 and its
 * settings.
 *
 * Only published items are searched. An item withdrawn (撤销) after publication keeps its page:
 * the public sees that it was withdrawn, when and why, not a 404. An item in review, rejected or
 * a draft answers exactly like an id that was never used (the same 404 and message), so nothing
 * tells that an unpublished item exists. 规章 and 行政规范性文件 carry their validity as of today.
 */
import { actorId, canConfigureCatalogue, type SessionUser } from '../accounts/permissions.js';
import { checkGuideSettings, cleanGuideSettings, guideDocument, type GuideSettings } from '../catalogue/guide.js';
import { COUNT_CAP, MAX_PAGE, PAGE_SIZE, parseCatalogueQuery, QueryError, type CatalogueQueryInput } from '../catalogue/query.js';
import { validityOf, type ValidityDates, type ValidityState } from '../catalogue/validity.js';
import { DOC_TYPES, TOPICS } from '../catalogue/vocabulary.js';
import { BODY_LEVEL_LABELS, type BodyLevel } from '../register/bodies.js';
import { writeAudit } from '../store/audit.js';
import { CatalogueSearch } from '../store/catalogue-search.js';
import { CatalogueStore } from '../store/catalogue-store.js';
import type { Db } from '../store/db.js';
import { OpinionStore } from '../store/opinion-store.js';
import type { AppServices } from './context.js';
import { forbidden, invalid, notFound, Refusal } from './errors.js';
import { checkVersion } from './versions.js';

const ITEM_NOT_FOUND = '没有找到该政府信息：它不存在，或者尚未公开';
const ATTACHMENT_NOT_FOUND = '没有找到该附件：它不存在，或者所属信息尚未公开、已撤销';

/** A public form refused field by field: one Chinese sentence per field, and the summary. */
export interface FieldRefusal {
  refused: { error: string; fields: Record<string, string> };
}

/** The refusal of a form with these problems (`what`: 表单, 指南设置 …); null when there are none. */
export function fieldRefusal(what: string, fields: Record<string, string | undefined>): FieldRefusal | null {
  const problems = Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
  const n = Object.keys(problems).length;
  return n > 0 ? { refused: { error: `${what}有 ${n} 处需要修改：${Object.values(problems).join('；')}`, fields: problems } } : null;
}

export interface BodyRef {
  id: string;
  name: string;
  level: BodyLevel;
  levelLabel: string;
}

/** A body as the public pages name it, with its level's name; null when there is none. */
export async function findBody(db: Db, bodyId: string): Promise<BodyRef | null> {
  const body = await new CatalogueStore(db).body(bodyId);
  return body && { ...body, levelLabel: BODY_LEVEL_LABELS[body.level] };
}

/** The body, or 404. */
export async function bodyRef(db: Db, bodyId: string): Promise<BodyRef> {
  const body = await findBody(db, bodyId);
  if (!body) throw notFound('机关');
  return body;
}

// The search keeps what it learnt of the catalogue's size and statistics for a while: one per database.
const searches = new WeakMap<Db, CatalogueSearch>();
const searchOf = (db: Db): CatalogueSearch => {
  let search = searches.get(db);
  if (!search) searches.set(db, (search = new CatalogueSearch(db)));
  return search;
};

// ---------------------------------------------------------------------------------------------
// The catalogue

/** The filter choices and the paging. */
export const catalogueOptions = () => ({ topics: [...TOPICS], types: [...DOC_TYPES], pageSize: PAGE_SIZE, countCap: COUNT_CAP, maxPage: MAX_PAGE });

/** One page of published items, newest first; the total when counted, the normalised terms. */
export async function searchCatalogue(s: AppServices, input: CatalogueQueryInput) {
  let query;
  try {
    query = parseCatalogueQuery(input);
  } catch (error) {
    if (error instanceof QueryError) throw invalid(error.message);
    throw error;
  }
  const result = await searchOf(s.db).search(query);
  const pages = result.total === null ? null : Math.min(MAX_PAGE, Math.ceil(result.total / PAGE_SIZE));
  const hasMore = result.hasMore && query.page < MAX_PAGE;
  const today = s.today();
  return { ...result, items: result.items.map((i) => withValidity(i, today)), hasMore, page: query.page, pages, pageSize: PAGE_SIZE, terms: query.terms };
}

/** An item with its validity today (null for items other than 规章 and 行政规范性文件). */
function withValidity<T extends ValidityDates>(item: T, today: string): T & { validity: { state: ValidityState; label: string; note: string } | null } {
  const v = validityOf(item, today);
  return { ...item, validity: v && { state: v.state, label: v.label, note: v.note } };
}

/** The published item behind an id or an index number, or the one 404. */
async function publishedItemId(search: CatalogueSearch, idOrIndexNo: string): Promise<number> {
  const id = /^\d{1,15}$/.test(idOrIndexNo) ? Number(idOrIndexNo) : await search.idOfIndexNo(idOrIndexNo);
  if (id === null) throw new Refusal('notFound', ITEM_NOT_FOUND);
  return id;
}

/** A published item by its id or index number. */
export async function publishedItem(s: AppServices, idOrIndexNo: string) {
  const search = searchOf(s.db);
  const found = await search.item(await publishedItemId(search, idOrIndexNo));
  if (!found) throw new Refusal('notFound', ITEM_NOT_FOUND);
  // A withdrawn item has no validity to speak of: it is no longer published.
  return found.revoked ? { ...found, validity: null } : withValidity(found, s.today());
}

/** A file of a published item. */
export async function publishedAttachment(s: AppServices, idOrIndexNo: string, attachmentId: number): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array }> {
  const search = searchOf(s.db);
  const file = await search.attachment(await publishedItemId(search, idOrIndexNo), attachmentId);
  if (!file) throw new Refusal('notFound', ATTACHMENT_NOT_FOUND);
  return file;
}

// ---------------------------------------------------------------------------------------------
// The guide (指南), generated from the body's settings

/** The guide may be edited by the body's officer and by an administrator. */
const canEditGuide = (viewer: SessionUser | null, bodyId: string): boolean => !!viewer && canConfigureCatalogue(viewer, bodyId);

/** The body's guide, for anyone; `viewer` (signed in or not) learns whether they may edit it. */
export async function bodyGuide(s: AppServices, viewer: SessionUser | null, bodyId: string) {
  const body = await bodyRef(s.db, bodyId);
  const store = new OpinionStore(s.db);
  const settings = cleanGuideSettings(await store.guide(bodyId));
  return { body, settings, version: await store.guideVersion(bodyId), guide: guideDocument(body, settings), canEdit: canEditGuide(viewer, bodyId) };
}

/**
 * Replace the guide's settings, or refuse them field by field. `version` is the one the edit
 * began from (0: never saved); a save by someone else in between is refused (409).
 */
export async function saveGuide(
  s: AppServices,
  user: SessionUser,
  bodyId: string,
  input: GuideSettings & { version?: number | undefined },
): Promise<Awaited<ReturnType<typeof bodyGuide>> | FieldRefusal> {
  if (!canEditGuide(user, bodyId)) throw forbidden('只有本机关的经办人或管理员可以修改指南设置');
  await bodyRef(s.db, bodyId);
  const { version, ...asked } = input;
  const refused = fieldRefusal('指南设置', checkGuideSettings(asked));
  if (refused) return refused;
  const settings = cleanGuideSettings(asked);
  const store = new OpinionStore(s.db);
  const actor = actorId(user);
  await s.db.transaction(async (tx) => {
    const old = await store.lockGuide(tx, bodyId);
    checkVersion('本机关的指南设置', version, old.version);
    await store.saveGuide(tx, bodyId, settings);
    await writeAudit(tx, actor, old.guide === null ? 'create' : 'update', 'guide-settings', bodyId, old.guide, settings);
  });
  return bodyGuide(s, user, bodyId);
}
