/**
 * An item as the back office keeps it: its fields, where it stands in the review chain, and a
 * proposed change (变更) of a settled item going through its own round. Pure decisions on that
 * record: which chain it is in now, what the public would see once the round passes, what may be
 * edited, what the last approval makes of it, what a re-examination does, and the columns the
 * database keeps derived from the fields. The use cases (src/app/catalogue) run them under the
 * row lock; the store only reads and writes rows.
 *
 * A change of a published or approved item does not touch what the public sees: the proposed
 * fields wait in `pending` (new files apart) through a new review round, and replace the
 * published version only at the last approval.
 */
import { reexaminationDate } from './clock.js';
import { CatalogueError } from './errors.js';
import { ruleKindOf, type CatalogueItem, type ItemFields } from './items.js';
import type { ChainAct, ChainPhase, ChainState, ReviewStep } from './review.js';
import { itemGrams } from './search.js';
import type { ItemStatus, RuleKind } from './vocabulary.js';

/** A proposed change of a settled item. */
export interface PendingChange {
  fields: ItemFields;
  /** Attachments of the published version to drop when the change passes. */
  removedAttachments: number[];
  status: 'draft' | 'inReview' | 'rejected';
  step: number;
}

export interface Revocation {
  on: string;
  reason: string;
  by: string;
}

export interface ItemRecord extends CatalogueItem {
  round: number;
  currentStep: number;
  /** The steps of the current or last round (the settings' steps before the first submission). */
  chain: ReviewStep[];
  pending: PendingChange | null;
  /** 撤销 of a published item: when, why, by whom. */
  revoked: Revocation | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Counts every change of the row: an edit begun from an older version is refused. */
  version: number;
}

/** Per file; the API's JSON-and-form body limit (2 MiB, app.ts) must leave room for the multipart envelope. */
export const MAX_ATTACHMENT_BYTES = 1.5 * 1024 * 1024;
const MAX_ATTACHMENTS = 20;

/** Someone acted first: the state a decision was taken from is gone. */
export const STALE_REVIEW = '该信息的审核状态已改变，请刷新后再操作';
export const STALE_EDIT = '该信息的状态已改变，请刷新后再改';

/** Settled: passed the chain at least once. Its later edits are changes (变更). */
export const isSettled = (status: ItemStatus) => status === 'published' || status === 'approved';

/** The chain the item is in now: its change's, when it has one, else its own. */
export function chainOf(item: ItemRecord): { phase: ChainPhase; step: number; change: boolean } {
  if (item.pending) return { phase: item.pending.status, step: item.pending.step, change: true };
  const phase: ChainPhase = isSettled(item.status) || item.status === 'withdrawn' ? 'done' : (item.status as ChainPhase);
  return { phase, step: item.currentStep, change: false };
}

/**
 * The review state of the current round. Only a round in review binds anyone by its acts (one
 * person, one step): a finished or rejected round has none.
 */
export function chainStateOf(item: ItemRecord, acts: ChainState['acts']): { state: ChainState; change: boolean } {
  const { phase, step, change } = chainOf(item);
  return { state: { phase, step, round: item.round, acts: phase === 'inReview' ? acts : [] }, change };
}

/** Of the recorded submissions and approvals, those of the item's current round (its change's when it has one). */
export function currentRoundActs(item: ItemRecord, acts: readonly (ChainAct & { round: number; change: boolean })[]): ChainState['acts'] {
  const change = chainOf(item).change;
  return acts.filter((a) => a.round === item.round && a.change === change).map((a) => ({ step: a.step, stepName: a.stepName, actor: a.actor }));
}

/** The fields the public would see once the current round passes. */
export const proposedFields = (item: ItemRecord): ItemFields => item.pending?.fields ?? item;

/** The editable fields of an item (without its bookkeeping). */
export function editableFields(item: ItemFields): ItemFields {
  const { title, summary, content, madeOn, publisher, docNo, topic, docType, disclosure, withheldGround, effectiveOn, expiresOn, amendedOn, repealedOn, channels, interpretationOf } = item;
  return { title, summary, content, madeOn, publisher, docNo, topic, docType, disclosure, withheldGround, effectiveOn, expiresOn, amendedOn, repealedOn, channels, interpretationOf };
}

