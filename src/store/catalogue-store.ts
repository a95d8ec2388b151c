/**
 * The catalogue's back office in the database: items with their index numbers, the review chain,
 * changes of published items, attachments, re-examinations and settings. The rules are the pure
 * core's (src/catalogue); here they run under a row lock, and every state change is written with
 * a WHERE on the state it was decided from — so a decision taken from a stale state, or two
 * reviewers racing, changes nothing. Every change is audited in its own transaction.
 *
 * A change (变更) of a published or approved item does not touch the row the public sees: the
 * proposed fields wait in `pending` (and new files in catalogue_pending_attachments) through a new
 * review round, and replace the published version only at the last approval.
 */
import { createHash } from 'node:crypto';
import {
  advance,
  CatalogueError,
  checkIndexRule,
  checkItemFields,
  checkReadyToSubmit,
  checkReviewSteps,
  DEFAULT_REEXAMINE_MONTHS,
  DEFAULT_REVIEW_STEPS,
  defaultIndexRule,
  formatIndexNo,
  itemGrams,
  queryGrams,
  reexaminationDate,
  ruleKindOf,
  type CatalogueItem,
  type ChainAction,
  type ChainActor,
  type ChainPhase,
  type ChainState,
  type IndexRule,
  type ItemFields,
  type ItemStatus,
  type ReviewStep,
} from '../catalogue/index.js';
import { writeAudit } from './audit.js';
import type { Db } from './db.js';

export interface CatalogueSettings {
  indexRule: IndexRule;
  reviewSteps: ReviewStep[];
  reexamineMonths: number;
  /** False when the body has not set it: the default applies. */
  custom: { indexRule: boolean; reviewSteps: boolean; reexamineMonths: boolean };
}

/** A proposed change of a settled item. */
export interface PendingChange {
  fields: ItemFields;
  /** Attachments of the published version to drop when the change passes. */
  removedAttachments: number[];
  status: 'draft' | 'inReview' | 'rejected';
  step: number;
}

export interface StoredItem extends CatalogueItem {
  round: number;
  currentStep: number;
  /** The steps of the current or last round (the settings' steps before the first submission). */
  chain: ReviewStep[];
  pending: PendingChange | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReviewRecord {
  seq: number;
  round: number;
  change: boolean;
  step: number;
  stepName: string;
  decision: 'submit' | 'approve' | 'reject';
  comment: string | null;
  actor: string;
  at: string;
}

export interface AttachmentInfo {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** Added during a change: public only once the change passes. */
  pending: boolean;
  /** Of the published version, to be dropped when the change passes. */
  removed: boolean;
  createdAt: string;
}

export interface ItemFilter {
  /** draft | inReview | rejected also match a change in that state; settled = published or approved. */
  status?: ItemStatus | 'settled' | undefined;
  topic?: string | undefined;
  docType?: string | undefined;
  disclosure?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
}

interface ItemRow {
  id: string | number;
  body_id: string;
  index_no: string;
  title: string;
  summary: string;
  content: string;
  made_on: string;
  published_on: string | null;
  first_published_on: string | null;
  publisher: string;
  doc_no: string | null;
  topic: string | null;
  doc_type: string | null;
  disclosure: ItemFields['disclosure'];
  withheld_ground: ItemFields['withheldGround'];
  review_on: string | null;
  rule_kind: CatalogueItem['ruleKind'];
  effective_on: string | null;
  repealed_on: string | null;
  channels: string[] | null;
  interpretation_of: string | number | null;
  status: ItemStatus;
  current_step: number;
  round: number;
  chain: ReviewStep[] | null;
  pending: { fields: ItemFields; removedAttachments?: number[] } | null;
  pending_status: PendingChange['status'] | null;
  pending_step: number;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
}

const ITEM_COLUMNS = `id, body_id, index_no, title, summary, content, made_on, published_on, first_published_on, publisher, doc_no, topic,
  doc_type, disclosure, withheld_ground, review_on, rule_kind, effective_on, repealed_on, channels, interpretation_of, status,
  current_step, round, chain, pending, pending_status, pending_step, created_by, created_at, updated_at`;
/** The list's columns: the long text stays out. */
const LIST_COLUMNS = ITEM_COLUMNS.replace('content,', "'' AS content,");

/** Per file; the API's JSON-and-form body limit (2 MiB, app.ts) must leave room for the multipart envelope. */
export const MAX_ATTACHMENT_BYTES = 1.5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;
const LIST_LIMIT = 2000;

const iso = (t: Date | string) => new Date(t).toISOString();

function fieldsOf(r: ItemRow): ItemFields {
  return {
    title: r.title,
    summary: r.summary,
    content: r.content,
    madeOn: r.made_on,
    publisher: r.publisher,
    docNo: r.doc_no,
    topic: r.topic ?? '',
    docType: r.doc_type ?? '',
    disclosure: r.disclosure,
    withheldGround: r.withheld_ground,
    effectiveOn: r.effective_on,
    repealedOn: r.repealed_on,
    channels: r.channels ?? [],
    interpretationOf: r.interpretation_of === null ? null : Number(r.interpretation_of),
  };
}

function itemOf(r: ItemRow, defaultSteps: ReviewStep[]): StoredItem {
  return {
    ...fieldsOf(r),
    id: Number(r.id),
    bodyId: r.body_id,
    indexNo: r.index_no,
    status: r.status,
    ruleKind: r.rule_kind,
    publishedOn: r.published_on,
    firstPublishedOn: r.first_published_on,
    reviewOn: r.review_on,
    round: r.round,
    currentStep: r.current_step,
    chain: r.chain ?? defaultSteps,
    pending:
      r.pending && r.pending_status
        ? { fields: r.pending.fields, removedAttachments: r.pending.removedAttachments ?? [], status: r.pending_status, step: r.pending_step }
        : null,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** Settled: passed the chain at least once. Its later edits are changes (变更). */
export const isSettled = (status: ItemStatus) => status === 'published' || status === 'approved';

/** The chain the item is in now: its change's, when it has one, else its own. */
export function chainOf(item: StoredItem): { phase: ChainPhase; step: number; change: boolean } {
  if (item.pending) return { phase: item.pending.status, step: item.pending.step, change: true };
  const phase: ChainPhase = isSettled(item.status) || item.status === 'withdrawn' ? 'done' : (item.status as ChainPhase);
  return { phase, step: item.currentStep, change: false };
}

/** The fields the public would see once the current round passes. */
export const proposedFields = (item: StoredItem): ItemFields => item.pending?.fields ?? item;

/** Database refusals a user can act on, in Chinese; anything else propagates. */
async function refusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const e = error as { code?: string; constraint?: string };
    if (e.code === '23505') throw new CatalogueError('索引号与已有信息重复：请检查索引号规则中的机构代码是否与其他机关相同', 'conflict');
    if (e.code === '23503') throw new CatalogueError('引用的机关或信息不存在');
    if (e.code === '23514') throw new CatalogueError('数据不符合要求');
    throw error;
  }
}

export class CatalogueStore {
  constructor(readonly db: Db) {}

