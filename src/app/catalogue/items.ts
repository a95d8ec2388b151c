/**
 * The back office's use cases on items: lists, drafting with the 索引号 allocated in the drafting
 * transaction, edits and changes (变更) of settled items, the review chain (拟稿 → 初审 → 终审 →
 * 保密审查: one person one step per round, rejection back to the drafter, nothing public without
 * every step), re-examination of withheld items (第十八条), the review queue and the due lists.
 *
 * Who: officers (经办人) of the body draft, edit, submit and re-examine; a review step is acted on
 * by the role the step names, of the same body; the body's staff and administrators read. Each
 * write decides under the item's row lock with the pure core and writes its audit entry in the
 * same transaction.
 */
import { actorId, canDraftCatalogue, canReviewCatalogue, isAdmin, type SessionUser } from '../../accounts/permissions.js';
import {
  advance,
  CatalogueError,
  chainMoveOf,
  chainOf,
  chainStateOf,
  changeOf,
  checkDeletable,
  checkDiscardable,
  checkInterpretation,
  checkItemFields,
  checkNotWithdrawn,
  checkReadyToSubmit,
  checkRevocable,
  DEFAULT_REVIEWER_POLICY,
  stepRefusal,
  type ReviewerPolicy,
  completionOf,
  currentRoundActs,
  derivedColumns,
  DUE_SOON_WORKING_DAYS,
  editOf,
  fieldsSummary,
  formatIndexNo,
  proposedFields,
  reexaminationNote,
  reexaminationOf,
  reexamineState,
  REEXAMINE_SOON_DAYS,
  STALE_EDIT,
  STALE_REVIEW,
  WITHHELD_GROUNDS,
  type ChainAction,
  type Disclosure,
  type ItemFields,
  type ItemRecord,
  type ItemStatus,
} from '../../catalogue/index.js';
import { writeAudit } from '../../store/audit.js';
import { catalogueRefusals, type CatalogueStore } from '../../store/catalogue-store.js';
import type { Db } from '../../store/db.js';
import type { AppServices } from '../context.js';
import { forbidden } from '../errors.js';
import { checkVersion } from '../versions.js';
import { bodyNamed, catalogueStore, decided, draftableItem, lockedItem, readableItem, requireStaff } from './access.js';
import { actorNames, detailOf, reviewView, rowOf } from './views.js';

/** What the officer sends: 生成日期 defaults to today, 发布机构 to the body's name. */
export interface ItemInput {
  title: string;
  summary: string;
  content: string;
  madeOn?: string | undefined;
  publisher?: string | undefined;
  docNo?: string | null | undefined;
  topic: string;
  docType: string;
  disclosure: Disclosure;
  withheldGround?: string | null | undefined;
  effectiveOn?: string | null | undefined;
  expiresOn?: string | null | undefined;
  amendedOn?: string | null | undefined;
  repealedOn?: string | null | undefined;
  channels: string[];
  interpretationOf?: number | null | undefined;
}

export interface ItemQuery {
  status?: ItemStatus | 'settled' | undefined;
  topic?: string | undefined;
  type?: string | undefined;
  disclosure?: Disclosure | undefined;
  /** Only items whose publication clock is in this state. */
  clock?: 'overdue' | 'dueSoon' | undefined;
  q?: string | undefined;
}

/** The request's fields with the defaults: 生成日期 today, 发布机构 the body's name. */
function fieldsOf(input: ItemInput, today: string, bodyName: string): ItemFields {
  return {
    title: input.title,
    summary: input.summary,
    content: input.content,
    madeOn: input.madeOn ?? today,
    publisher: input.publisher?.trim() || bodyName,
    docNo: input.docNo ?? null,
    topic: input.topic,
    docType: input.docType,
    disclosure: input.disclosure,
    withheldGround: (input.withheldGround || null) as ItemFields['withheldGround'],
    effectiveOn: input.effectiveOn ?? null,
    expiresOn: input.expiresOn ?? null,
    amendedOn: input.amendedOn ?? null,
    repealedOn: input.repealedOn ?? null,
    channels: input.channels,
    interpretationOf: input.interpretationOf ?? null,
  };
}

/** The item as its staff see it, read again after a change. */
const fresh = async (s: AppServices, store: CatalogueStore, user: SessionUser, id: number) => detailOf(s, store, user, (await store.item(id))!);

// ---------------------------------------------------------------------------------------------
// Reading

