/**
 * The register's use cases: the vocabulary of its forms, the list and the due list of a body,
 * logging an application (第三十一条 date of receipt), one application with its timeline,
 * recording an event (the fee computed, never typed), the fee quote, the reply letters and the
 * 台账 export. The web's routes and the `gongkai register` commands both call these.
 *
 * Officers of the body write; its reviewers (and administrators) read; the local operator may
 * do anything. Applicants' ID numbers and phone numbers never appear unmasked in a list or an
 * export; names of natural persons are masked too for anyone who may not see personal data.
 * The rules of what may happen stay in the pure core (register/lifecycle, standing, letters).
 */
import { actorId, canReadRegister, canSeePersonalData, canWriteRegister, type Actor } from '../../accounts/permissions.js';
import { maskContact, maskIdNumber } from '../../accounts/mask.js';
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  CHANNELS,
  EVENT_LABELS,
  FEE_METHOD_LABELS,
  isNaturalPerson,
  OUTCOME_OPTIONS,
  PARTY_LABELS,
  RECEIPT_RULES,
} from '../../register/labels.js';
import { extensionLetter, replyLetter, type Letter, type LetterKind } from '../../register/letters.js';
import { dueOf, RegisterError } from '../../register/lifecycle.js';
import { receiptDate, type Arrival } from '../../register/receipt.js';
import { allowedEvents, DUE_SOON_WORKING_DAYS, feeQuote, standingOf, type FeeQuote, type Standing } from '../../register/standing.js';
import { APPLICANT_TYPES, type ApplicantType, type Application, type Channel, type RegisterEvent } from '../../register/types.js';
import { writeAudit } from '../../store/audit.js';
import { PublicStore } from '../../store/public-store.js';
import type { AppServices } from '../context.js';
import { XLSX, type FileDownload } from '../download.js';
import { observedBodyProblem } from '../directory/index.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { dueOfStanding, matches, rowOf, timelineOf, withMaskedName, type RegisterFilter } from './views.js';
import { appendEvent, logApplication, logNumberedApplication, noSuchApplication, storedApplication } from './writes.js';

// A list page shows the newest 200; search and filters reach the rest (a big office has thousands).
const LIST_LIMIT = 200;

type FeeMethod = 'perApplication' | 'perVolume';

// ---------------------------------------------------------------------------------------------
// Access

async function bodyNamed(s: AppServices, bodyId: string): Promise<{ id: string; name: string }> {
  const name = await s.register.bodyName(bodyId);
  if (name === null) throw notFound('机关');
  return { id: bodyId, name };
}

/** Refused (403) unless the actor may read this body's register. */
function mustRead(actor: Actor, bodyId: string): void {
  if (!canReadRegister(actor, bodyId)) throw forbidden('您不能查看该机关的申请台账');
}

