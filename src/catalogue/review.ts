/**
 * The review chain before publication (先审查、后公开): a configurable list of steps, the first
 * being the drafting (拟稿) by an officer, each later step naming the role that may act on it.
 * Pure: the chain, the state and the actor go in; the next state and the decision to record
 * come out, or a Chinese refusal.
 *
 * Rules decided here:
 * - Submitting (the 拟稿 step) starts a new round at the first review step; every approval moves
 *   to the next step; the last approval completes the chain — only then may anything be public.
 * - A rejection, at any step, ends the round and sends the item back to the drafter (editable);
 *   it must say why (the comment is the drafter's instruction). Resubmitting starts a new round
 *   at the first review step: earlier approvals do not carry over.
 * - Four eyes, always: whoever submitted the round may not decide any step of it.
 * - Who may take several steps of one round is the body's choice (`ReviewerPolicy`). 'shared'
 *   (the default): a reviewer may decide the steps one after the other — each step is still its
 *   own decision, recorded with its own name — so a township with one drafter and one reviewer
 *   can publish. 'distinct' (严格三审): each step a different person, as a county with enough
 *   reviewers may require.
 * - The drafter may withdraw a round still in review (撤回): the item goes back to draft, the
 *   round ends, a new submission starts a new one.
 * - A chain changed in the settings applies to items in review from their next step
 *   (`rebasedStep`): the steps already approved in the round stay approved by their names; the
 *   item waits at the first step of the new chain not yet approved.
 * - The step acted on is named by the caller: a decision taken on a stale screen (someone else
 *   already acted) is refused instead of landing on the next step.
 */
import { CatalogueError } from './errors.js';

export type StepRole = 'officer' | 'reviewer';

export interface ReviewStep {
  name: string;
  role: StepRole;
}

export const STEP_ROLE_LABELS: Readonly<Record<StepRole, string>> = { officer: '经办人', reviewer: '审核人' };

/** Who may take several steps of one round: see the module comment. */
export const REVIEWER_POLICIES = ['shared', 'distinct'] as const;
export type ReviewerPolicy = (typeof REVIEWER_POLICIES)[number];
export const DEFAULT_REVIEWER_POLICY: ReviewerPolicy = 'shared';

export const REVIEWER_POLICY_LABELS: Readonly<Record<ReviewerPolicy, string>> = {
  shared: '同一审核人可以依次完成多个审核步骤',
  distinct: '每个审核步骤须由不同的人完成（严格三审）',
};

/** The rule as the settings page and the review panel explain it. */
export const REVIEWER_POLICY_NOTES: Readonly<Record<ReviewerPolicy, string>> = {
  shared: '提交审核的人不能审核自己提交的信息；其余各步可由同一名审核人依次审核，每一步单独记录。审核人员少的机关（如只有一名审核人的乡镇）用这一种。',
  distinct: '提交审核的人不能审核自己提交的信息；每个审核步骤须由不同的人完成，审核步骤有几步，本机关就至少需要几名审核人员。',
};

export const DEFAULT_REVIEW_STEPS: readonly ReviewStep[] = [
  { name: '拟稿', role: 'officer' },
  { name: '初审', role: 'reviewer' },
  { name: '终审', role: 'reviewer' },
  { name: '保密审查', role: 'reviewer' },
];

const MAX_REVIEW_STEPS = 8;

