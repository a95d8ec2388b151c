/**
 * A body's catalogue settings: its index-number rule, its review chain and its re-examination
 * period, each the default until the body sets its own. Pure: what is kept (null = not set) in,
 * the settings in force out; a change is checked here before it is kept.
 */
import { DEFAULT_REEXAMINE_MONTHS } from './clock.js';
import { CatalogueError } from './errors.js';
import { checkIndexRule, defaultIndexRule, type IndexRule } from './index-rule.js';
import { checkReviewSteps, DEFAULT_REVIEW_STEPS, type ReviewStep } from './review.js';

export interface CatalogueSettings {
  indexRule: IndexRule;
  reviewSteps: ReviewStep[];
  reexamineMonths: number;
  /** False when the body has not set it: the default applies. */
  custom: { indexRule: boolean; reviewSteps: boolean; reexamineMonths: boolean };
}

/** The settings as kept: null where the body has not set one. */
export interface KeptSettings {
  indexRule: IndexRule | null;
  reviewSteps: ReviewStep[] | null;
  reexamineMonths: number | null;
}

/** A change of settings: a value sets, null resets to the default, absent leaves as is. */
export type SettingsChange = { [K in keyof KeptSettings]?: KeptSettings[K] | undefined };

/** The settings in force: the body's own, else the defaults. */
export function settingsOf(kept: KeptSettings | undefined): CatalogueSettings {
  return {
    indexRule: kept?.indexRule ?? defaultIndexRule(),
    reviewSteps: kept?.reviewSteps ?? [...DEFAULT_REVIEW_STEPS],
    reexamineMonths: kept?.reexamineMonths ?? DEFAULT_REEXAMINE_MONTHS,
    custom: { indexRule: !!kept?.indexRule, reviewSteps: !!kept?.reviewSteps, reexamineMonths: !!kept?.reexamineMonths },
  };
}

/** Check a change (rule and chain tidied); throws `CatalogueError` in Chinese. Items already in review keep their chain. */
export function checkSettingsChange(change: SettingsChange): SettingsChange {
  const months = change.reexamineMonths;
  const checked: SettingsChange = {
    indexRule: change.indexRule ? checkIndexRule(change.indexRule) : change.indexRule,
    reviewSteps: change.reviewSteps ? checkReviewSteps(change.reviewSteps) : change.reviewSteps,
  };
  if (months !== undefined && months !== null && !(Number.isInteger(months) && months >= 1 && months <= 60)) throw new CatalogueError('复查周期应为1至60个月');
  return { ...checked, reexamineMonths: months };
}