/** The body's items, filtered (or those whose publication clock is overdue or due soon). */
export async function listItems(s: AppServices, user: SessionUser, bodyId: string, query: ItemQuery) {
  requireStaff(user, bodyId);
  const store = catalogueStore(s);
  const body = await bodyNamed(store, bodyId);
  const { status, topic, type, disclosure, clock, q } = query;
  const today = s.today();
  const [items, calendar] = await Promise.all([
    clock ? store.awaitingPublication(bodyId) : store.list(bodyId, { status, topic, docType: type, disclosure, q }),
    s.calendar(),
  ]);
  const rows = items.map((i) => rowOf(i, calendar, today)).filter((r) => !clock || r.clock?.state === clock);
  return { body, today, total: rows.length, items: rows, canDraft: canDraftCatalogue(user, bodyId) };
}

export async function getItem(s: AppServices, user: SessionUser, id: number) {
  const store = catalogueStore(s);
  return detailOf(s, store, user, await readableItem(store, user, id));
}

export async function itemReviews(s: AppServices, user: SessionUser, id: number) {
  const store = catalogueStore(s);
  const item = await readableItem(store, user, id);
  const reviews = await store.reviews(item.id);
  const names = await actorNames(store, reviews.map((r) => r.actor));
  return reviews.map((r) => reviewView(r, names));
}

/** Items waiting at a step the user's role acts on, in the bodies they review, that they may still take. */
export async function reviewQueue(s: AppServices, user: SessionUser) {
  const store = catalogueStore(s);
  const bodies = user.bodies.filter((b) => canReviewCatalogue(user, b));
  const items = await store.inReview(bodies);
  const acts = await store.actsOfMany(items.map((i) => i.id));
  const [calendar, bodyName, policies] = await Promise.all([s.calendar(), store.bodyNames(bodies), policiesOf(store, bodies)]);
  const mine = items.flatMap((item) => {
    const { step } = chainOf(item);
    const waiting = item.chain[step];
    if (!waiting || waiting.role !== user.role) return [];
    // A step this user may not take (they submitted the round, or took another step where each must be someone else) is someone else's work.
    const state = { phase: 'inReview' as const, step, round: item.round, acts: currentRoundActs(item, acts.get(item.id) ?? []) };
    if (stepRefusal(item.chain, state, actorId(user), policies.get(item.bodyId) ?? DEFAULT_REVIEWER_POLICY)) return [];
    return [{ ...rowOf(item, calendar, s.today()), bodyId: item.bodyId, bodyName: bodyName.get(item.bodyId) ?? item.bodyId, step, stepName: waiting.name }];
  });
  return { items: mine };
}

/** Each body's reviewer policy. */
async function policiesOf(store: CatalogueStore, bodies: readonly string[]): Promise<Map<string, ReviewerPolicy>> {
  return new Map(await Promise.all(bodies.map(async (b) => [b, (await store.settings(b)).reviewerPolicy] as const)));
}

/** 第二十六条: proactive information overdue and due within DUE_SOON_WORKING_DAYS, earliest first. */
export async function dueLists(s: AppServices, user: SessionUser, bodyId: string) {
  requireStaff(user, bodyId);
  const store = catalogueStore(s);
  await bodyNamed(store, bodyId);
  const [items, calendar] = await Promise.all([store.awaitingPublication(bodyId), s.calendar()]);
  const today = s.today();
  const rows = items.map((i) => rowOf(i, calendar, today));
  const by = (state: string) => rows.filter((r) => r.clock?.state === state).sort((a, b) => a.clock!.due.localeCompare(b.clock!.due) || a.id - b.id);
  return { today, dueSoonDays: DUE_SOON_WORKING_DAYS, overdue: by('overdue'), dueSoon: by('dueSoon') };
}

/** 第十八条: withheld items by re-examination date. */
export async function reexaminationList(s: AppServices, user: SessionUser, bodyId: string) {
  requireStaff(user, bodyId);
  const store = catalogueStore(s);
  await bodyNamed(store, bodyId);
  const [items, calendar, settings] = await Promise.all([store.withheld(bodyId), s.calendar(), store.settings(bodyId)]);
  const today = s.today();
  const rows = items.map((i) => ({
    ...rowOf(i, calendar, today),
    reexamState: i.reviewOn ? reexamineState(i.reviewOn, today) : ('due' as const),
    groundLabel: i.withheldGround ? WITHHELD_GROUNDS[i.withheldGround].label : '（未写明依据）',
  }));
  return { today, months: settings.reexamineMonths, soonDays: REEXAMINE_SOON_DAYS, items: rows };
}

