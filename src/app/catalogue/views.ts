/**
 * The back office's answers, shaped for the signed-in user: a row with its publication clock, an
 * item with its chain, reviews, files and what this user may do with it now.
 */
import { canDraftCatalogue, canReviewCatalogue, actorId, isAdmin, type SessionUser } from '../../accounts/permissions.js';
import { weekdayZh, type WorkingDayCalendar } from '../../calendar/calendar.js';
import {
  chainOf,
  DISCLOSURE_LABELS,
  editableFields,
  isSettled,
  mayAct,
  proposedFields,
  publicationDue,
  publicationStanding,
  REVIEWER_POLICY_LABELS,
  REVIEWER_POLICY_NOTES,
  STATUS_LABELS,
  STEP_ROLE_LABELS,
  stepRefusal,
  validityOf,
  type ItemRecord,
  type ReviewerPolicy,
} from '../../catalogue/index.js';
import type { AttachmentRecord, CatalogueStore, ReviewRecord } from '../../store/catalogue-store.js';
import type { AppServices } from '../context.js';
import { bodyNamed } from './access.js';

const DECISION_LABELS = { submit: '提交审核', approve: '通过', reject: '退回', withdraw: '撤回审核' } as const;
const CLOCK_LABELS = { overdue: '已超期', dueSoon: '即将到期', open: '未到期' } as const;

/** The 20-working-day clock of proactive information not yet public (new, or a change); null otherwise. */
function clockOf(item: ItemRecord, calendar: WorkingDayCalendar, today: string) {
  const fields = proposedFields(item);
  const waiting = item.pending !== null || !isSettled(item.status);
  if (!waiting || fields.disclosure !== 'proactive' || item.status === 'withdrawn') return null;
  const changed = item.pending !== null;
  const due = publicationDue(fields.madeOn, calendar, changed);
  const standing = publicationStanding(due, today, calendar);
  return {
    due: due.due,
    weekday: weekdayZh(due.due),
    provisional: due.provisional,
    steps: due.steps.map((s) => ({ date: s.date, weekday: weekdayZh(s.date), label: s.label, ...(s.note ? { note: s.note } : {}) })),
    state: standing.state,
    stateLabel: CLOCK_LABELS[standing.state],
    workingDays: standing.workingDays,
    changed,
  };
}

export function rowOf(item: ItemRecord, calendar: WorkingDayCalendar, today: string) {
  const chain = chainOf(item);
  const validity = validityOf(item, today);
  return {
    id: item.id,
    indexNo: item.indexNo,
    title: item.title,
    status: item.status,
    statusLabel: STATUS_LABELS[item.status],
    change: item.pending ? { status: item.pending.status, statusLabel: `变更${STATUS_LABELS[item.pending.status]}` } : null,
    waitingAt: chain.phase === 'inReview' ? (item.chain[chain.step]?.name ?? null) : null,
    topic: item.topic,
    docType: item.docType,
    disclosure: item.disclosure,
    disclosureLabel: DISCLOSURE_LABELS[item.disclosure],
    madeOn: item.madeOn,
    publishedOn: item.publishedOn,
    reviewOn: item.reviewOn,
    validity: validity && { state: validity.state, label: validity.label, note: validity.note },
    clock: clockOf(item, calendar, today),
    updatedAt: item.updatedAt,
  };
}

/** Actor ids (`user:name`) as people's names. */
export async function actorNames(store: CatalogueStore, actors: readonly string[]): Promise<Map<string, string>> {
  const usernames = [...new Set(actors.filter((a) => a.startsWith('user:')).map((a) => a.slice(5)))];
  const names = await store.displayNames(usernames);
  return new Map(actors.map((a) => [a, (a.startsWith('user:') ? names.get(a.slice(5)) : undefined) ?? a]));
}

export const reviewView = (r: ReviewRecord, names: Map<string, string>) => ({ ...r, decisionLabel: DECISION_LABELS[r.decision], actorName: names.get(r.actor) ?? r.actor });

/** A file with whether the change drops it and where to download it. */
export function attachmentView(item: ItemRecord, a: AttachmentRecord) {
  const removed = !a.pending && (item.pending?.removedAttachments ?? []).includes(a.id);
  return { ...a, removed, url: `/files/office/catalogue/items/${item.id}/attachments/${a.id}${a.pending ? '?pending=1' : ''}` };
}