/** The old value for the audit log: the fields, with the long text as its length. */
export function fieldsSummary(item: ItemFields): Omit<ItemFields, 'content'> & { contentLength: number } {
  const { content, ...rest } = editableFields(item);
  return { ...rest, contentLength: content.length };
}

/** The columns kept beside the fields: rule kind, re-examination date, search grams. */
export interface DerivedColumns {
  ruleKind: RuleKind | null;
  reviewOn: string | null;
  grams: string[];
}

export function derivedColumns(fields: ItemFields, indexNo: string, reexamineMonths: number): DerivedColumns {
  return {
    ruleKind: ruleKindOf(fields.docType),
    reviewOn: fields.disclosure === 'withheld' ? reexaminationDate(fields.madeOn, reexamineMonths) : null,
    grams: itemGrams(fields.title, fields.summary, fields.content, indexNo, fields.docNo),
  };
}

/** A 政策解读 names an item of the same body, not itself; `targetBody` is the named item's body (null: none). */
export function checkInterpretation(fields: ItemFields, bodyId: string, targetBody: string | null, selfId?: number): void {
  if (fields.interpretationOf === null) return;
  if (fields.interpretationOf === selfId) throw new CatalogueError('政策解读不能解读它自己');
  if (targetBody !== bodyId) throw new CatalogueError(`被解读的信息（编号 ${fields.interpretationOf}）不存在或不属于本机关`);
}

/**
 * How the officer's edits are saved. A draft or a rejected item is edited in place (its index
 * number stays); a published or approved item gets a change (变更). Nothing in review can be
 * edited: the reviewers must see what they approve.
 */
export function editOf(item: ItemRecord): 'draft' | 'change' {
  if (chainOf(item).phase === 'inReview') throw new CatalogueError('该信息正在审核中，不能修改；如需修改，请审核人退回后再改', 'conflict');
  if (item.status === 'withdrawn') throw new CatalogueError('该信息已撤销，不能修改', 'conflict');
  return isSettled(item.status) ? 'change' : 'draft';
}

/** 变更 restarts the 20 working days from the day of the change (第二十六条): never earlier. */
function checkChangeDate(item: ItemRecord, fields: ItemFields): void {
  if (fields.madeOn < item.madeOn) throw new CatalogueError(`变更的生成日期 ${fields.madeOn} 早于原生成日期 ${item.madeOn}；变更后应填写信息变更之日`);
}

/** The change as it will be kept: the new fields, the files to drop so far, its status (a new change is a draft). */
export function changeOf(item: ItemRecord, fields: ItemFields): { pending: Pick<PendingChange, 'fields' | 'removedAttachments'>; status: PendingChange['status'] } {
  checkChangeDate(item, fields);
  return { pending: { fields, removedAttachments: item.pending?.removedAttachments ?? [] }, status: item.pending?.status ?? 'draft' };
}

/** A change may be dropped before it goes to review, or after it was rejected: the published version stays. */
export function checkDiscardable(item: ItemRecord): PendingChange {
  if (!item.pending) throw new CatalogueError('该信息没有待审核的变更', 'conflict');
  if (item.pending.status === 'inReview') throw new CatalogueError('变更正在审核中，不能撤回', 'conflict');
  return item.pending;
}

const MAX_REASON = 500;

/**
 * 撤销 of a published item: it leaves the public catalogue (its page says when and why) and takes
 * no decision any more. Only what is public can be withdrawn; a reason is required, for the public.
 */
export function checkRevocable(item: ItemRecord, reason: string): string {
  if (item.status === 'withdrawn') throw new CatalogueError('该信息已撤销', 'conflict');
  if (item.status !== 'published') throw new CatalogueError('只有已发布的信息可以撤销；未发布的信息请撤回审核或删除草稿', 'conflict');
  const why = reason.trim();
  if (!why) throw new CatalogueError('请写明撤销理由，公众查看该信息时会看到');
  if (why.length > MAX_REASON) throw new CatalogueError(`撤销理由不能超过 ${MAX_REASON} 个字`);
  return why;
}

/**
 * Deleting: only a draft (never published, not in review, 草稿 or 被退回), by whoever drafted it
 * or an administrator. Anything that was in the chain keeps its record in the audit log.
 */
