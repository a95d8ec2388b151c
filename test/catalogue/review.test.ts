/**
 * The review chain as a state machine, every path: approved through, rejected at each step back
 * to the drafter, resubmitted (a new round from the first review step), the same person twice in
 * one round refused, a step by the wrong role refused, a stale step refused.
 */
import { describe, expect, it } from 'vitest';
import { CatalogueError } from '../../src/catalogue/errors.js';
import {
  advance,
  checkReviewSteps,
  DEFAULT_REVIEW_STEPS,
  NEW_CHAIN,
  rebasedStep,
  reviewersNeeded,
  type ChainAction,
  type ChainState,
} from '../../src/catalogue/review.js';

const steps = DEFAULT_REVIEW_STEPS;
const drafter = { id: 'user:off', role: 'officer' };
const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => ({ id: `user:${n}`, role: 'reviewer' }));

function run(state: ChainState, ...moves: [typeof drafter, ChainAction][]): ChainState {
  return moves.reduce((s, [who, action]) => advance(steps, s, who, action).state, state);
}

const submitted = () => run(NEW_CHAIN, [drafter, { kind: 'submit' }]);

function refusal(fn: () => unknown): CatalogueError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CatalogueError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('the review chain', () => {
  it('goes 拟稿 → 初审 → 终审 → 保密审查 and completes only at the last approval', () => {
    const s1 = advance(steps, NEW_CHAIN, drafter, { kind: 'submit' });
    expect(s1.state).toMatchObject({ phase: 'inReview', step: 1, round: 1 });
    expect(s1.decision).toEqual({ step: 0, stepName: '拟稿', decision: 'submit', comment: null, round: 1 });
    const s2 = advance(steps, s1.state, a!, { kind: 'approve', step: 1, comment: ' 同意 ' });
    expect(s2).toMatchObject({ completed: false, state: { phase: 'inReview', step: 2 }, decision: { stepName: '初审', decision: 'approve', comment: '同意' } });
    const s3 = advance(steps, s2.state, b!, { kind: 'approve', step: 2 });
    expect(s3).toMatchObject({ completed: false, state: { step: 3 } });
    const s4 = advance(steps, s3.state, c!, { kind: 'approve', step: 3 });
    expect(s4).toMatchObject({ completed: true, state: { phase: 'done' }, decision: { stepName: '保密审查' } });
    // Nothing more to do on a completed chain.
    expect(refusal(() => advance(steps, s4.state, d!, { kind: 'approve', step: 3 })).code).toBe('conflict');
    expect(refusal(() => advance(steps, s4.state, drafter, { kind: 'submit' })).code).toBe('conflict');
  });

  it.each([1, 2, 3])('sends the item back to the drafter when step %i rejects it', (at) => {
    const reviewers = [a!, b!, c!];
    let state = submitted();
    for (let step = 1; step < at; step++) state = advance(steps, state, reviewers[step - 1]!, { kind: 'approve', step }).state;
    const r = advance(steps, state, reviewers[at - 1]!, { kind: 'reject', step: at, comment: '请补充依据' });
    expect(r.completed).toBe(false);
    expect(r.state).toEqual({ phase: 'rejected', step: 0, round: 1, acts: [] });
    expect(r.decision).toMatchObject({ step: at, stepName: steps[at]!.name, decision: 'reject', comment: '请补充依据' });
  });

  it('requires a reason to reject', () => {
    expect(refusal(() => advance(steps, submitted(), a!, { kind: 'reject', step: 1, comment: '  ' })).message).toContain('理由');
  });

  it('starts a new round at 初审 on resubmission; approvals of the old round do not count', () => {
    let state = run(submitted(), [a!, { kind: 'approve', step: 1 }], [b!, { kind: 'approve', step: 2 }], [c!, { kind: 'reject', step: 3, comment: '涉及个人隐私' }]);
    state = advance(steps, state, drafter, { kind: 'submit' }).state;
    expect(state).toEqual({ phase: 'inReview', step: 1, round: 2, acts: [{ step: 0, stepName: '拟稿', actor: 'user:off' }] });
    // b, who approved 终审 in round 1, may take 初审 in round 2.
    state = advance(steps, state, b!, { kind: 'approve', step: 1 }).state;
    expect(state.step).toBe(2);
  });

  it('lets one reviewer take every review step by default, each step its own decision', () => {
    let state = submitted();
    for (const step of [1, 2, 3]) {
      const r = advance(steps, state, a!, { kind: 'approve', step });
      expect(r.decision.stepName).toBe(steps[step]!.name);
      expect(r.completed).toBe(step === 3);
      state = r.state;
    }
    expect(state.acts.map((x) => `${x.stepName}:${x.actor}`)).toEqual(['拟稿:user:off', '初审:user:a', '终审:user:a', '保密审查:user:a']);
  });

  it('refuses the same person on two steps of one round when the body asks for distinct reviewers, and the submitter always', () => {
    const afterA = advance(steps, submitted(), a!, { kind: 'approve', step: 1 }, 'distinct').state;
    const twice = refusal(() => advance(steps, afterA, a!, { kind: 'approve', step: 2 }, 'distinct'));
    expect(twice.code).toBe('forbidden');
    expect(twice.message).toContain('本机关要求每个审核步骤由不同的人完成：您已完成“初审”');
    expect(refusal(() => advance(steps, afterA, a!, { kind: 'reject', step: 2, comment: 'x' }, 'distinct')).code).toBe('forbidden');
    expect(advance(steps, afterA, b!, { kind: 'approve', step: 2 }, 'distinct').state.step).toBe(3);
    // A chain whose 初审 is an officer's step: the drafter may not review their own draft.
    const officerChain = checkReviewSteps([
      { name: '拟稿', role: 'officer' },
      { name: '科室审核', role: 'officer' },
      { name: '领导审核', role: 'reviewer' },
    ]);
    const s = advance(officerChain, NEW_CHAIN, drafter, { kind: 'submit' }).state;
    const own = refusal(() => advance(officerChain, s, drafter, { kind: 'approve', step: 1 }));
    expect(own.code).toBe('forbidden');
    expect(own.message).toContain('提交人不能审核自己提交的信息');
    expect(advance(officerChain, s, { id: 'user:off2', role: 'officer' }, { kind: 'approve', step: 1 }).state.step).toBe(2);
  });

  it('refuses a step taken by the wrong role, and a submission by a reviewer', () => {
    const wrong = refusal(() => advance(steps, submitted(), { id: 'user:off2', role: 'officer' }, { kind: 'approve', step: 1 }));
    expect(wrong.code).toBe('forbidden');
    expect(wrong.message).toContain('“初审”应由审核人审核');
    expect(refusal(() => advance(steps, NEW_CHAIN, a!, { kind: 'submit' })).code).toBe('forbidden');
  });

  it('refuses a decision on a step that is no longer current, and a review of a draft', () => {
    const afterA = run(submitted(), [a!, { kind: 'approve', step: 1 }]);
    const stale = refusal(() => advance(steps, afterA, b!, { kind: 'approve', step: 1 }));
    expect(stale.code).toBe('conflict');
    expect(stale.message).toContain('当前等待“终审”');
    expect(refusal(() => advance(steps, NEW_CHAIN, a!, { kind: 'approve', step: 1 })).code).toBe('conflict');
    expect(refusal(() => advance(steps, submitted(), drafter, { kind: 'submit' })).code).toBe('conflict');
  });

  it('lets the drafter withdraw a round in review back to draft, and nobody else', () => {
    const afterA = run(submitted(), [a!, { kind: 'approve', step: 1 }]);
    const r = advance(steps, afterA, { id: 'user:off2', role: 'officer' }, { kind: 'withdraw', comment: '补充附件' });
    expect(r.state).toEqual({ phase: 'draft', step: 0, round: 1, acts: [] });
    expect(r.decision).toEqual({ step: 2, stepName: '终审', decision: 'withdraw', comment: '补充附件', round: 1 });
    expect(refusal(() => advance(steps, afterA, b!, { kind: 'withdraw' })).code).toBe('forbidden');
    expect(refusal(() => advance(steps, NEW_CHAIN, drafter, { kind: 'withdraw' })).code).toBe('conflict');
    // Resubmitted, it starts a new round at 初审.
    expect(advance(steps, r.state, drafter, { kind: 'submit' }).state).toMatchObject({ phase: 'inReview', step: 1, round: 2 });
  });

  it('continues an item in review on a changed chain at its first step not yet approved', () => {
    const acts = [
      { step: 0, stepName: '拟稿', actor: 'user:off' },
      { step: 1, stepName: '初审', actor: 'user:a' },
    ];
    // Shortened to 拟稿 → 初审 → 终审 while waiting at 终审: still 终审 (index 2).
    const short = [steps[0]!, steps[1]!, steps[2]!];
    expect(rebasedStep(short, acts)).toBe(2);
    // 初审 merged into 审核: the item waits at 审核, the first step not yet approved.
    expect(rebasedStep([steps[0]!, { name: '审核', role: 'reviewer' }], acts)).toBe(1);
    // A step added before the current one is taken next: 法制审核 was never approved.
    expect(rebasedStep([steps[0]!, { name: '法制审核', role: 'reviewer' }, steps[1]!, steps[2]!], acts)).toBe(1);
    // Every step of the new chain approved already: the last one still needs a decision.
    expect(rebasedStep([steps[0]!, steps[1]!], acts)).toBe(1);
  });

  it('counts the reviewers a chain needs under each rule', () => {
    expect(reviewersNeeded(steps, 'shared')).toBe(1);
    expect(reviewersNeeded(steps, 'distinct')).toBe(3);
  });

  it('checks a configured chain', () => {
    expect(() => checkReviewSteps([{ name: '拟稿', role: 'officer' }])).toThrow('至少');
    expect(() => checkReviewSteps([{ name: '审核', role: 'reviewer' }, { name: '拟稿', role: 'officer' }])).toThrow('应由经办人完成');
    expect(() => checkReviewSteps([{ name: '拟稿', role: 'officer' }, { name: '审核', role: 'reviewer' }, { name: '审核', role: 'reviewer' }])).toThrow('重复');
    expect(() => checkReviewSteps([{ name: '拟稿', role: 'officer' }, { name: ' ', role: 'reviewer' }])).toThrow('名称不能为空');
  });
});
