/**
 * The review chain as a state machine, every path: approved through, rejected at each step back
 * to the drafter, resubmitted (a new round from the first review step), the same person twice in
 * one round refused, a step by the wrong role refused, a stale step refused.
 */
import { describe, expect, it } from 'vitest';
import { CatalogueError } from '../../src/catalogue/errors.js';
import { advance, checkReviewSteps, DEFAULT_REVIEW_STEPS, NEW_CHAIN, type ChainAction, type ChainState } from '../../src/catalogue/review.js';

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
    expect(state).toEqual({ phase: 'inReview', step: 1, round: 2, acts: [{ step: 0, actor: 'user:off' }] });
    // b, who approved 终审 in round 1, may take 初审 in round 2.
    state = advance(steps, state, b!, { kind: 'approve', step: 1 }).state;
    expect(state.step).toBe(2);
  });

  it('refuses the same person on two steps of one round, including the drafter', () => {
    const afterA = run(submitted(), [a!, { kind: 'approve', step: 1 }]);
    const twice = refusal(() => advance(steps, afterA, a!, { kind: 'approve', step: 2 }));
    expect(twice.code).toBe('forbidden');
    expect(twice.message).toContain('同一人不能在同一轮审核中承担两个步骤');
    expect(refusal(() => advance(steps, afterA, a!, { kind: 'reject', step: 2, comment: 'x' })).code).toBe('forbidden');
    // A chain whose 初审 is an officer's step: the drafter may not review their own draft.
    const officerChain = checkReviewSteps([
      { name: '拟稿', role: 'officer' },
      { name: '科室审核', role: 'officer' },
      { name: '领导审核', role: 'reviewer' },
    ]);
    const s = advance(officerChain, NEW_CHAIN, drafter, { kind: 'submit' }).state;
    expect(refusal(() => advance(officerChain, s, drafter, { kind: 'approve', step: 1 })).code).toBe('forbidden');
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

  it('checks a configured chain', () => {
    expect(() => checkReviewSteps([{ name: '拟稿', role: 'officer' }])).toThrow('至少');
    expect(() => checkReviewSteps([{ name: '审核', role: 'reviewer' }, { name: '拟稿', role: 'officer' }])).toThrow('应由经办人完成');
    expect(() => checkReviewSteps([{ name: '拟稿', role: 'officer' }, { name: '审核', role: 'reviewer' }, { name: '审核', role: 'reviewer' }])).toThrow('重复');
    expect(() => checkReviewSteps([{ name: '拟稿', role: 'officer' }, { name: ' ', role: 'reviewer' }])).toThrow('名称不能为空');
  });
});