// ---------------------------------------------------------------------------------------------
// Drafting and editing

/** A 政策解读 names an item of the same body (not itself). */
async function interpretationChecked(store: CatalogueStore, tx: Db, bodyId: string, fields: ItemFields, selfId?: number): Promise<void> {
  if (fields.interpretationOf === null) return;
  const targetBody = fields.interpretationOf === selfId ? null : await store.bodyOfItem(fields.interpretationOf, tx);
  checkInterpretation(fields, bodyId, targetBody, selfId);
}

/** A new draft with its index number, the serial taken in the same transaction (a refused draft consumes none). */
export async function createItem(s: AppServices, user: SessionUser, bodyId: string, input: ItemInput) {
  if (!canDraftCatalogue(user, bodyId)) throw forbidden('只有本机关的经办人可以拟稿');
  const store = catalogueStore(s);
  const body = await bodyNamed(store, bodyId);
  const actor = actorId(user);
  const today = s.today();
  const fields = checkItemFields(fieldsOf(input, today, body.name), today);
  const id = await decided(() =>
    catalogueRefusals(() =>
      s.db.transaction(async (tx) => {
        await interpretationChecked(store, tx, bodyId, fields);
        const settings = await store.settings(bodyId, tx);
        const year = Number(fields.madeOn.slice(0, 4));
        const serial = await store.nextSerial(tx, bodyId, year);
        const indexNo = formatIndexNo(settings.indexRule, { bodyId, year, serial });
        const id = await store.insertDraft(tx, bodyId, indexNo, fields, derivedColumns(fields, indexNo, settings.reexamineMonths), actor);
        await writeAudit(tx, actor, 'create', 'catalogue_item', String(id), null, { indexNo, serial, ...fields });
        return id;
      }),
    ),
  );
  return fresh(s, store, user, id);
}

/** Keep a settled item's change, or update it; audited as its opening or its edit. */
export async function saveChange(store: CatalogueStore, tx: Db, item: ItemRecord, fields: ItemFields, actor: string): Promise<void> {
  const { pending, status } = changeOf(item, fields);
  if (!(await store.savePending(tx, item.id, pending, status))) throw new CatalogueError(STALE_EDIT, 'conflict');
  await writeAudit(tx, actor, item.pending ? 'update-change' : 'create-change', 'catalogue_item', String(item.id), item.pending?.fields ?? fieldsSummary(item), fields);
}

async function saveDraft(store: CatalogueStore, tx: Db, item: ItemRecord, fields: ItemFields, actor: string): Promise<void> {
  const settings = await store.settings(item.bodyId, tx);
  if (!(await store.updateDraft(tx, item.id, fields, derivedColumns(fields, item.indexNo, settings.reexamineMonths)))) throw new CatalogueError(STALE_EDIT, 'conflict');
  await writeAudit(tx, actor, 'update', 'catalogue_item', String(item.id), fieldsSummary(item), fields);
}

/**
 * Save the officer's edits: a draft or a rejected item in place, a published or approved item as
 * a change (变更) with its new 生成日期, reviewed before it replaces the published version.
 * `version` is the item's version the edit began from: two officers editing one draft, the
 * second to save is refused (409) instead of silently overwriting the first.
 */
export async function updateItem(s: AppServices, user: SessionUser, id: number, input: ItemInput & { version?: number | undefined }) {
  const store = catalogueStore(s);
  const found = await draftableItem(store, user, id);
  const body = await bodyNamed(store, found.bodyId);
  const actor = actorId(user);
  const today = s.today();
  const fields = checkItemFields(fieldsOf(input, today, body.name), today);
  await decided(() =>
    catalogueRefusals(() =>
      s.db.transaction(async (tx) => {
        const item = await lockedItem(store, tx, id);
        checkVersion('此信息', input.version, item.version);
        await interpretationChecked(store, tx, item.bodyId, fields, id);
        if (editOf(item) === 'change') await saveChange(store, tx, item, fields, actor);
        else await saveDraft(store, tx, item, fields, actor);
      }),
    ),
  );
  return fresh(s, store, user, id);
}