export function checkDeletable(item: ItemRecord, actor: string, admin: boolean): void {
  if (item.status !== 'draft' && item.status !== 'rejected') throw new CatalogueError('只能删除草稿；已提交、已发布或已撤销的信息不能删除', 'conflict');
  if (item.firstPublishedOn) throw new CatalogueError('该信息曾经发布，不能删除', 'conflict');
  if (!admin && item.createdBy !== actor) throw new CatalogueError('只有拟稿人本人或管理员可以删除草稿', 'forbidden');
}

/** A withdrawn item takes no decision any more. */
export function checkNotWithdrawn(item: ItemRecord): void {
  if (item.status === 'withdrawn') throw new CatalogueError('该信息已撤销', 'conflict');
}

/**
 * What the last approval makes of the item: published on `today` when proactive information
 * (the only way an item becomes public), else approved without a 发布日期.
 */
export function completionOf(item: ItemRecord, today: string): { fields: ItemFields; status: ItemStatus; publishedOn: string | null; lastStep: number } {
  const fields = proposedFields(item);
  const status: ItemStatus = fields.disclosure === 'proactive' ? 'published' : 'approved';
  return { fields, status, publishedOn: status === 'published' ? today : null, lastStep: item.chain.length - 1 };
}

/**
 * Where files of this item go now: straight to a draft or rejected item; to a settled item's
 * change (`openChange`: there is none yet, open one with the current fields and 生成日期 today),
 * so the file is public only after review. Nothing can be attached or removed in review.
 */
export function filesOf(item: ItemRecord, today: string): { pending: false } | { pending: true; openChange: ItemFields | null } {
  if (chainOf(item).phase === 'inReview') throw new CatalogueError('该信息正在审核中，不能增删附件', 'conflict');
  if (item.status === 'withdrawn') throw new CatalogueError('该信息已撤销', 'conflict');
  if (!isSettled(item.status)) return { pending: false };
  return { pending: true, openChange: item.pending ? null : { ...editableFields(item), madeOn: today } };
}

/** A file the officer attaches: not empty, not over the limit. */
export function checkAttachment(file: { fileName: string; bytes: Uint8Array }): void {
  if (file.bytes.length === 0) throw new CatalogueError('附件是空文件');
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw new CatalogueError(`附件“${file.fileName}”超过 1.5 MB 的上限`);
}

export function checkAttachmentCount(count: number): void {
  if (count >= MAX_ATTACHMENTS) throw new CatalogueError(`每条信息最多 ${MAX_ATTACHMENTS} 个附件`);
}

/** The re-examination's comment, required. */
export function reexaminationNote(comment: string): string {
  const note = comment.trim();
  if (!note) throw new CatalogueError('请写明复查意见');
  return note;
}

/**
 * A re-examination of a withheld item (第十八条). keep: still withheld, next date = today + the
 * period. release: the grounds no longer hold — a change to 主动公开 is opened (生成日期 today,
 * the day the information changed status) for the officer to complete and submit.
 */
export function reexaminationOf(item: ItemRecord, conclusion: 'keep' | 'release', today: string, months: number): { nextOn: string } | { nextOn: null; change: ItemFields } {
  if (item.disclosure !== 'withheld' || item.status !== 'approved') throw new CatalogueError('只有已审定的不予公开信息需要定期复查', 'conflict');
  if (item.pending) throw new CatalogueError('该信息已有待审核的变更，请先处理该变更', 'conflict');
  if (conclusion === 'keep') return { nextOn: reexaminationDate(today, months) };
  return { nextOn: null, change: { ...editableFields(item), disclosure: 'proactive', withheldGround: null, madeOn: today } };
}

/**
 * The row update of a chain moving from one state to another: the statuses and step the row must
 * still be in (else someone acted first), and the steps a new round fixes (none within a round).
 */
export function chainMoveOf(from: ChainState, to: ChainState, steps: readonly ReviewStep[]): {
  from: { statuses: ('draft' | 'inReview' | 'rejected')[]; step: number; round: number };
  to: { phase: 'draft' | 'inReview' | 'rejected'; step: number; round: number };
  chain: readonly ReviewStep[] | null;
} {
  const inReview = from.phase === 'inReview';
  return {
    from: { statuses: inReview ? ['inReview'] : ['draft', 'rejected'], step: from.step, round: from.round },
    to: { phase: to.phase as 'draft' | 'inReview' | 'rejected', step: to.step, round: to.round },
    chain: inReview ? null : steps,
  };
}