  // ---------------------------------------------------------------------------------------------
  // Settings

  async settings(bodyId: string, db: Db = this.db): Promise<CatalogueSettings> {
    const row = (await db.query<{ index_rule: IndexRule | null; review_steps: ReviewStep[] | null; reexamine_months: number | null }>(
      'SELECT index_rule, review_steps, reexamine_months FROM body_settings WHERE body_id = $1',
      [bodyId],
    ))[0];
    return {
      indexRule: row?.index_rule ?? defaultIndexRule(),
      reviewSteps: row?.review_steps ?? [...DEFAULT_REVIEW_STEPS],
      reexamineMonths: row?.reexamine_months ?? DEFAULT_REEXAMINE_MONTHS,
      custom: { indexRule: !!row?.index_rule, reviewSteps: !!row?.review_steps, reexamineMonths: !!row?.reexamine_months },
    };
  }

  /** Set any of the three; null resets to the default. Items already in review keep their chain. */
  async setSettings(bodyId: string, change: { indexRule?: IndexRule | null; reviewSteps?: ReviewStep[] | null; reexamineMonths?: number | null }, actor: string): Promise<CatalogueSettings> {
    const indexRule = change.indexRule ? checkIndexRule(change.indexRule) : change.indexRule;
    const reviewSteps = change.reviewSteps ? checkReviewSteps(change.reviewSteps) : change.reviewSteps;
    const months = change.reexamineMonths;
    if (months !== undefined && months !== null && !(Number.isInteger(months) && months >= 1 && months <= 60)) throw new CatalogueError('复查周期应为1至60个月');
    return refusals(() =>
      this.db.transaction(async (tx) => {
        const before = await this.settings(bodyId, tx);
        await tx.query('INSERT INTO body_settings (body_id) VALUES ($1) ON CONFLICT (body_id) DO NOTHING', [bodyId]);
        if (indexRule !== undefined) await tx.query('UPDATE body_settings SET index_rule = $2 WHERE body_id = $1', [bodyId, indexRule ? JSON.stringify(indexRule) : null]);
        if (reviewSteps !== undefined) await tx.query('UPDATE body_settings SET review_steps = $2 WHERE body_id = $1', [bodyId, reviewSteps ? JSON.stringify(reviewSteps) : null]);
        if (months !== undefined) await tx.query('UPDATE body_settings SET reexamine_months = $2 WHERE body_id = $1', [bodyId, months]);
        const after = await this.settings(bodyId, tx);
        await writeAudit(tx, actor, 'set', 'catalogue_settings', bodyId, before, after);
        return after;
      }),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Items

  private async checkInterpretation(tx: Db, bodyId: string, fields: ItemFields, selfId?: number): Promise<void> {
    if (fields.interpretationOf === null) return;
    if (fields.interpretationOf === selfId) throw new CatalogueError('政策解读不能解读它自己');
    const target = (await tx.query<{ body_id: string }>('SELECT body_id FROM catalogue_items WHERE id = $1', [fields.interpretationOf]))[0];
    if (!target || target.body_id !== bodyId) throw new CatalogueError(`被解读的信息（编号 ${fields.interpretationOf}）不存在或不属于本机关`);
  }

  /** The columns derived from the fields: rule kind, re-examination date, search grams. */
  private derived(fields: ItemFields, indexNo: string, months: number) {
    return {
      ruleKind: ruleKindOf(fields.docType),
      reviewOn: fields.disclosure === 'withheld' ? reexaminationDate(fields.madeOn, months) : null,
      grams: itemGrams(fields.title, fields.summary, fields.content, indexNo, fields.docNo),
    };
  }

  /**
   * A new draft with its index number: the serial is taken from catalogue_serials in the same
   * transaction (UPSERT … RETURNING locks the body's row of the year), so parallel drafts get
   * distinct, gapless serials and a refused draft consumes none.
   */
  async create(bodyId: string, input: ItemFields, actor: string, today: string): Promise<StoredItem> {
    const fields = checkItemFields(input, today);
    const id = await refusals(() =>
      this.db.transaction(async (tx) => {
        await this.checkInterpretation(tx, bodyId, fields);
        const settings = await this.settings(bodyId, tx);
        const year = Number(fields.madeOn.slice(0, 4));
        const serial = (await tx.query<{ last: number }>(
          `INSERT INTO catalogue_serials (body_id, year, last) VALUES ($1, $2, 1)
           ON CONFLICT (body_id, year) DO UPDATE SET last = catalogue_serials.last + 1 RETURNING last`,
          [bodyId, year],
        ))[0]!.last;
        const indexNo = formatIndexNo(settings.indexRule, { bodyId, year, serial });
        const d = this.derived(fields, indexNo, settings.reexamineMonths);
        const row = (await tx.query<{ id: string | number }>(
          `INSERT INTO catalogue_items (body_id, index_no, title, summary, content, made_on, publisher, doc_no, topic, doc_type, disclosure,
             withheld_ground, review_on, rule_kind, effective_on, repealed_on, channels, interpretation_of, status, search_grams, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'draft', $19, $20) RETURNING id`,
          [bodyId, indexNo, fields.title, fields.summary, fields.content, fields.madeOn, fields.publisher, fields.docNo, fields.topic, fields.docType, fields.disclosure,
            fields.withheldGround, d.reviewOn, d.ruleKind, fields.effectiveOn, fields.repealedOn, fields.channels, fields.interpretationOf, d.grams, actor],
        ))[0]!;
        await writeAudit(tx, actor, 'create', 'catalogue_item', String(row.id), null, { indexNo, serial, ...fields });
        return Number(row.id);
      }),
    );
    return (await this.item(id))!;
  }

  async item(id: number, db: Db = this.db, lock = false): Promise<StoredItem | null> {
    const row = (await db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM catalogue_items WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]))[0];
    if (!row) return null;
    const steps = row.chain ? [] : (await this.settings(row.body_id, db)).reviewSteps;
    return itemOf(row, steps);
  }