/** Drop a change that has not gone to review (or was rejected): the published version stays. */
export async function discardChange(s: AppServices, user: SessionUser, id: number) {
  const store = catalogueStore(s);
  await draftableItem(store, user, id);
  const actor = actorId(user);
  await decided(() =>
    s.db.transaction(async (tx) => {
      const item = await lockedItem(store, tx, id);
      const pending = checkDiscardable(item);
      await store.dropPending(tx, id);
      await writeAudit(tx, actor, 'discard-change', 'catalogue_item', String(id), pending.fields, null);
    }),
  );
  return fresh(s, store, user, id);
}

// ---------------------------------------------------------------------------------------------
// The review chain

/**
 * Submit, approve or reject. The pure chain decides; the row is then updated only if it is still
 * in the state the decision was taken from, and the decision is recorded in catalogue_reviews and
 * the audit log in the same transaction. The last approval publishes (status 'published' and
 * 发布日期 = today; 'approved' for information that is not proactively disclosed) — the only way
 * an item becomes public.
 */
async function act(s: AppServices, store: CatalogueStore, user: SessionUser, id: number, action: ChainAction): Promise<void> {
  const actor = actorId(user);
  const today = s.today();
  await decided(() =>
    catalogueRefusals(() =>
      s.db.transaction(async (tx) => {
        const item = await lockedItem(store, tx, id);
        checkNotWithdrawn(item);
        const now = chainOf(item);
        const { state, change } = chainStateOf(item, now.phase === 'inReview' ? await store.acts(id, item.round, now.change, tx) : []);
        const settings = await store.settings(item.bodyId, tx);
        const steps = action.kind === 'submit' ? settings.reviewSteps : item.chain;
        if (action.kind === 'submit') checkReadyToSubmit(proposedFields(item));
        const result = advance(steps, state, { id: actor, role: user.role }, action, settings.reviewerPolicy);
        if (result.completed) await complete(store, tx, item, change, today);
        else {
          const move = chainMoveOf(state, result.state, steps);
          if (!(await store.moveChain(tx, id, change, move.from, move.to, move.chain))) throw new CatalogueError(STALE_REVIEW, 'conflict');
        }
        const d = result.decision;
        await store.addReview(tx, id, d, actor, change);
        await writeAudit(tx, actor, d.decision === 'withdraw' ? 'withdraw' : `review-${d.decision}`, 'catalogue_item', String(id), { phase: state.phase, step: state.step, round: state.round, change }, {
          phase: result.state.phase,
          step: result.state.step,
          round: result.state.round,
          change,
          stepName: d.stepName,
          comment: d.comment,
          published: result.completed,
        });
      }),
    ),
  );
}

/** The last approval: publish the item, or apply its change (and its files) to the published row. */
async function complete(store: CatalogueStore, tx: Db, item: ItemRecord, change: boolean, today: string): Promise<void> {
  const { fields, status, publishedOn, lastStep } = completionOf(item, today);
  if (!change) {
    if (!(await store.complete(tx, item.id, status, publishedOn, lastStep, item.round))) throw new CatalogueError(STALE_REVIEW, 'conflict');
    return;
  }
  const settings = await store.settings(item.bodyId, tx);
  const d = derivedColumns(fields, item.indexNo, settings.reexamineMonths);
  if (!(await store.completeChange(tx, item.id, fields, d, status, publishedOn, lastStep, item.round))) throw new CatalogueError(STALE_REVIEW, 'conflict');
  await store.applyAttachmentChanges(tx, item.id, item.pending?.removedAttachments ?? []);
}

/** Submit for review: a new round at the first review step. */
export async function submitItem(s: AppServices, user: SessionUser, id: number, input: { comment?: string | undefined }) {
  const store = catalogueStore(s);
  await draftableItem(store, user, id);
  await act(s, store, user, id, { kind: 'submit', ...(input.comment ? { comment: input.comment } : {}) });
  return fresh(s, store, user, id);
}

/**
 * The drafter takes back an item (or its change) in review: it is a draft again, to be edited and
 * submitted anew. Any officer of the body may, as any of them may edit its drafts.
 */
export async function withdrawItem(s: AppServices, user: SessionUser, id: number, input: { comment?: string | undefined }) {
  const store = catalogueStore(s);
  await draftableItem(store, user, id);
  await act(s, store, user, id, { kind: 'withdraw', ...(input.comment ? { comment: input.comment } : {}) });
  return fresh(s, store, user, id);
}

/**
 * 撤销 of a published item, with the reason the public will read: it leaves the public search,
 * its public page says it was withdrawn, when and why. A change waiting with it is dropped. The
 * body's officers and reviewers may withdraw (taking information down must not wait).
 */
