/**
 * A body's catalogue settings: its index-number rule, its review chain, who may take several of
 * its steps, and its re-examination period, each the default until the body sets its own. Pure: what is kept (null = not set) in,
 * the settings in force out; a change is checked here before it is kept.
 */
import { DEFAULT_REEXAMINE_MONTHS } from './clock.js';
import { CatalogueError } from './errors.js';
import { checkIndexRule, defaultIndexRule, type IndexRule } from './index-rule.js';
import { checkReviewSteps, DEFAULT_REVIEW_STEPS, DEFAULT_REVIEWER_POLICY, REVIEWER_POLICIES, type ReviewerPolicy, type ReviewStep } from './review.js';

export interface CatalogueSettings {
  indexRule: IndexRule;
  reviewSteps: ReviewStep[];
  reviewerPolicy: ReviewerPolicy;
  reexamineMonths: number;
  /** False when the body has not set it: the default applies. */
  custom: { indexRule: boolean; reviewSteps: boolean; reviewerPolicy: boolean; reexamineMonths: boolean };
}

/** The settings as kept: null where the body has not set one. */
export interface KeptSettings {
  indexRule: IndexRule | null;
  reviewSteps: ReviewStep[] | null;
  reviewerPolicy: ReviewerPolicy | null;
  reexamineMonths: number | null;
}

/** A change of settings: a value sets, null resets to the default, absent leaves as is. */
export type SettingsChange = { [K in keyof KeptSettings]?: KeptSettings[K] | undefined };

/** The settings in force: the body's own, else the defaults. */
export function settingsOf(kept: KeptSettings | undefined): CatalogueSettings {
  return {
    indexRule: kept?.indexRule ?? defaultIndexRule(),
    reviewSteps: kept?.reviewSteps ?? [...DEFAULT_REVIEW_STEPS],
    reviewerPolicy: kept?.reviewerPolicy ?? DEFAULT_REVIEWER_POLICY,
    reexamineMonths: kept?.reexamineMonths ?? DEFAULT_REEXAMINE_MONTHS,
    custom: { indexRule: !!kept?.indexRule, reviewSteps: !!kept?.reviewSteps, reviewerPolicy: !!kept?.reviewerPolicy, reexamineMonths: !!kept?.reexamineMonths },
  };
}

/** Check a change (rule and chain tidied); throws `CatalogueError` in Chinese. Items in review take a new chain from their next step. */
export function checkSettingsChange(change: SettingsChange): SettingsChange {
  const months = change.reexamineMonths;
  const checked: SettingsChange = {
    indexRule: change.indexRule ? checkIndexRule(change.indexRule) : change.indexRule,
    reviewSteps: change.reviewSteps ? checkReviewSteps(change.reviewSteps) : change.reviewSteps,
  };
  if (months !== undefined && months !== null && !(Number.isInteger(months) && months >= 1 && months <= 60)) throw new CatalogueError('复查周期应为1至60个月');
  const policy = change.reviewerPolicy;
  if (policy && !REVIEWER_POLICIES.includes(policy)) throw new CatalogueError('审核人员规则应为“可依次完成多个步骤”或“每步不同的人”');
  return { ...checked, reviewerPolicy: policy, reexamineMonths: months };
}