  private async locked(tx: Db, id: number): Promise<StoredItem> {
    const item = await this.item(id, tx, true);
    if (!item) throw new CatalogueError('没有找到该信息');
    return item;
  }

  /**
   * Save the officer's edits. A draft or a rejected item is edited in place (its index number
   * stays). A published or approved item gets a change (变更): the fields wait in `pending` with
   * their new 生成日期 and go through a new round; the published version stays visible meanwhile.
   * Nothing in review can be edited: the reviewers must see what they approve.
   */
  async update(id: number, input: ItemFields, actor: string, today: string): Promise<StoredItem> {
    const fields = checkItemFields(input, today);
    await refusals(() =>
      this.db.transaction(async (tx) => {
        const item = await this.locked(tx, id);
        await this.checkInterpretation(tx, item.bodyId, fields, id);
        const chain = chainOf(item);
        if (chain.phase === 'inReview') throw new CatalogueError('该信息正在审核中，不能修改；如需修改，请审核人退回后再改', 'conflict');
        if (item.status === 'withdrawn') throw new CatalogueError('该信息已撤销，不能修改', 'conflict');
        if (isSettled(item.status)) await this.saveChange(tx, item, fields, actor);
        else await this.saveDraft(tx, item, fields, actor);
      }),
    );
    return (await this.item(id))!;
  }