export async function revokeItem(s: AppServices, user: SessionUser, id: number, input: { reason: string }) {
  const store = catalogueStore(s);
  const found = await readableItem(store, user, id);
  if (!canReviewCatalogue(user, found.bodyId)) throw forbidden('只有本机关的经办人或审核人员可以撤销已发布的信息');
  const actor = actorId(user);
  const today = s.today();
  await decided(() =>
    s.db.transaction(async (tx) => {
      const item = await lockedItem(store, tx, id);
      const reason = checkRevocable(item, input.reason);
      if (!(await store.revoke(tx, id, today, reason, actor))) throw new CatalogueError(STALE_EDIT, 'conflict');
      await writeAudit(tx, actor, 'revoke', 'catalogue_item', String(id), { status: item.status, publishedOn: item.publishedOn, pending: item.pending?.fields ?? null }, {
        status: 'withdrawn',
        revokedOn: today,
        reason,
      });
    }),
  );
  return fresh(s, store, user, id);
}

/** Delete a draft that never went public: by its drafter or an administrator; audited with what it held. */
export async function deleteItem(s: AppServices, user: SessionUser, id: number): Promise<{ ok: true }> {
  const store = catalogueStore(s);
  const found = await readableItem(store, user, id);
  const admin = isAdmin(user);
  if (!admin && !canDraftCatalogue(user, found.bodyId)) throw forbidden('只有拟稿人本人或管理员可以删除草稿');
  const actor = actorId(user);
  await decided(() =>
    s.db.transaction(async (tx) => {
      const item = await lockedItem(store, tx, id);
      checkDeletable(item, actor, admin);
      if (await store.interpretationsOf(tx, id)) throw new CatalogueError('有政策解读指向该草稿，请先修改那条解读', 'conflict');
      if (!(await store.deleteDraft(tx, id))) throw new CatalogueError(STALE_EDIT, 'conflict');
      await writeAudit(tx, actor, 'delete', 'catalogue_item', String(id), { indexNo: item.indexNo, status: item.status, createdBy: item.createdBy, ...fieldsSummary(item) }, null, item.bodyId);
    }),
  );
  return { ok: true };
}

/** Approve or reject the current step (a rejection says why). */
export async function reviewItem(s: AppServices, user: SessionUser, id: number, input: { step: number; decision: 'approve' | 'reject'; comment?: string | undefined }) {
  const store = catalogueStore(s);
  const item = await readableItem(store, user, id);
  if (!canReviewCatalogue(user, item.bodyId)) throw forbidden('只有本机关的审核人员可以审核');
  const { step, decision, comment } = input;
  const action: ChainAction = decision === 'reject' ? { kind: 'reject', step, comment: comment ?? '' } : { kind: 'approve', step, ...(comment ? { comment } : {}) };
  await act(s, store, user, id, action);
  return fresh(s, store, user, id);
}

// ---------------------------------------------------------------------------------------------
// Re-examination (第十八条)

/**
 * Record a re-examination of a withheld item: keep it withheld until the next date, or release
 * it — a change to 主动公开 is opened for the officer to complete and submit.
 */
export async function reexamineItem(s: AppServices, user: SessionUser, id: number, input: { conclusion: 'keep' | 'release'; comment: string }) {
  const store = catalogueStore(s);
  await draftableItem(store, user, id);
  const actor = actorId(user);
  const today = s.today();
  const { conclusion } = input;
  await decided(async () => {
    const note = reexaminationNote(input.comment);
    await s.db.transaction(async (tx) => {
      const item = await lockedItem(store, tx, id);
      const months = (await store.settings(item.bodyId, tx)).reexamineMonths;
      const outcome = reexaminationOf(item, conclusion, today, months);
      if (outcome.nextOn !== null) await store.setReviewOn(tx, id, outcome.nextOn);
      else if (!(await store.savePending(tx, id, { fields: outcome.change, removedAttachments: [] }, 'draft'))) throw new CatalogueError(STALE_EDIT, 'conflict');
      await store.addReexamination(tx, id, { examinedOn: today, conclusion, comment: note, nextOn: outcome.nextOn, actor });
      await writeAudit(tx, actor, 'reexamine', 'catalogue_item', String(id), { reviewOn: item.reviewOn }, { conclusion, comment: note, examinedOn: today, nextOn: outcome.nextOn });
    });
  });
  return fresh(s, store, user, id);
}
