/**
 * The rest of a body's register (what `gongkai register` keeps beside the applications):
 * 行政复议 and 行政诉讼, 规章 and 行政规范性文件, table 二's figures from other systems, a 台账
 * brought in from a spreadsheet, and the year's annual report drawn from all of it.
 */
import { actorId, canReadRegister, canWriteRegister, type Actor } from '../../accounts/permissions.js';
import type { AnnualReport } from '../../model/report.js';
import type { Appeal, RuleDocument, YearFigures } from '../../register/types.js';
import type { AppServices } from '../context.js';
import { forbidden } from '../errors.js';

/** Refused (403) unless the actor keeps this body's register. */
function mustWrite(actor: Actor, bodyId: string): void {
  if (!canWriteRegister(actor, bodyId)) throw forbidden('只有本机关的经办人可以登记');
}

export async function addAppeal(s: AppServices, actor: Actor, input: { bodyId: string; appeal: Appeal }): Promise<void> {
  mustWrite(actor, input.bodyId);
  await s.register.addAppeal(input.bodyId, input.appeal, actorId(actor));
}

export async function addDocument(s: AppServices, actor: Actor, input: { bodyId: string; document: RuleDocument }): Promise<void> {
  mustWrite(actor, input.bodyId);
  await s.register.addDocument(input.bodyId, input.document, actorId(actor));
}

export async function setFigures(s: AppServices, actor: Actor, input: { bodyId: string; year: number; figures: YearFigures }): Promise<void> {
  mustWrite(actor, input.bodyId);
  await s.register.setFigures(input.bodyId, input.year, input.figures, actorId(actor));
}

/** A 台账 spreadsheet into the body's register: every row checked by the lifecycle first, all or nothing. */
export async function importApplications(s: AppServices, actor: Actor, input: { bodyId: string; bytes: Uint8Array }): Promise<{ count: number }> {
  mustWrite(actor, input.bodyId);
  const { importRegister } = await import('../../register/excel.js');
  const apps = await importRegister(input.bytes);
  await s.register.importApplications(input.bodyId, apps, actorId(actor));
  return { count: apps.length };
}

/** The year's annual report straight from the register, the catalogue and the opinion box. */
export async function annualReportOf(s: AppServices, actor: Actor, input: { bodyId: string; year: number }): Promise<AnnualReport> {
  if (!canReadRegister(actor, input.bodyId)) throw forbidden('您不能查看该机关的申请台账');
  return s.register.annualReport(input.bodyId, input.year, await s.calendar());
}