  private async saveDraft(tx: Db, item: StoredItem, fields: ItemFields, actor: string): Promise<void> {
    const settings = await this.settings(item.bodyId, tx);
    const d = this.derived(fields, item.indexNo, settings.reexamineMonths);
    const done = await tx.query(
      `UPDATE catalogue_items SET title = $2, summary = $3, content = $4, made_on = $5, publisher = $6, doc_no = $7, topic = $8, doc_type = $9,
         disclosure = $10, withheld_ground = $11, review_on = $12, rule_kind = $13, effective_on = $14, repealed_on = $15, channels = $16,
         interpretation_of = $17, search_grams = $18, updated_at = now()
       WHERE id = $1 AND status IN ('draft', 'rejected') RETURNING id`,
      [item.id, fields.title, fields.summary, fields.content, fields.madeOn, fields.publisher, fields.docNo, fields.topic, fields.docType,
        fields.disclosure, fields.withheldGround, d.reviewOn, d.ruleKind, fields.effectiveOn, fields.repealedOn, fields.channels,
        fields.interpretationOf, d.grams],
    );
    if (!done.length) throw new CatalogueError('该信息的状态已改变，请刷新后再改', 'conflict');
    await writeAudit(tx, actor, 'update', 'catalogue_item', String(item.id), fieldsSummary(item), fields);
  }

  private async saveChange(tx: Db, item: StoredItem, fields: ItemFields, actor: string): Promise<void> {
    // 变更 restarts the 20 working days from the day of the change (第二十六条): never earlier.
    if (fields.madeOn < item.madeOn) throw new CatalogueError(`变更的生成日期 ${fields.madeOn} 早于原生成日期 ${item.madeOn}；变更后应填写信息变更之日`);
    const status = item.pending?.status ?? 'draft';
    const pending = { fields, removedAttachments: item.pending?.removedAttachments ?? [] };
    const done = await tx.query(
      `UPDATE catalogue_items SET pending = $2, pending_status = $3, pending_step = 0, updated_at = now()
       WHERE id = $1 AND status IN ('published', 'approved') AND (pending_status IS NULL OR pending_status IN ('draft', 'rejected')) RETURNING id`,
      [item.id, JSON.stringify(pending), status],
    );
    if (!done.length) throw new CatalogueError('该信息的状态已改变，请刷新后再改', 'conflict');
    await writeAudit(tx, actor, item.pending ? 'update-change' : 'create-change', 'catalogue_item', String(item.id), item.pending?.fields ?? fieldsSummary(item), fields);
  }

  /** Drop a change that has not gone to review (or was rejected): the published version stays. */
  async discardChange(id: number, actor: string): Promise<StoredItem> {
    await this.db.transaction(async (tx) => {
      const item = await this.locked(tx, id);
      if (!item.pending) throw new CatalogueError('该信息没有待审核的变更', 'conflict');
      if (item.pending.status === 'inReview') throw new CatalogueError('变更正在审核中，不能撤回', 'conflict');
      await tx.query("UPDATE catalogue_items SET pending = NULL, pending_status = NULL, pending_step = 0, updated_at = now() WHERE id = $1 AND pending_status IN ('draft', 'rejected')", [id]);
      await tx.query('DELETE FROM catalogue_pending_attachments WHERE item_id = $1', [id]);
      await writeAudit(tx, actor, 'discard-change', 'catalogue_item', String(id), item.pending.fields, null);
    });
    return (await this.item(id))!;
  }

  // ---------------------------------------------------------------------------------------------
  // The review chain

  /** Who acted at which step in the item's current round (its change's round when it has one). */
  private async actsOf(db: Db, item: StoredItem, change: boolean): Promise<ChainState['acts']> {
    const rows = await db.query<{ step: number; actor: string }>(
      "SELECT step, actor FROM catalogue_reviews WHERE item_id = $1 AND round = $2 AND is_change = $3 AND decision IN ('submit', 'approve') ORDER BY seq",
      [item.id, item.round, change],
    );
    return rows.map((r) => ({ step: r.step, actor: r.actor }));
  }

  private async stateOf(db: Db, item: StoredItem): Promise<{ state: ChainState; change: boolean }> {
    const { phase, step, change } = chainOf(item);
    // A finished or rejected round has no acts that still bind anyone.
    const acts = phase === 'inReview' ? await this.actsOf(db, item, change) : [];
    return { state: { phase, step, round: item.round, acts }, change };
  }