/** What the signed-in user may decide on the item now, or why not. */
async function reviewPermission(
  store: CatalogueStore,
  user: SessionUser,
  item: ItemRecord,
  policy: ReviewerPolicy,
): Promise<{ review: { step: number; name: string } | null; reviewNote: string | null }> {
  const chain = chainOf(item);
  if (chain.phase !== 'inReview') return { review: null, reviewNote: null };
  const step = item.chain[chain.step]!;
  const state = { phase: 'inReview' as const, step: chain.step, round: item.round, acts: await store.acts(item.id, item.round, chain.change) };
  if (!canReviewCatalogue(user, item.bodyId) || !mayAct(item.chain, state, user.role)) {
    return { review: null, reviewNote: `当前等待“${step.name}”，由${STEP_ROLE_LABELS[step.role]}审核` };
  }
  const refused = stepRefusal(item.chain, state, actorId(user), policy);
  if (refused) return { review: null, reviewNote: refused };
  return { review: { step: chain.step, name: step.name }, reviewNote: null };
}

/** One item as its body's staff see it. */
export async function detailOf(s: AppServices, store: CatalogueStore, user: SessionUser, item: ItemRecord) {
  const settings = await store.settings(item.bodyId);
  const [calendar, reviews, attachments, body, reexams, permission] = await Promise.all([
    s.calendar(),
    store.reviews(item.id),
    store.attachments(item.id),
    bodyNamed(store, item.bodyId),
    store.reexaminations(item.id),
    reviewPermission(store, user, item, settings.reviewerPolicy),
  ]);
  const names = await actorNames(store, [...reviews.map((r) => r.actor), ...reexams.map((r) => r.actor), ...(item.revoked ? [item.revoked.by] : [])]);
  const interpreted = item.interpretationOf ? await store.item(item.interpretationOf) : null;
  const chain = chainOf(item);
  const drafter = canDraftCatalogue(user, item.bodyId);
  const editable = drafter && item.status !== 'withdrawn' && chain.phase !== 'inReview';
  return {
    ...rowOf(item, calendar, s.today()),
    body,
    fields: editableFields(item),
    ruleKind: item.ruleKind,
    firstPublishedOn: item.firstPublishedOn,
    version: item.version,
    pending: item.pending
      ? { fields: item.pending.fields, status: item.pending.status, statusLabel: `变更${STATUS_LABELS[item.pending.status]}`, removedAttachments: item.pending.removedAttachments }
      : null,
    chain: {
      steps: item.chain.map((step, index) => ({ index, name: step.name, role: step.role, roleLabel: STEP_ROLE_LABELS[step.role] })),
      phase: chain.phase,
      step: chain.step,
      round: item.round,
      change: chain.change,
    },
    reviews: reviews.map((r) => reviewView(r, names)),
    attachments: attachments.map((a) => attachmentView(item, a)),
    interpretationTitle: interpreted && interpreted.bodyId === item.bodyId ? interpreted.title : null,
    revoked: item.revoked && { on: item.revoked.on, reason: item.revoked.reason, byName: names.get(item.revoked.by) ?? item.revoked.by },
    reviewerPolicy: { key: settings.reviewerPolicy, label: REVIEWER_POLICY_LABELS[settings.reviewerPolicy], note: REVIEWER_POLICY_NOTES[settings.reviewerPolicy] },
    reexaminations: reexams.map((r) => ({ examinedOn: r.examinedOn, conclusion: r.conclusion, comment: r.comment, nextOn: r.nextOn, actorName: names.get(r.actor) ?? r.actor })),
    can: {
      edit: editable,
      submit: editable && (chain.phase === 'draft' || chain.phase === 'rejected'),
      discardChange: editable && item.pending !== null,
      reexamine: drafter && item.disclosure === 'withheld' && item.status === 'approved' && !item.pending,
      withdraw: drafter && chain.phase === 'inReview',
      revoke: canReviewCatalogue(user, item.bodyId) && item.status === 'published',
      delete: (item.status === 'draft' || item.status === 'rejected') && !item.firstPublishedOn && (isAdmin(user) || (drafter && item.createdBy === actorId(user))),
      ...permission,
    },
  };
}