/** Check a chain as configured; returns it trimmed, or throws in Chinese. */
export function checkReviewSteps(steps: readonly ReviewStep[]): ReviewStep[] {
  if (steps.length < 2) throw new CatalogueError('审核流程至少要有拟稿和一个审核步骤');
  if (steps.length > MAX_REVIEW_STEPS) throw new CatalogueError(`审核流程最多 ${MAX_REVIEW_STEPS} 个步骤`);
  const checked = steps.map((s, i) => {
    const name = s.name.trim();
    if (!name || name.length > 20) throw new CatalogueError(`第${i + 1}步的名称不能为空，且不超过20个字`);
    if (s.role !== 'officer' && s.role !== 'reviewer') throw new CatalogueError(`第${i + 1}步“${name}”的角色应为经办人或审核人`);
    return { name, role: s.role };
  });
  if (checked[0]!.role !== 'officer') throw new CatalogueError(`第一步“${checked[0]!.name}”是拟稿，应由经办人完成`);
  const names = checked.map((s) => s.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new CatalogueError(`审核步骤“${dup}”重复`);
  return checked;
}

/** draft/rejected: editable by the body's officers; inReview at `step`; done: passed every step. */
export type ChainPhase = 'draft' | 'inReview' | 'rejected' | 'done';

export interface ChainState {
  phase: ChainPhase;
  /** The step waiting for a decision (inReview); 0 otherwise. */
  step: number;
  /** Rounds started so far (each submission starts one). */
  round: number;
  /** Who acted at which step in the current round (the submission is step 0), with the step's name. */
  acts: readonly ChainAct[];
}

export interface ChainAct {
  step: number;
  stepName: string;
  actor: string;
}

export const NEW_CHAIN: ChainState = { phase: 'draft', step: 0, round: 0, acts: [] };

export interface ChainActor {
  /** The audit-log actor, e.g. `user:li`. */
  id: string;
  role: string;
}

export type ChainAction =
  | { kind: 'submit'; comment?: string }
  | { kind: 'approve'; step: number; comment?: string }
  | { kind: 'reject'; step: number; comment: string }
  | { kind: 'withdraw'; comment?: string };

export interface ChainDecision {
  step: number;
  stepName: string;
  decision: 'submit' | 'approve' | 'reject' | 'withdraw';
  comment: string | null;
  round: number;
}

export interface ChainResult {
  state: ChainState;
  decision: ChainDecision;
  /** The last step approved: the item may now be published. */
  completed: boolean;
}

const cleanComment = (c: string | undefined) => (c?.trim() ? c.trim() : null);

/** May this actor act on the current step? (Role only; `advance` also checks the one-step rule.) */
export function mayAct(steps: readonly ReviewStep[], state: ChainState, role: string): boolean {
  if (state.phase === 'inReview') return steps[state.step]?.role === role;
  if (state.phase === 'draft' || state.phase === 'rejected') return steps[0]?.role === role;
  return false;
}

function submit(steps: readonly ReviewStep[], state: ChainState, actor: ChainActor, comment: string | undefined): ChainResult {
  if (state.phase === 'inReview') throw new CatalogueError(`该信息已在审核中（${steps[state.step]?.name ?? ''}），不能重复提交`, 'conflict');
  if (state.phase === 'done') throw new CatalogueError('该信息已通过全部审核步骤，无需提交', 'conflict');
  if (actor.role !== steps[0]!.role) throw new CatalogueError(`只有${STEP_ROLE_LABELS[steps[0]!.role]}可以提交审核`, 'forbidden');
  const round = state.round + 1;
  return {
    state: { phase: 'inReview', step: 1, round, acts: [{ step: 0, stepName: steps[0]!.name, actor: actor.id }] },
    decision: { step: 0, stepName: steps[0]!.name, decision: 'submit', comment: cleanComment(comment), round },
    completed: false,
  };
}

/**
 * Why this person may not decide the current step under the body's policy, or null when they
 * may (the role is checked apart): the submitter never; under 'distinct', nobody who decided
 * another step of the round.
 */
export function stepRefusal(steps: readonly ReviewStep[], state: ChainState, actorId: string, policy: ReviewerPolicy): string | null {
  const current = steps[state.step]?.name ?? '';
  if (state.acts.some((a) => a.step === 0 && a.actor === actorId)) return `这一轮审核是您提交的，提交人不能审核自己提交的信息；“${current}”须由他人审核`;
  const earlier = policy === 'distinct' ? state.acts.find((a) => a.step !== 0 && a.actor === actorId && a.stepName !== current) : undefined;
  if (earlier) return `本机关要求每个审核步骤由不同的人完成：您已完成“${earlier.stepName}”，“${current}”须由他人审核`;
  return null;
}

/** The drafter takes back a round in review: the item is a draft again, the round ends. */
function withdraw(steps: readonly ReviewStep[], state: ChainState, actor: ChainActor, comment: string | undefined): ChainResult {
  if (state.phase !== 'inReview') throw new CatalogueError('该信息当前不在审核中，无需撤回', 'conflict');
  if (actor.role !== steps[0]!.role) throw new CatalogueError(`只有${STEP_ROLE_LABELS[steps[0]!.role]}可以撤回审核`, 'forbidden');
  return {
    state: { phase: 'draft', step: 0, round: state.round, acts: [] },
    decision: { step: state.step, stepName: steps[state.step]?.name ?? '', decision: 'withdraw', comment: cleanComment(comment), round: state.round },
    completed: false,
  };
}

type Decision = Extract<ChainAction, { kind: 'approve' | 'reject' }>;

function decide(steps: readonly ReviewStep[], state: ChainState, actor: ChainActor, action: Decision, policy: ReviewerPolicy): ChainResult {
  if (state.phase !== 'inReview') throw new CatalogueError('该信息当前不在审核中，不能审核', 'conflict');
  const current = steps[state.step]!;
  if (action.step !== state.step) {
    throw new CatalogueError(`该信息已不在“${steps[action.step]?.name ?? `第${action.step + 1}步`}”，当前等待“${current.name}”；请刷新后再操作`, 'conflict');
  }
  if (actor.role !== current.role) throw new CatalogueError(`“${current.name}”应由${STEP_ROLE_LABELS[current.role]}审核`, 'forbidden');
  const refused = stepRefusal(steps, state, actor.id, policy);
  if (refused) throw new CatalogueError(refused, 'forbidden');
  const base = { step: state.step, stepName: current.name, round: state.round };
  if (action.kind === 'reject') {
    const comment = cleanComment(action.comment);
    if (!comment) throw new CatalogueError('退回时请写明理由，拟稿人据此修改');
    return { state: { phase: 'rejected', step: 0, round: state.round, acts: [] }, decision: { ...base, decision: 'reject', comment }, completed: false };
  }
  const acts = [...state.acts, { step: state.step, stepName: current.name, actor: actor.id }];
  const last = state.step === steps.length - 1;
  return {
    state: last ? { phase: 'done', step: 0, round: state.round, acts } : { phase: 'inReview', step: state.step + 1, round: state.round, acts },
    decision: { ...base, decision: 'approve', comment: cleanComment(action.comment) },
    completed: last,
  };
}

/** Apply one action to the chain; throws `CatalogueError` (code forbidden/conflict/invalid) when refused. */
export function advance(steps: readonly ReviewStep[], state: ChainState, actor: ChainActor, action: ChainAction, policy: ReviewerPolicy = DEFAULT_REVIEWER_POLICY): ChainResult {
  if (action.kind === 'submit') return submit(steps, state, actor, action.comment);
  if (action.kind === 'withdraw') return withdraw(steps, state, actor, action.comment);
  return decide(steps, state, actor, action, policy);
}

/**
 * Where an item in review continues on a changed chain: the first step after 拟稿 whose name was
 * not approved in this round; when every step was, the last one (publication is always someone's
 * decision, never a side effect of a settings change).
 */
export function rebasedStep(steps: readonly ReviewStep[], acts: readonly ChainAct[]): number {
  const approved = new Set(acts.filter((a) => a.step !== 0).map((a) => a.stepName));
  const next = steps.findIndex((s, i) => i > 0 && !approved.has(s.name));
  return next > 0 ? next : steps.length - 1;
}

/**
 * How many different reviewers a chain needs under a policy (the role named by the steps after
 * 拟稿): one per reviewer step under 'distinct', one under 'shared'.
 */
export function reviewersNeeded(steps: readonly ReviewStep[], policy: ReviewerPolicy): number {
  const reviewerSteps = steps.slice(1).filter((s) => s.role === 'reviewer').length;
  return policy === 'distinct' ? reviewerSteps : Math.min(1, reviewerSteps);
}