  /**
   * Submit, approve or reject. The pure chain decides; the row is then updated only if it is
   * still in the state the decision was taken from (WHERE on status/pending_status and the step),
   * and the decision is recorded in catalogue_reviews and the audit log in the same transaction.
   * The last approval publishes (status 'published' and 发布日期 = today; 'approved' for
   * information that is not proactively disclosed) — the only way an item becomes public.
   */
  async act(id: number, actor: ChainActor, action: ChainAction, today: string): Promise<StoredItem> {
    await refusals(() =>
      this.db.transaction(async (tx) => {
        const item = await this.locked(tx, id);
        if (item.status === 'withdrawn') throw new CatalogueError('该信息已撤销', 'conflict');
        const { state, change } = await this.stateOf(tx, item);
        const steps = action.kind === 'submit' ? (await this.settings(item.bodyId, tx)).reviewSteps : item.chain;
        if (action.kind === 'submit') checkReadyToSubmit(proposedFields(item));
        const result = advance(steps, state, actor, action);
        if (result.completed) await this.complete(tx, item, change, today);
        else await this.moveTo(tx, item, change, state, result.state, steps);
        const d = result.decision;
        await tx.query('INSERT INTO catalogue_reviews (item_id, step, step_name, decision, comment, actor, round, is_change) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
          id, d.step, d.stepName, d.decision, d.comment, actor.id, d.round, change,
        ]);
        await writeAudit(tx, actor.id, `review-${d.decision}`, 'catalogue_item', String(id), { phase: state.phase, step: state.step, round: state.round, change }, {
          phase: result.state.phase,
          step: result.state.step,
          round: result.state.round,
          change,
          stepName: d.stepName,
          comment: d.comment,
          published: result.completed,
        });
      }),
    );
    return (await this.item(id))!;
  }

  private async moveTo(tx: Db, item: StoredItem, change: boolean, from: ChainState, to: ChainState, steps: ReviewStep[]): Promise<void> {
    const phase = to.phase as 'draft' | 'inReview' | 'rejected';
    const fromStatus = from.phase === 'inReview' ? ['inReview'] : ['draft', 'rejected'];
    const chain = from.phase === 'inReview' ? null : JSON.stringify(steps); // a new round fixes its steps
    const rows = change
      ? await tx.query(
          `UPDATE catalogue_items SET pending_status = $2, pending_step = $3, round = $4, chain = coalesce($5::jsonb, chain), updated_at = now()
           WHERE id = $1 AND pending_status = ANY($6) AND pending_step = $7 AND round = $8 RETURNING id`,
          [item.id, phase, to.step, to.round, chain, fromStatus, from.step, from.round],
        )
      : await tx.query(
          `UPDATE catalogue_items SET status = $2, current_step = $3, round = $4, chain = coalesce($5::jsonb, chain), updated_at = now()
           WHERE id = $1 AND status = ANY($6) AND current_step = $7 AND round = $8 RETURNING id`,
          [item.id, phase, to.step, to.round, chain, fromStatus, from.step, from.round],
        );
    if (!rows.length) throw new CatalogueError('该信息的审核状态已改变，请刷新后再操作', 'conflict');
  }

  /** The last approval: publish the item, or apply its change to the published row. */
  private async complete(tx: Db, item: StoredItem, change: boolean, today: string): Promise<void> {
    const last = item.chain.length - 1;
    const fields = proposedFields(item);
    const status: ItemStatus = fields.disclosure === 'proactive' ? 'published' : 'approved';
    const published = status === 'published' ? today : null;
    if (!change) {
      const rows = await tx.query(
        `UPDATE catalogue_items SET status = $2, current_step = 0, published_on = $3::iso_date, first_published_on = coalesce(first_published_on, $3::iso_date), updated_at = now()
         WHERE id = $1 AND status = 'inReview' AND current_step = $4 AND round = $5 RETURNING id`,
        [item.id, status, published, last, item.round],
      );
      if (!rows.length) throw new CatalogueError('该信息的审核状态已改变，请刷新后再操作', 'conflict');
      return;
    }
    const settings = await this.settings(item.bodyId, tx);
    const d = this.derived(fields, item.indexNo, settings.reexamineMonths);
    const rows = await tx.query(
      `UPDATE catalogue_items SET title = $2, summary = $3, content = $4, made_on = $5, publisher = $6, doc_no = $7, topic = $8, doc_type = $9,
         disclosure = $10, withheld_ground = $11, review_on = $12, rule_kind = $13, effective_on = $14, repealed_on = $15, channels = $16,
         interpretation_of = $17, search_grams = $18, status = $19, published_on = $20::iso_date, first_published_on = coalesce(first_published_on, $20::iso_date),
         pending = NULL, pending_status = NULL, pending_step = 0, updated_at = now()
       WHERE id = $1 AND pending_status = 'inReview' AND pending_step = $21 AND round = $22 RETURNING id`,
      [item.id, fields.title, fields.summary, fields.content, fields.madeOn, fields.publisher, fields.docNo, fields.topic, fields.docType,
        fields.disclosure, fields.withheldGround, d.reviewOn, d.ruleKind, fields.effectiveOn, fields.repealedOn, fields.channels,
        fields.interpretationOf, d.grams, status, published, last, item.round],
    );
    if (!rows.length) throw new CatalogueError('该信息的审核状态已改变，请刷新后再操作', 'conflict');
    await this.applyAttachmentChanges(tx, item);
  }

