/**
 * The back office's vocabulary, a body's catalogue settings (index-number rule, review chain,
 * re-examination period) and the year's figures for the annual report (section 一 and table 二).
 */
import { actorId, canConfigureCatalogue, type SessionUser } from '../../accounts/permissions.js';
import {
  ARTICLE_18,
  ARTICLE_26,
  CHANNELS,
  checkSettingsChange,
  DISCLOSURE_LABELS,
  DISCLOSURES,
  DOC_TYPES,
  formatIndexNo,
  MAX_ATTACHMENT_BYTES,
  RULE_KIND_OF_TYPE,
  sectionOneFigures,
  STATUS_LABELS,
  tableTwoRows,
  tableTwoSentence,
  TOPICS,
  WITHHELD_GROUND_KEYS,
  WITHHELD_GROUNDS,
  type SettingsChange,
} from '../../catalogue/index.js';
import { writeAudit } from '../../store/audit.js';
import { catalogueRefusals, type CatalogueStore } from '../../store/catalogue-store.js';
import type { AppServices } from '../context.js';
import { forbidden } from '../errors.js';
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
    article26: ARTICLE_26,
    article18: ARTICLE_18,
    maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
  };
}

/** The settings in force, with an index number the rule would give this year. */
async function settingsView(s: AppServices, store: CatalogueStore, bodyId: string) {
  const settings = await store.settings(bodyId);
  return { ...settings, example: formatIndexNo(settings.indexRule, { bodyId, year: Number(s.today().slice(0, 4)), serial: 1 }) };
}

export async function catalogueSettings(s: AppServices, user: SessionUser, bodyId: string) {
  requireStaff(user, bodyId);
  const store = catalogueStore(s);
  await bodyNamed(store, bodyId);
  return settingsView(s, store, bodyId);
}

/** Set any of the three (null: back to the default). Items already in review keep their chain. */
export async function changeCatalogueSettings(s: AppServices, user: SessionUser, bodyId: string, input: SettingsChange) {
  if (!canConfigureCatalogue(user, bodyId)) throw forbidden('只有本机关的经办人或管理员可以修改目录设置');
  const store = catalogueStore(s);
  await bodyNamed(store, bodyId);
  const change = checkSettingsChange(input);
  const actor = actorId(user);
  await catalogueRefusals(() =>
    s.db.transaction(async (tx) => {
      const before = await store.settings(bodyId, tx);
      await store.saveSettings(tx, bodyId, change);
      await writeAudit(tx, actor, 'set', 'catalogue_settings', bodyId, before, await store.settings(bodyId, tx));
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