/** An application and its body, if the actor may read it; 404 for anyone else (its existence is not theirs to know). */
async function readable(s: AppServices, actor: Actor, id: string): Promise<{ bodyId: string; app: Application }> {
  const bodyId = await s.register.bodyOf(id);
  if (bodyId === null || !canReadRegister(actor, bodyId)) throw notFound('申请');
  return { bodyId, app: await storedApplication(s, id) };
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The words of the register's forms: applicant types, channels (第三十一条), table 三's outcomes. */
export function registerVocabulary(s: AppServices) {
  return {
    today: s.today(),
    applicantTypes: APPLICANT_TYPES.map((key) => ({ key, label: APPLICANT_TYPE_LABELS[key]!, organisation: !isNaturalPerson(key) })),
    channels: CHANNELS.map((key) => ({ key, label: CHANNEL_LABELS[key], rule: RECEIPT_RULES[key] })),
    outcomes: [...OUTCOME_OPTIONS],
    events: { ...EVENT_LABELS },
    parties: { ...PARTY_LABELS },
    feeMethods: { ...FEE_METHOD_LABELS },
  };
}

/** A body's register, searched (number, description, and — for those who see them — names) and filtered. */
export async function listApplications(s: AppServices, actor: Actor, input: { bodyId: string; q?: string | undefined; status?: RegisterFilter | undefined; year?: number | undefined }) {
  const { bodyId, q, status, year } = input;
  mustRead(actor, bodyId);
  const body = await bodyNamed(s, bodyId);
  const [apps, calendar] = await Promise.all([s.register.applications(bodyId), s.calendar()]);
  const today = s.today();
  const personal = canSeePersonalData(actor, bodyId);
  const needle = q?.trim().toLowerCase();
  // Searching names is for those who see them: a masked list must not confirm a guessed name.
  const found = (a: Application) =>
    !needle || a.id.toLowerCase().includes(needle) || a.description.toLowerCase().includes(needle) || (personal && a.applicant.name.toLowerCase().includes(needle));
  const rows = apps
    .filter((a) => found(a) && (!year || Number(a.receivedOn.slice(0, 4)) === year))
    .map((a) => ({ a, s: standingOf(a, today, calendar) }))
    .filter(({ s: standing }) => matches(status, standing))
    .sort((x, y) => y.a.receivedOn.localeCompare(x.a.receivedOn) || y.a.id.localeCompare(x.a.id));
  const years = [...new Set(apps.map((a) => Number(a.receivedOn.slice(0, 4))))].sort((x, y) => y - x);
  return {
    body,
    today,
    canWrite: canWriteRegister(actor, bodyId),
    personalData: personal,
    years,
    total: rows.length,
    items: rows.slice(0, LIST_LIMIT).map(({ a, s: standing }) => rowOf(a, standing, calendar, personal)),
  };
}

/** Overdue applications, then those due within a few working days, soonest first. */
export async function dueApplications(s: AppServices, actor: Actor, input: { bodyId: string }) {
  const { bodyId } = input;
  mustRead(actor, bodyId);
  const body = await bodyNamed(s, bodyId);
  const [apps, calendar] = await Promise.all([s.register.applications(bodyId), s.calendar()]);
  const today = s.today();
  const personal = canSeePersonalData(actor, bodyId);
  const rank = (standing: Standing) => (standing.state === 'overdue' ? 0 : 1);
  const items = apps
    .map((a) => ({ a, s: standingOf(a, today, calendar) }))
    .filter(({ s: standing }) => standing.state === 'overdue' || standing.state === 'dueSoon')
    .sort((x, y) => rank(x.s) - rank(y.s) || ('due' in x.s && 'due' in y.s ? x.s.due.due.localeCompare(y.s.due.due) : 0) || x.a.id.localeCompare(y.a.id))
    .map(({ a, s: standing }) => rowOf(a, standing, calendar, personal));
  return { body, today, dueSoonDays: DUE_SOON_WORKING_DAYS, items };
}

/** Open applications with their due dates, soonest first (`gongkai register list`). */
export async function openApplications(s: AppServices, actor: Actor, input: { bodyId: string }) {
  mustRead(actor, input.bodyId);
  const [apps, calendar] = await Promise.all([s.register.applications(input.bodyId), s.calendar()]);
  return apps
    .filter((a) => !a.events.some((e) => e.kind === 'replied' || e.kind === 'withdrawn'))
    .map((application) => ({ application, due: dueOf(application, calendar) }))
    .sort((a, b) => a.due.due.localeCompare(b.due.due));
}

/** One application: details (masked as the actor's permission requires), timeline, due date, what may be recorded next, its letters. */
export async function getApplication(s: AppServices, actor: Actor, input: { id: string }) {
  const { bodyId, app } = await readable(s, actor, input.id);
  return detailOf(s, actor, bodyId, app);
}

async function detailOf(s: AppServices, actor: Actor, bodyId: string, app: Application) {
  const calendar = await s.calendar();
  const personal = canSeePersonalData(actor, bodyId);
  const standing = standingOf(app, s.today(), calendar);
  const { late } = dueOfStanding(app, standing, calendar);
  const [arrival, history, correction, body] = await Promise.all([
    s.register.arrival(app.id),
    s.register.history(app.id),
    new PublicStore(s.db).correction(app.id),
    bodyNamed(s, bodyId),
  ]);
  if (!history) throw noSuchApplication(app.id);
  const reply = app.events.find((e): e is Extract<RegisterEvent, { kind: 'replied' }> => e.kind === 'replied');
  const a = app.applicant;
  const shown = personal ? app : withMaskedName(app);
  const canWrite = canWriteRegister(actor, bodyId);
  return {
    ...rowOf(app, standing, calendar, personal),
    body,
    applicant: {
      type: a.type,
      typeLabel: APPLICANT_TYPE_LABELS[a.type] ?? a.type,
      name: shown.applicant.name,
      idNumber: (personal ? a.idNumber : maskIdNumber(a.idNumber)) || null,
      contact: (personal ? a.contact : maskContact(a.contact)) || null,
    },
    personalData: personal,
    form: app.form ?? null,
    delivery: app.delivery ?? null,
    channel: app.channel,
    receiptRule: RECEIPT_RULES[app.channel],
    arrival,
    letterNo: reply?.letterNo ?? null,
    late,
    timeline: timelineOf(app, history, correction?.text),
    allowed: canWrite ? allowedEvents(app) : [],
    canWrite,
    letters: [
      ...(standing.state === 'replied' || standing.state === 'withdrawn' ? [{ kind: 'reply' as const, title: standing.state === 'replied' ? '答复书' : '终止办理告知书' }] : []),
      ...(app.events.some((e) => e.kind === 'extended') ? [{ kind: 'extension' as const, title: '延期答复告知书' }] : []),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** A date a user typed must not lie in the future: the register records what happened. */
function notAfterToday(date: string, today: string, what: string): void {
  if (date > today) throw new RegisterError(`${what} ${date} 晚于今天（${today}），不能登记尚未发生的事项`);
}

interface ApplicationFields {
  bodyId: string;
  applicant: { type: string; name: string; idNumber?: string | undefined; contact?: string | undefined };
  description: string;
  form?: string | undefined;
  delivery?: string | undefined;
  channel: string;
}

/**
 * A new application: either the facts its date of receipt follows from (第三十一条: arrived,
 * signed for, confirmed — kept beside it), numbered `<body>-<year>-NNNN`; or, as a paper
 * register records it, its own number and date of receipt.
 */
export type NewApplication = ApplicationFields &
  ({ arrivedOn: string; signedForOn?: string | undefined; confirmedOn?: string | undefined } | { id: string; receivedOn: string });

/** Only the facts that matter for the channel (第三十一条): a stray date of another channel is dropped. */
function arrivalOf(channel: Channel, input: { arrivedOn: string; signedForOn?: string | undefined; confirmedOn?: string | undefined }): Arrival {
  const arrival: Arrival = { channel, arrivedOn: input.arrivedOn };
  if (channel === 'postSigned' && input.signedForOn) arrival.signedForOn = input.signedForOn;
  if ((channel === 'ordinaryLetter' || channel === 'online' || channel === 'fax') && input.confirmedOn) arrival.confirmedOn = input.confirmedOn;
  if (arrival.signedForOn && arrival.signedForOn < arrival.arrivedOn) throw new RegisterError(`签收日期 ${arrival.signedForOn} 早于到达日期 ${arrival.arrivedOn}`);
  return arrival;
}

/** Log an application in a body's register; returns its number and its date of receipt. */
export async function addApplication(s: AppServices, actor: Actor, input: NewApplication): Promise<{ id: string; receivedOn: string }> {
  const { bodyId } = input;
  if (!canWriteRegister(actor, bodyId)) throw forbidden('只有本机关的经办人可以登记申请');
  const observed = await observedBodyProblem(s.db, bodyId);
  if (observed) throw invalid(observed);
  const channel = input.channel as Channel;
  const arrival = 'receivedOn' in input ? null : arrivalOf(channel, input);
  const receivedOn = arrival ? receiptDate(arrival) : (input as { receivedOn: string }).receivedOn;
  notAfterToday(receivedOn, s.today(), '收到申请的日期');
  const { applicant: a } = input;
  const by = actorId(actor);
  const application = {
    applicant: { type: a.type as ApplicantType, name: a.name, ...(a.idNumber ? { idNumber: a.idNumber } : {}), ...(a.contact ? { contact: a.contact } : {}) },
    description: input.description,
    ...(input.form ? { form: input.form } : {}),
    ...(input.delivery ? { delivery: input.delivery } : {}),
    channel,
    receivedOn,
  };
  if (!arrival) {
    const { id } = input as { id: string };
    await logApplication(s, by, bodyId, { id, ...application });
    return { id, receivedOn };
  }
  const facts = { arrivedOn: arrival.arrivedOn, signedForOn: arrival.signedForOn ?? null, confirmedOn: arrival.confirmedOn ?? null };
  const id = await logNumberedApplication(s, by, bodyId, application, async (tx, newId) => {
    await s.register.insertArrival(tx, newId, facts);
    await writeAudit(tx, by, 'create', 'application_arrival', newId, null, facts);
  });
  return { id, receivedOn };
}

/**
 * An event as someone records it: a fee notice names its method (and pages), its amount is
 * computed; an amount typed beside it (`gongkai register event … --amount`) must be that amount.
 */
export type EventInput =
  | Exclude<RegisterEvent, { kind: 'feeNotice' | 'replied' }>
  | { kind: 'feeNotice'; on: string; method: FeeMethod; pages?: number | undefined; amountYuan?: number | undefined }
  | { kind: 'replied'; on: string; outcome: string; letterNo?: string | undefined };

function feeQuoteOf(app: Application, all: Application[], method: FeeMethod, pages: number | undefined): FeeQuote {
  if (method === 'perVolume' && pages === undefined) throw new RegisterError('按量计收须填写提供的页数');
  return feeQuote(app, all, method, pages);
}

async function eventOf(s: AppServices, bodyId: string, app: Application, input: EventInput): Promise<RegisterEvent> {
  if (input.kind === 'replied') return { kind: 'replied', on: input.on, outcome: input.outcome, ...(input.letterNo ? { letterNo: input.letterNo } : {}) };
  if (input.kind !== 'feeNotice') return input;
  // The amount is computed, never typed: the measures fix it from the count or the pages.
  const quote = feeQuoteOf(app, await s.register.applications(bodyId), input.method, input.pages);
  if (quote.amountYuan <= 0) throw new RegisterError(`${quote.explanation}。按标准不收费，无需发出收费通知`);
  if (input.amountYuan !== undefined && input.amountYuan !== quote.amountYuan) throw new RegisterError(`收费金额 ${input.amountYuan} 元与按标准计算的金额不符：${quote.explanation}`);
  return { kind: 'feeNotice', on: input.on, amountYuan: quote.amountYuan, method: input.method };
}

/** Record what happened to an application (checked by the lifecycle under a row lock); returns the application as it now stands. */
export async function recordEvent(s: AppServices, actor: Actor, input: { id: string; event: EventInput }) {
  const { bodyId, app } = await readable(s, actor, input.id);
  if (!canWriteRegister(actor, bodyId)) throw forbidden('只有本机关的经办人可以登记办理事项');
  const { event: typed } = input;
  notAfterToday(typed.kind === 'consultation' ? typed.from : typed.on, s.today(), '事项日期');
  const event = await eventOf(s, bodyId, app, typed);
  const after = await appendEvent(s, actorId(actor), app.id, event);
  return detailOf(s, actor, bodyId, after);
}

/** 信息处理费 under 国办函〔2020〕109号, as a fee notice would compute it. */
export async function quoteFee(s: AppServices, actor: Actor, input: { id: string; method: FeeMethod; pages?: number | undefined }): Promise<FeeQuote> {
  const { bodyId, app } = await readable(s, actor, input.id);
  return feeQuoteOf(app, await s.register.applications(bodyId), input.method, input.pages);
}

/** The reply letter (答复书 or 终止办理告知书) or the extension letter, naming the applicant as the actor may see them. */
export async function letterOf(s: AppServices, actor: Actor, input: { id: string; kind: LetterKind }): Promise<{ letter: Letter; fileName: string }> {
  const { bodyId, app } = await readable(s, actor, input.id);
  const body = await bodyNamed(s, bodyId);
  const shown = canSeePersonalData(actor, bodyId) ? app : withMaskedName(app);
  const letter = input.kind === 'reply' ? replyLetter(body.name, shown) : extensionLetter(body.name, shown, dueOf(shown, await s.calendar()));
  return { letter, fileName: `${letter.title}-${app.id}.docx` };
}

/**
 * The register as the 台账 spreadsheet: applicants' names masked unless asked otherwise by someone
 * who may see them; an unmasked export is audited (personal data leaving the system).
 */
export async function exportApplications(s: AppServices, actor: Actor, input: { bodyId: string; unmasked: boolean }): Promise<FileDownload> {
  const { bodyId, unmasked } = input;
  mustRead(actor, bodyId);
  await bodyNamed(s, bodyId);
  if (unmasked && !canSeePersonalData(actor, bodyId)) throw forbidden('您不能导出未遮蔽的申请人信息');
  const apps = await s.register.applications(bodyId);
  if (unmasked) {
    // Personal data leaving the system: who took it, when, how many applicants.
    await s.db.transaction((tx) => writeAudit(tx, actorId(actor), 'export-unmasked', 'applications', bodyId, null, { count: apps.length, ids: apps.map((a) => a.id) }));
  }
  const { exportRegister } = await import('../../register/excel.js');
  const bytes = await exportRegister(unmasked ? apps : apps.map(withMaskedName));
  return { bytes, type: XLSX, fileName: `依申请公开台账-${bodyId}-${s.today()}.xlsx` };
}