  private async applyAttachmentChanges(tx: Db, item: StoredItem): Promise<void> {
    const removed = item.pending?.removedAttachments ?? [];
    if (removed.length) await tx.query('DELETE FROM catalogue_attachments WHERE item_id = $1 AND id = ANY($2)', [item.id, removed]);
    await tx.query(
      `INSERT INTO catalogue_attachments (item_id, file_name, media_type, bytes, sha256, size, created_by, created_at)
       SELECT item_id, file_name, media_type, bytes, sha256, size, created_by, created_at FROM catalogue_pending_attachments WHERE item_id = $1 ORDER BY id`,
      [item.id],
    );
    await tx.query('DELETE FROM catalogue_pending_attachments WHERE item_id = $1', [item.id]);
  }

  async reviews(id: number): Promise<ReviewRecord[]> {
    const rows = await this.db.query<{ seq: string | number; round: number; is_change: boolean; step: number; step_name: string; decision: ReviewRecord['decision']; comment: string | null; actor: string; at: Date | string }>(
      'SELECT seq, round, is_change, step, step_name, decision, comment, actor, at FROM catalogue_reviews WHERE item_id = $1 ORDER BY seq',
      [id],
    );
    return rows.map((r) => ({ seq: Number(r.seq), round: r.round, change: r.is_change, step: r.step, stepName: r.step_name, decision: r.decision, comment: r.comment, actor: r.actor, at: iso(r.at) }));
  }

  /** The acts of the current round, for the review panel (who may still act). */
  async currentActs(item: StoredItem): Promise<ChainState['acts']> {
    return (await this.stateOf(this.db, item)).state.acts;
  }

  // ---------------------------------------------------------------------------------------------
  // Lists

  async list(bodyId: string, filter: ItemFilter = {}): Promise<StoredItem[]> {
    const params: unknown[] = [bodyId];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = ['body_id = $1'];
    const s = filter.status;
    if (s === 'settled') where.push("status IN ('published', 'approved')");
    else if (s === 'draft' || s === 'inReview' || s === 'rejected') where.push(`(status = ${p(s)} OR pending_status = ${p(s)})`);
    else if (s) where.push(`status = ${p(s)}`);
    if (filter.topic) where.push(`topic = ${p(filter.topic)}`);
    if (filter.docType) where.push(`doc_type = ${p(filter.docType)}`);
    if (filter.disclosure) where.push(`disclosure = ${p(filter.disclosure)}`);
    const grams = filter.q ? queryGrams(filter.q) : [];
    if (grams.length) where.push(`search_grams @> ${p(grams)}::text[]`);
    const rows = await this.db.query<ItemRow>(`SELECT ${LIST_COLUMNS} FROM catalogue_items WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, id DESC LIMIT ${p(filter.limit ?? LIST_LIMIT)}`, params);
    const steps = (await this.settings(bodyId)).reviewSteps;
    return rows.map((r) => itemOf(r, steps));
  }

  /** Items of these bodies in a review round (their own or a change's). */
  async inReview(bodyIds: readonly string[]): Promise<StoredItem[]> {
    if (!bodyIds.length) return [];
    const rows = await this.db.query<ItemRow>(
      `SELECT ${LIST_COLUMNS} FROM catalogue_items WHERE body_id = ANY($1) AND (status = 'inReview' OR pending_status = 'inReview') ORDER BY updated_at, id`,
      [bodyIds],
    );
    return rows.map((r) => itemOf(r, []));
  }

  /** The acts of the current round of many items at once (the review queue). */
  async actsOfMany(items: readonly StoredItem[]): Promise<Map<number, ChainState['acts']>> {
    const result = new Map<number, ChainState['acts']>(items.map((i) => [i.id, []]));
    if (!items.length) return result;
    const rows = await this.db.query<{ item_id: string | number; step: number; actor: string; round: number; is_change: boolean }>(
      "SELECT item_id, step, actor, round, is_change FROM catalogue_reviews WHERE item_id = ANY($1) AND decision IN ('submit', 'approve') ORDER BY seq",
      [items.map((i) => i.id)],
    );
    const byId = new Map(items.map((i) => [i.id, i]));
    for (const r of rows) {
      const item = byId.get(Number(r.item_id))!;
      if (r.round === item.round && r.is_change === chainOf(item).change) result.set(item.id, [...result.get(item.id)!, { step: r.step, actor: r.actor }]);
    }
    return result;
  }

  /** Proactive information not yet public (new, or a change): what the publication clock runs on. */
  async awaitingPublication(bodyId: string): Promise<StoredItem[]> {
    const rows = await this.db.query<ItemRow>(
      `SELECT ${LIST_COLUMNS} FROM catalogue_items WHERE body_id = $1
         AND ((status IN ('draft', 'inReview', 'rejected') AND disclosure = 'proactive')
           OR (pending_status IS NOT NULL AND pending->'fields'->>'disclosure' = 'proactive'))
       ORDER BY made_on, id`,
      [bodyId],
    );
    const steps = (await this.settings(bodyId)).reviewSteps;
    return rows.map((r) => itemOf(r, steps));
  }

