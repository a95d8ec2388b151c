/**
 * The rest of a body's register (what `gongkai register` keeps beside the applications):
 * 行政复议 and 行政诉讼, 规章 and 行政规范性文件, table 二's figures from other systems, a 台账
 * brought in from a spreadsheet, and the year's annual report drawn from all of it.
 */
import { actorId, canReadRegister, canWriteRegister, type Actor } from '../../accounts/permissions.js';
import { ruleDocumentsOf, sectionOneFigures } from '../../catalogue/annual.js';
import { opinionFigures } from '../../catalogue/opinions.js';
import type { AnnualReport } from '../../model/report.js';
import { reportFromRegister } from '../../register/annual.js';
import { RegisterError } from '../../register/lifecycle.js';
import type { Appeal, RuleDocument, YearFigures } from '../../register/types.js';
import { writeAudit } from '../../store/audit.js';
import { CatalogueStore } from '../../store/catalogue-store.js';
import { OpinionStore } from '../../store/opinion-store.js';
import type { AppServices } from '../context.js';
import { forbidden } from '../errors.js';
import { logImportedApplications, registerTransaction } from './writes.js';

/** Refused (403) unless the actor keeps this body's register. */
function mustWrite(actor: Actor, bodyId: string): void {
  if (!canWriteRegister(actor, bodyId)) throw forbidden('只有本机关的经办人可以登记');
}

export async function addAppeal(s: AppServices, actor: Actor, input: { bodyId: string; appeal: Appeal }): Promise<void> {
  mustWrite(actor, input.bodyId);
  const by = actorId(actor);
  const { appeal } = input;
  await registerTransaction(s, async (tx) => {
    await s.register.insertAppeal(tx, input.bodyId, appeal);
    await writeAudit(tx, by, 'create', 'appeal', appeal.id, null, appeal);
  });
}

export async function addDocument(s: AppServices, actor: Actor, input: { bodyId: string; document: RuleDocument }): Promise<void> {
  mustWrite(actor, input.bodyId);
  const by = actorId(actor);
  const { document } = input;
  await registerTransaction(s, async (tx) => {
    await s.register.insertDocument(tx, input.bodyId, document);
    await writeAudit(tx, by, 'create', 'rule_document', document.id, null, document);
  });
}

export async function setFigures(s: AppServices, actor: Actor, input: { bodyId: string; year: number; figures: YearFigures }): Promise<void> {
  mustWrite(actor, input.bodyId);
  const { bodyId, year, figures } = input;
  await s.db.transaction(async (tx) => {
    const old = await s.register.figures(bodyId, year, tx);
    await s.register.saveFigures(tx, bodyId, year, figures);
    await writeAudit(tx, actorId(actor), 'set', 'year_figures', `${bodyId}/${year}`, old, figures);
  });
}

/** A 台账 spreadsheet into the body's register: every row checked by the lifecycle first, all or nothing. */
export async function importApplications(s: AppServices, actor: Actor, input: { bodyId: string; bytes: Uint8Array }): Promise<{ count: number }> {
  mustWrite(actor, input.bodyId);
  const { importRegister } = await import('../../register/excel.js');
  const apps = await importRegister(input.bytes);
  await logImportedApplications(s, actorId(actor), input.bodyId, apps);
  return { count: apps.length };
}

/** The year's annual report straight from the register, the catalogue and the opinion box. */
export async function annualReportOf(s: AppServices, actor: Actor, input: { bodyId: string; year: number }): Promise<AnnualReport> {
  if (!canReadRegister(actor, input.bodyId)) throw forbidden('您不能查看该机关的申请台账');
  return registerReport(s, input.bodyId, input.year);
}

/**
 * The year's annual report drawn from the register, the catalogue and the opinion box (whose
 * 监督保障 response times are counted in working days), for whoever may already see it.
 */
export async function registerReport(s: AppServices, bodyId: string, year: number): Promise<AnnualReport> {
  const unit = await s.register.bodyName(bodyId);
  if (unit === null) throw new RegisterError(`没有编号为 ${bodyId} 的机关`);
  const [applications, appeals, documents, figures, items, opinions, calendar] = await Promise.all([
    s.register.applications(bodyId),
    s.register.appeals(bodyId),
    s.register.documents(bodyId),
    s.register.figures(bodyId, year),
    new CatalogueStore(s.db).figureItems(bodyId),
    new OpinionStore(s.db).facts(bodyId, year),
    s.calendar(),
  ]);
  // The catalogue, once a body keeps its 规章 and 行政规范性文件 there, is where table 二's rows
  // come from (the register's own document list is the fallback: never both, or one document
  // entered twice would count twice); its published items draft section 一's sentence.
  const catalogueDocuments = ruleDocumentsOf(items);
  const published = sectionOneFigures(items, year);
  const supervision = opinionFigures(opinions, year, calendar);
  return reportFromRegister({
    unit,
    year,
    applications,
    appeals,
    documents: catalogueDocuments.length ? catalogueDocuments : documents,
    ...(figures ? { figures } : {}),
    ...(published.total > 0 ? { proactiveSentence: published.sentence } : {}),
    ...(supervision.total.received > 0 ? { supervisionSentence: supervision.sentence } : {}),
  });
}
