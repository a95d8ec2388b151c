/**
 * The pure decisions on a kept item (src/catalogue/record.ts) and a body's settings
 * (src/catalogue/settings.ts): which chain an item is in, what may be edited, what the last
 * approval and a re-examination make of it — decided without a database.
 */
import { describe, expect, it } from 'vitest';
import {
  CatalogueError,
  chainMoveOf,
  chainOf,
  chainStateOf,
  checkSettingsChange,
  completionOf,
  currentRoundActs,
  DEFAULT_REVIEW_STEPS,
  editOf,
  filesOf,
  reexaminationOf,
  settingsOf,
  type ItemRecord,
} from '../../src/catalogue/index.js';

const base: ItemRecord = {
  id: 7,
  bodyId: 'yl',
  indexNo: 'yl-2026-00007',
  title: '关于调整公交线路的通知',
  summary: '概述',
  content: '',
  madeOn: '2026-03-02',
  publisher: '云岭镇人民政府',
  docNo: null,
  topic: '交通运输',
  docType: '通知公告',
  disclosure: 'proactive',
  withheldGround: null,
  effectiveOn: null,
  expiresOn: null,
  amendedOn: null,
  repealedOn: null,
  channels: ['门户网站'],
  interpretationOf: null,
  status: 'draft',
  ruleKind: null,
  publishedOn: null,
  firstPublishedOn: null,
  reviewOn: null,
  round: 0,
  currentStep: 0,
  chain: [...DEFAULT_REVIEW_STEPS],
  pending: null,
  revoked: null,
  createdBy: 'user:li',
  createdAt: '2026-03-02T01:00:00.000Z',
  updatedAt: '2026-03-02T01:00:00.000Z',
  version: 1,
};
const item = (over: Partial<ItemRecord>): ItemRecord => ({ ...base, ...over });
const code = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof CatalogueError ? error.code : 'other';
  }
  return 'none';
};

describe('the chain an item is in', () => {
  it('is its own until it is settled, then its change’s', () => {
    expect(chainOf(item({ status: 'inReview', currentStep: 2, round: 1 }))).toEqual({ phase: 'inReview', step: 2, change: false });
    expect(chainOf(item({ status: 'published' }))).toEqual({ phase: 'done', step: 0, change: false });
    const changed = item({ status: 'published', pending: { fields: base, removedAttachments: [], status: 'inReview', step: 1 } });
    expect(chainOf(changed)).toEqual({ phase: 'inReview', step: 1, change: true });
  });

  it('binds only the acts of the current round, and only while it is in review', () => {
    const inReview = item({ status: 'inReview', currentStep: 2, round: 2 });
    const acts = [
      { step: 0, stepName: '拟稿', actor: 'user:li', round: 1, change: false },
      { step: 0, stepName: '拟稿', actor: 'user:li', round: 2, change: false },
      { step: 1, stepName: '初审', actor: 'user:wang', round: 2, change: true },
    ];
    expect(currentRoundActs(inReview, acts)).toEqual([{ step: 0, stepName: '拟稿', actor: 'user:li' }]);
    expect(chainStateOf(item({ status: 'rejected', round: 2 }), [{ step: 0, stepName: '拟稿', actor: 'user:li' }]).state.acts).toEqual([]);
  });

  it('moves a row only from the state the decision was taken from; a new round fixes its steps', () => {
    const steps = [...DEFAULT_REVIEW_STEPS];
    const submit = chainMoveOf({ phase: 'draft', step: 0, round: 0, acts: [] }, { phase: 'inReview', step: 1, round: 1, acts: [] }, steps);
    expect(submit).toEqual({ from: { statuses: ['draft', 'rejected'], step: 0, round: 0 }, to: { phase: 'inReview', step: 1, round: 1 }, chain: steps });
    const approve = chainMoveOf({ phase: 'inReview', step: 1, round: 1, acts: [] }, { phase: 'inReview', step: 2, round: 1, acts: [] }, steps);
    expect(approve.from.statuses).toEqual(['inReview']);
    expect(approve.chain).toBeNull();
  });
});

describe('edits, files and the last approval', () => {
  it('edits a draft in place, changes a settled item, and refuses one in review or withdrawn', () => {
    expect(editOf(item({ status: 'rejected' }))).toBe('draft');
    expect(editOf(item({ status: 'approved', disclosure: 'onRequest' }))).toBe('change');
    expect(code(() => editOf(item({ status: 'inReview', currentStep: 1 })))).toBe('conflict');
    expect(code(() => editOf(item({ status: 'withdrawn' })))).toBe('conflict');
  });

  it('takes files of a settled item through a change, opened with 生成日期 today', () => {
    expect(filesOf(item({}), '2026-03-05')).toEqual({ pending: false });
    const target = filesOf(item({ status: 'published' }), '2026-03-05');
    expect(target.pending && target.openChange?.madeOn).toBe('2026-03-05');
    expect(code(() => filesOf(item({ status: 'inReview', currentStep: 1 }), '2026-03-05'))).toBe('conflict');
  });

  it('publishes proactive information on the day of the last approval, and only approves the rest', () => {
    expect(completionOf(item({ status: 'inReview' }), '2026-03-09')).toMatchObject({ status: 'published', publishedOn: '2026-03-09', lastStep: 3 });
    expect(completionOf(item({ disclosure: 'onRequest' }), '2026-03-09')).toMatchObject({ status: 'approved', publishedOn: null });
  });
});

describe('re-examination (第十八条)', () => {
  const withheld = item({ status: 'approved', disclosure: 'withheld', withheldGround: 'art14', channels: [] });

  it('keeps an item withheld until the next date, or opens a change to 主动公开 dated today', () => {
    expect(reexaminationOf(withheld, 'keep', '2026-04-01', 12)).toEqual({ nextOn: '2027-04-01' });
    const released = reexaminationOf(withheld, 'release', '2026-04-01', 12);
    expect(released.nextOn).toBeNull();
    expect('change' in released && released.change).toMatchObject({ disclosure: 'proactive', withheldGround: null, madeOn: '2026-04-01' });
  });

  it('is only for withheld items that passed the chain and have no change waiting', () => {
    expect(code(() => reexaminationOf(item({ status: 'approved' }), 'keep', '2026-04-01', 12))).toBe('conflict');
    expect(code(() => reexaminationOf({ ...withheld, pending: { fields: withheld, removedAttachments: [], status: 'draft', step: 0 } }, 'keep', '2026-04-01', 12))).toBe('conflict');
  });
});

describe('settings', () => {
  it('are the defaults until the body sets its own', () => {
    const none = settingsOf(undefined);
    expect(none.reviewSteps).toEqual(DEFAULT_REVIEW_STEPS);
    expect(none.custom).toEqual({ indexRule: false, reviewSteps: false, reviewerPolicy: false, reexamineMonths: false });
    expect(none.reviewerPolicy).toBe('shared');
    expect(settingsOf({ indexRule: null, reviewSteps: null, reviewerPolicy: null, reexamineMonths: 6 })).toMatchObject({ reexamineMonths: 6, custom: { reexamineMonths: true } });
  });

  it('check a change: null resets, absent stays, a period outside 1–60 months is refused', () => {
    expect(checkSettingsChange({ reexamineMonths: null })).toEqual({ indexRule: undefined, reviewSteps: undefined, reviewerPolicy: undefined, reexamineMonths: null });
    expect(code(() => checkSettingsChange({ reexamineMonths: 61 }))).toBe('invalid');
    expect(code(() => checkSettingsChange({ reviewSteps: [{ name: '初审', role: 'reviewer' }] }))).toBe('invalid');
  });
});