  /** Withheld items that passed the chain, by re-examination date. */
  async withheld(bodyId: string): Promise<StoredItem[]> {
    const rows = await this.db.query<ItemRow>(
      `SELECT ${LIST_COLUMNS} FROM catalogue_items WHERE body_id = $1 AND disclosure = 'withheld' AND status = 'approved' ORDER BY review_on, id`,
      [bodyId],
    );
    return rows.map((r) => itemOf(r, []));
  }

  /** Every item of the body with the columns the annual figures need. */
  async figureItems(bodyId: string): Promise<StoredItem[]> {
    return this.list(bodyId, { status: 'published', limit: 1_000_000 });
  }

  // ---------------------------------------------------------------------------------------------
  // Re-examination (第十八条)

  /**
   * Record a re-examination of a withheld item. keep: still withheld, next date = today + the
   * period. release: the grounds no longer hold — a change to 主动公开 is opened (生成日期 today,
   * the day the information changed status) for the officer to complete and submit.
   */
  async reexamine(id: number, conclusion: 'keep' | 'release', comment: string, actor: string, today: string): Promise<StoredItem> {
    const note = comment.trim();
    if (!note) throw new CatalogueError('请写明复查意见');
    await this.db.transaction(async (tx) => {
      const item = await this.locked(tx, id);
      if (item.disclosure !== 'withheld' || item.status !== 'approved') throw new CatalogueError('只有已审定的不予公开信息需要定期复查', 'conflict');
      if (item.pending) throw new CatalogueError('该信息已有待审核的变更，请先处理该变更', 'conflict');
      const months = (await this.settings(item.bodyId, tx)).reexamineMonths;
      const next = conclusion === 'keep' ? reexaminationDate(today, months) : null;
      if (next) await tx.query('UPDATE catalogue_items SET review_on = $2, updated_at = now() WHERE id = $1', [id, next]);
      else {
        const fields: ItemFields = { ...editableFields(item), disclosure: 'proactive', withheldGround: null, madeOn: today };
        await tx.query("UPDATE catalogue_items SET pending = $2, pending_status = 'draft', pending_step = 0, updated_at = now() WHERE id = $1", [id, JSON.stringify({ fields, removedAttachments: [] })]);
      }
      await tx.query('INSERT INTO catalogue_reexaminations (item_id, examined_on, conclusion, comment, next_on, actor) VALUES ($1, $2, $3, $4, $5, $6)', [id, today, conclusion, note, next, actor]);
      await writeAudit(tx, actor, 'reexamine', 'catalogue_item', String(id), { reviewOn: item.reviewOn }, { conclusion, comment: note, examinedOn: today, nextOn: next });
    });
    return (await this.item(id))!;
  }

  async reexaminations(id: number): Promise<{ examinedOn: string; conclusion: 'keep' | 'release'; comment: string | null; nextOn: string | null; actor: string }[]> {
    const rows = await this.db.query<{ examined_on: string; conclusion: 'keep' | 'release'; comment: string | null; next_on: string | null; actor: string }>(
      'SELECT examined_on, conclusion, comment, next_on, actor FROM catalogue_reexaminations WHERE item_id = $1 ORDER BY seq',
      [id],
    );
    return rows.map((r) => ({ examinedOn: r.examined_on, conclusion: r.conclusion, comment: r.comment, nextOn: r.next_on, actor: r.actor }));
  }

  // ---------------------------------------------------------------------------------------------
  // Attachments

  async attachments(item: StoredItem): Promise<AttachmentInfo[]> {
    type Row = { id: string | number; file_name: string; media_type: string; size: number | null; sha256: string; created_at: Date | string; len: number | string };
    const cols = 'id, file_name, media_type, size, sha256, created_at, octet_length(bytes) AS len';
    const current = await this.db.query<Row>(`SELECT ${cols} FROM catalogue_attachments WHERE item_id = $1 ORDER BY id`, [item.id]);
    const pending = await this.db.query<Row>(`SELECT ${cols} FROM catalogue_pending_attachments WHERE item_id = $1 ORDER BY id`, [item.id]);
    const removed = new Set(item.pending?.removedAttachments ?? []);
    const view = (r: Row, isPending: boolean): AttachmentInfo => ({
      id: Number(r.id),
      fileName: r.file_name,
      mediaType: r.media_type,
      size: Number(r.size ?? r.len),
      sha256: r.sha256,
      pending: isPending,
      removed: !isPending && removed.has(Number(r.id)),
      createdAt: iso(r.created_at),
    });
    return [...current.map((r) => view(r, false)), ...pending.map((r) => view(r, true))];
  }

