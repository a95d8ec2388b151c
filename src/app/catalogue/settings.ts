/**
 * The back office's vocabulary, a body's catalogue settings (index-number rule, review chain,
 * re-examination period) and the year's figures for the annual report (section 一 and table 二).
 */
import { actorId, canConfigureCatalogue, type SessionUser } from '../../accounts/permissions.js';
import {
  ARTICLE_18,
  ARTICLE_26,
  CHANNELS,
  chainOf,
  checkSettingsChange,
  DISCLOSURE_LABELS,
  DISCLOSURES,
  DOC_TYPES,
  formatIndexNo,
  MAX_ATTACHMENT_BYTES,
  rebasedStep,
  REVIEWER_POLICIES,
  REVIEWER_POLICY_LABELS,
  REVIEWER_POLICY_NOTES,
  reviewersNeeded,
  RULE_KIND_OF_TYPE,
  sectionOneFigures,
  STATUS_LABELS,
  tableTwoRows,
  tableTwoSentence,
  TOPICS,
  WITHHELD_GROUND_KEYS,
  WITHHELD_GROUNDS,
  VALIDITY_LABELS,
  type SettingsChange,
} from '../../catalogue/index.js';
import { writeAudit } from '../../store/audit.js';
import { catalogueRefusals, type CatalogueStore } from '../../store/catalogue-store.js';
import type { Db } from '../../store/db.js';
import type { AppServices } from '../context.js';
import { forbidden } from '../errors.js';
import { checkVersion } from '../versions.js';
import { bodyNamed, catalogueStore, requireStaff } from './access.js';

/** The lists the back office's forms choose from, and the articles they quote. */
export function catalogueVocabulary(s: AppServices) {
  return {
    today: s.today(),
    topics: [...TOPICS],
    docTypes: [...DOC_TYPES],
    ruleTypes: { ...RULE_KIND_OF_TYPE },
    channels: [...CHANNELS],
    disclosures: DISCLOSURES.map((key) => ({ key, label: DISCLOSURE_LABELS[key] })),
    grounds: WITHHELD_GROUND_KEYS.map((key) => ({ key, ...WITHHELD_GROUNDS[key] })),
    statuses: { ...STATUS_LABELS },
    validities: { ...VALIDITY_LABELS },
    article26: ARTICLE_26,
    article18: ARTICLE_18,
    maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
  };
}

/**
 * The settings in force, with an index number the rule would give this year, the reviewer rules
 * explained, and a warning when the body has fewer reviewers than its chain needs.
 */
async function settingsView(s: AppServices, store: CatalogueStore, bodyId: string) {
  const settings = await store.settings(bodyId);
  const version = await store.settingsVersion(bodyId);
  const reviewers = await store.staffCount(bodyId, 'reviewer');
  const needed = reviewersNeeded(settings.reviewSteps, settings.reviewerPolicy);
  return {
    ...settings,
    version,
    example: formatIndexNo(settings.indexRule, { bodyId, year: Number(s.today().slice(0, 4)), serial: 1 }),
    reviewerPolicies: REVIEWER_POLICIES.map((key) => ({ key, label: REVIEWER_POLICY_LABELS[key], note: REVIEWER_POLICY_NOTES[key] })),
    reviewers,
    reviewersNeeded: needed,
    chainWarning:
      reviewers < needed
        ? `本机关现有 ${reviewers} 名审核人员，按当前审核流程和规则至少需要 ${needed} 名，信息将无法发布。请增加审核人员账号，或减少审核步骤，或选择“${REVIEWER_POLICY_LABELS.shared}”。`
        : null,
  };
}

/**
 * A changed chain applies to items in review from their next step: each continues at the first
 * step of the new chain not yet approved in its round (audited as 'rechain' on the item).
 */
async function rechainInFlight(store: CatalogueStore, tx: Db, bodyId: string, actor: string): Promise<void> {
  const steps = (await store.settings(bodyId, tx)).reviewSteps;
  for (const item of await store.inReview([bodyId], tx)) {
    const { step, change } = chainOf(item);
    const next = rebasedStep(steps, await store.acts(item.id, item.round, change, tx));
    const same = next === step && JSON.stringify(steps) === JSON.stringify(item.chain);
    if (same || !(await store.rechain(tx, item.id, change, item.round, steps, next))) continue;
    await writeAudit(tx, actor, 'rechain', 'catalogue_item', String(item.id), { steps: item.chain.map((x) => x.name), waitingAt: item.chain[step]?.name ?? null }, {
      steps: steps.map((x) => x.name),
      waitingAt: steps[next]!.name,
    });
  }
}

export async function catalogueSettings(s: AppServices, user: SessionUser, bodyId: string) {
  requireStaff(user, bodyId);
  const store = catalogueStore(s);
  await bodyNamed(store, bodyId);
  return settingsView(s, store, bodyId);
}

/**
 * Set any of them (null: back to the default). Items in review take a changed chain from their
 * next step. `version` is the settings' version the edit began from (0: never saved); a save by
 * someone else in between is refused (409), not overwritten.
 */
export async function changeCatalogueSettings(s: AppServices, user: SessionUser, bodyId: string, input: SettingsChange & { version?: number | undefined }) {
  if (!canConfigureCatalogue(user, bodyId)) throw forbidden('只有本机关的经办人或管理员可以修改目录设置');
  const store = catalogueStore(s);
  await bodyNamed(store, bodyId);
  const { version, ...asked } = input;
  const change = checkSettingsChange(asked);
  const actor = actorId(user);
  await catalogueRefusals(() =>
    s.db.transaction(async (tx) => {
      checkVersion('本机关的目录设置', version, await store.lockSettings(tx, bodyId));
      const before = await store.settings(bodyId, tx);
      await store.saveSettings(tx, bodyId, change);
      await writeAudit(tx, actor, 'set', 'catalogue_settings', bodyId, before, await store.settings(bodyId, tx));
      if (change.reviewSteps !== undefined) await rechainInFlight(store, tx, bodyId, actor);
    }),
  );
  return settingsView(s, store, bodyId);
}

/** The year's figures from the published items: section 一 by topic, type and channel; table 二's rows and sentence. */
export async function catalogueFigures(s: AppServices, user: SessionUser, bodyId: string, year: number) {
  requireStaff(user, bodyId);
  const store = catalogueStore(s);
  const body = await bodyNamed(store, bodyId);
  const items = await store.figureItems(bodyId);
  const rows = tableTwoRows(items, year);
  return { body, year, sectionOne: sectionOneFigures(items, year), tableTwo: { ...rows, sentence: tableTwoSentence(rows) } };
}
