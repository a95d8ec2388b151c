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
 * - One person, one step per round: the practice of 三审 is that each level is a different
 *   person, so a user who already acted in this round (including the drafter who submitted it)
 *   may not act on another step of the same round.
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
  /** Who acted at which step in the current round (the submission is step 0). */
  acts: readonly { step: number; actor: string }[];
}

export const NEW_CHAIN: ChainState = { phase: 'draft', step: 0, round: 0, acts: [] };

export interface ChainActor {
  /** The audit-log actor, e.g. `user:li`. */
  id: string;
  role: string;
}

export type ChainAction = { kind: 'submit'; comment?: string } | { kind: 'approve'; step: number; comment?: string } | { kind: 'reject'; step: number; comment: string };

export interface ChainDecision {
  step: number;
  stepName: string;
  decision: 'submit' | 'approve' | 'reject';
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
    state: { phase: 'inReview', step: 1, round, acts: [{ step: 0, actor: actor.id }] },
    decision: { step: 0, stepName: steps[0]!.name, decision: 'submit', comment: cleanComment(comment), round },
    completed: false,
  };
}

function decide(steps: readonly ReviewStep[], state: ChainState, actor: ChainActor, action: Exclude<ChainAction, { kind: 'submit' }>): ChainResult {
  if (state.phase !== 'inReview') throw new CatalogueError('该信息当前不在审核中，不能审核', 'conflict');
  const current = steps[state.step]!;
  if (action.step !== state.step) {
    throw new CatalogueError(`该信息已不在“${steps[action.step]?.name ?? `第${action.step + 1}步`}”，当前等待“${current.name}”；请刷新后再操作`, 'conflict');
  }
  if (actor.role !== current.role) throw new CatalogueError(`“${current.name}”应由${STEP_ROLE_LABELS[current.role]}审核`, 'forbidden');
  const earlier = state.acts.find((a) => a.actor === actor.id && a.step !== state.step);
  if (earlier) {
    throw new CatalogueError(`同一人不能在同一轮审核中承担两个步骤：您已完成“${steps[earlier.step]?.name ?? ''}”，“${current.name}”须由他人审核`, 'forbidden');
  }
  const base = { step: state.step, stepName: current.name, round: state.round };
  if (action.kind === 'reject') {
    const comment = cleanComment(action.comment);
    if (!comment) throw new CatalogueError('退回时请写明理由，拟稿人据此修改');
    return { state: { phase: 'rejected', step: 0, round: state.round, acts: [] }, decision: { ...base, decision: 'reject', comment }, completed: false };
  }
  const acts = [...state.acts, { step: state.step, actor: actor.id }];
  const last = state.step === steps.length - 1;
  return {
    state: last ? { phase: 'done', step: 0, round: state.round, acts } : { phase: 'inReview', step: state.step + 1, round: state.round, acts },
    decision: { ...base, decision: 'approve', comment: cleanComment(action.comment) },
    completed: last,
  };
}

/** Apply one action to the chain; throws `CatalogueError` (code forbidden/conflict/invalid) when refused. */
export function advance(steps: readonly ReviewStep[], state: ChainState, actor: ChainActor, action: ChainAction): ChainResult {
  return action.kind === 'submit' ? submit(steps, state, actor, action.comment) : decide(steps, state, actor, action);
}