  /**
   * Attach a file. To a draft or rejected item directly; to a settled item as part of its change
   * (opening one with the current fields and 生成日期 today when there is none), so the file is
   * public only after review. Nothing can be attached while a round is in review.
   */
  async addAttachment(id: number, file: { fileName: string; mediaType: string; bytes: Uint8Array }, actor: string, today: string): Promise<AttachmentInfo> {
    if (file.bytes.length === 0) throw new CatalogueError('附件是空文件');
    if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw new CatalogueError(`附件“${file.fileName}”超过 1.5 MB 的上限`);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const newId = await this.db.transaction(async (tx) => {
      const item = await this.locked(tx, id);
      const table = await this.editableFiles(tx, item, actor, today);
      const count = Number((await tx.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${table} WHERE item_id = $1`, [id]))[0]!.n);
      if (count >= MAX_ATTACHMENTS) throw new CatalogueError(`每条信息最多 ${MAX_ATTACHMENTS} 个附件`);
      const row = (await tx.query<{ id: string | number }>(
        `INSERT INTO ${table} (item_id, file_name, media_type, bytes, sha256, size, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [id, file.fileName, file.mediaType, file.bytes, sha256, file.bytes.length, actor],
      ))[0]!;
      await writeAudit(tx, actor, 'attach', 'catalogue_item', String(id), null, { attachment: Number(row.id), fileName: file.fileName, size: file.bytes.length, sha256, pending: table !== 'catalogue_attachments' });
      return Number(row.id);
    });
    const item = (await this.item(id))!;
    return (await this.attachments(item)).find((a) => a.id === newId && a.pending === isSettled(item.status))!;
  }

  /** Which table new files of this item go to; opens a change on a settled item. */
  private async editableFiles(tx: Db, item: StoredItem, actor: string, today: string): Promise<'catalogue_attachments' | 'catalogue_pending_attachments'> {
    const chain = chainOf(item);
    if (chain.phase === 'inReview') throw new CatalogueError('该信息正在审核中，不能增删附件', 'conflict');
    if (item.status === 'withdrawn') throw new CatalogueError('该信息已撤销', 'conflict');
    if (!isSettled(item.status)) return 'catalogue_attachments';
    if (!item.pending) await this.saveChange(tx, item, { ...editableFields(item), madeOn: today }, actor);
    return 'catalogue_pending_attachments';
  }

  async removeAttachment(id: number, attachmentId: number, pending: boolean, actor: string, today: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const item = await this.locked(tx, id);
      const table = await this.editableFiles(tx, item, actor, today);
      if (pending || table === 'catalogue_attachments') {
        const from = pending ? 'catalogue_pending_attachments' : 'catalogue_attachments';
        const gone = await tx.query(`DELETE FROM ${from} WHERE item_id = $1 AND id = $2 RETURNING id`, [id, attachmentId]);
        if (!gone.length) throw new CatalogueError('没有找到该附件');
      } else {
        // A file of the published version: dropped only when the change passes review.
        const exists = await tx.query('SELECT 1 FROM catalogue_attachments WHERE item_id = $1 AND id = $2', [id, attachmentId]);
        if (!exists.length) throw new CatalogueError('没有找到该附件');
        const fresh = (await this.item(id, tx))!;
        const removed = [...new Set([...(fresh.pending?.removedAttachments ?? []), attachmentId])];
        await tx.query("UPDATE catalogue_items SET pending = jsonb_set(pending, '{removedAttachments}', $2::jsonb), updated_at = now() WHERE id = $1", [id, JSON.stringify(removed)]);
      }
      await writeAudit(tx, actor, 'detach', 'catalogue_item', String(id), { attachment: attachmentId, pending }, null);
    });
  }

  async attachmentBytes(id: number, attachmentId: number, pending: boolean): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array } | null> {
    const table = pending ? 'catalogue_pending_attachments' : 'catalogue_attachments';
    const row = (await this.db.query<{ file_name: string; media_type: string; bytes: Uint8Array }>(`SELECT file_name, media_type, bytes FROM ${table} WHERE item_id = $1 AND id = $2`, [id, attachmentId]))[0];
    return row ? { fileName: row.file_name, mediaType: row.media_type, bytes: new Uint8Array(row.bytes) } : null;
  }
}

/** The editable fields of a stored item (without its bookkeeping). */
function editableFields(item: StoredItem): ItemFields {
  const { title, summary, content, madeOn, publisher, docNo, topic, docType, disclosure, withheldGround, effectiveOn, repealedOn, channels, interpretationOf } = item;
  return { title, summary, content, madeOn, publisher, docNo, topic, docType, disclosure, withheldGround, effectiveOn, repealedOn, channels, interpretationOf };
}

/** The old value for the audit log: the fields, with the long text as its length. */
function fieldsSummary(item: StoredItem): Omit<ItemFields, 'content'> & { contentLength: number } {
  const { content, ...rest } = editableFields(item);
  return { ...rest, contentLength: content.length };
}
