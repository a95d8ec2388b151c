/**
 * The citizen's side of the register (条例第二十九条): applying online, looking up the
 * application's status with its query code, the online 补正 and the withdrawal. No account: the
 * query code — shown once, kept only as a hash — is the applicant's key to one application.
 *
 * A wrong code and an unknown number get the same refusal, in the same time: the answer never
 * tells whether a number exists. The limit on submissions per client address is the server's
 * (it is about the network, not the register).
 */
import { maskContact, maskIdNumber } from '../accounts/mask.js';
import { dueOf } from '../register/lifecycle.js';
import { APPLICATION_NOTICE } from '../register/notice.js';
import {
  checkApplicationInput,
  contactLine,
  DELIVERIES,
  deliveryLabel,
  formatQueryCode,
  FORMS,
  formLabel,
  ID_KINDS,
  idKindLabel,
  queryCodeProblem,
  type ApplicationInput,
  type FieldErrors,
} from '../register/public-form.js';
import { correctionRefusal, publicView, withdrawalRefusal } from '../register/status.js';
import { APPLICANT_TYPES, type Application } from '../register/types.js';
import type { Db } from '../store/db.js';
import { PublicStore, type PublicRecord } from '../store/public-store.js';
import { TEMPLATE_2021 } from '../template/templates.js';
import type { AppServices } from './context.js';
import { observedBodyProblem } from './directory/index.js';
import { invalid, Refusal } from './errors.js';
import { appendEvent, logNumberedApplication, storedApplication } from './register/writes.js';

const NOT_FOUND = '没有找到该申请，或者申请编号与查询码不匹配，请核对后重试 (not found)';

/** Table 三's columns as the applicant reads them (“其他” alone would puzzle). */
const APPLICANT_TYPE_CHOICES = TEMPLATE_2021.applicationColumns
  .filter((c) => APPLICANT_TYPES.includes(c.key))
  .map((c) => ({ key: c.key, label: c.key === 'otherOrg' ? '其他法人或其他组织' : c.label }));

const applicantTypeLabel = (key: string) => APPLICANT_TYPE_CHOICES.find((c) => c.key === key)?.label ?? key;

/** The audit's name for an anonymous applicant: their browser's client id. */
const actorOf = (clientId: string) => `public:${clientId}`;

/** The contact line as the status page shows it: phone and e-mail masked, the postal address left out. */
const publicContact = (contact: string | undefined) =>
  (maskContact(contact) ?? '')
    .split('；')
    .map((part) => (part.startsWith('地址 ') ? '地址（不显示）' : part))
    .join('；');

// ---------------------------------------------------------------------------------------------
// One change at a time per application

const queues = new WeakMap<Db, Map<string, Promise<unknown>>>();

/**
 * Run changes to one application one after another (a double tap on 提交 sends two requests):
 * the check of what may happen and the change then see the same state. One server process, as
 * for the rate limit.
 */
async function serialized<T>(s: AppServices, applicationId: string, work: () => Promise<T>): Promise<T> {
  let pending = queues.get(s.db);
  if (!pending) queues.set(s.db, (pending = new Map()));
  const run = (pending.get(applicationId) ?? Promise.resolve()).then(work);
  const tail = run.catch(() => undefined);
  pending.set(applicationId, tail);
  try {
    return await run;
  } finally {
    if (pending.get(applicationId) === tail) pending.delete(applicationId);
  }
}

// ---------------------------------------------------------------------------------------------

/** The notice to read before applying, and the choices of the form. */
export function publicFormInfo() {
  return {
    notice: [...APPLICATION_NOTICE],
    applicantTypes: APPLICANT_TYPE_CHOICES,
    idKinds: ID_KINDS.map((k) => ({ ...k })),
    forms: FORMS.map((f) => ({ ...f })),
    deliveries: DELIVERIES.map((d) => ({ ...d })),
  };
}

function newApplication(input: ApplicationInput, receivedOn: string): Omit<Application, 'events' | 'id'> {
  const strictId = input.idKind === 'resident' || input.idKind === 'uscc';
  return {
    applicant: {
      type: input.applicantType as Application['applicant']['type'],
      name: input.name.trim(),
      idNumber: strictId ? input.idNumber.trim().toUpperCase() : input.idNumber.trim(),
      contact: contactLine(input),
    },
    description: input.description.trim(),
    form: formLabel(input.form),
    delivery: deliveryLabel(input.delivery),
    channel: 'online',
    receivedOn,
  };
}

/** What an accepted application's applicant is told once: the number, the query code, the due date. */
export interface Submitted {
  id: string;
  queryCode: string;
  bodyName: string;
  receivedOn: string;
  due: { date: string; provisional: boolean };
}

/** Accepted, or refused field by field (one Chinese sentence per field). */
export type SubmitResult = { ok: true; submitted: Submitted } | { ok: false; error: string; fields: FieldErrors };

/** An application submitted online by the client `clientId`: numbered, received today, with its query code. */
export async function submitApplication(s: AppServices, clientId: string, input: ApplicationInput): Promise<SubmitResult> {
  const fields = checkApplicationInput(input, APPLICANT_TYPES);
  const bodyName = fields.bodyId ? null : await s.register.bodyName(input.bodyId);
  if (!fields.bodyId && bodyName === null) fields.bodyId = '所选机关不存在，请重新选择';
  if (!fields.bodyId && bodyName !== null) {
    const observed = await observedBodyProblem(s.db, input.bodyId);
    if (observed) fields.bodyId = observed;
  }
  if (Object.keys(fields).length > 0) {
    return { ok: false, error: `申请表有 ${Object.keys(fields).length} 处需要修改：${Object.values(fields).join('；')}`, fields };
  }
  const actor = actorOf(clientId);
  // 第三十一条: an online application is received on the day both sides confirm it. The system
  // confirms it at once, in this answer, so that confirmation is the 双方确认 and today is the
  // date of receipt; the reply clock runs from it.
  const receivedOn = s.today();
  let code = '';
  const application = newApplication(input, receivedOn);
  const id = await logNumberedApplication(s, actor, input.bodyId, application, async (tx, newId) => {
    code = await PublicStore.issueCode(tx, newId, input.idKind, actor);
  });
  const due = dueOf({ ...application, id, events: [] }, await s.calendar());
  return { ok: true, submitted: { id, queryCode: formatQueryCode(code), bodyName: bodyName!, receivedOn, due: { date: due.due, provisional: due.provisional } } };
}

/** The application behind a number and its code, or the one refusal. */
async function opened(s: AppServices, id: string, code: string): Promise<{ app: Application; record: PublicRecord }> {
  const record = queryCodeProblem(code) ? null : await new PublicStore(s.db).lookup(id, code);
  if (!record) throw new Refusal('notFound', NOT_FOUND);
  return { app: await storedApplication(s, id), record };
}

/** The application as its applicant sees it: status, timeline, due date, what they may do now. */
async function statusOf(s: AppServices, application: Application, record: PublicRecord) {
  const view = publicView(application);
  const due = dueOf(application, await s.calendar());
  const text = view.correction?.receivedOn ? (await new PublicStore(s.db).correction(application.id))?.text : undefined;
  const { applicant } = application;
  return {
    id: application.id,
    bodyName: record.bodyName,
    applicant: {
      typeLabel: applicantTypeLabel(applicant.type),
      name: applicant.name,
      idKindLabel: idKindLabel(record.idKind),
      idNumber: maskIdNumber(applicant.idNumber) ?? '',
      contact: publicContact(applicant.contact),
    },
    description: application.description,
    form: application.form ?? null,
    delivery: application.delivery ?? null,
    receivedOn: application.receivedOn,
    ...view,
    ...(view.correction ? { correction: { ...view.correction, ...(text ? { text } : {}) } } : {}),
    due: { date: due.due, provisional: due.provisional, steps: [...due.steps] },
    canCorrect: correctionRefusal(application) === undefined,
    canWithdraw: withdrawalRefusal(application) === undefined,
  };
}

/** Where an application stands, for whoever holds its number and code. */
export async function publicStatus(s: AppServices, input: { id: string; code: string }) {
  const { app, record } = await opened(s, input.id, input.code);
  return statusOf(s, app, record);
}

/** The applicant's 补正, online, once, while one is asked for (条例第三十条); kept beside its event. */
export async function submitCorrection(s: AppServices, clientId: string, input: { id: string; code: string; text: string }) {
  const { id } = input;
  const { record } = await opened(s, id, input.code);
  const correctionText = input.text.trim();
  if (correctionText.length < 2) throw invalid('请填写补正内容：按补正通知写明所需政府信息的名称、文号或其他特征性描述');
  const actor = actorOf(clientId);
  const after = await serialized(s, id, async () => {
    const refusal = correctionRefusal(await storedApplication(s, id));
    if (refusal) throw invalid(refusal);
    const today = s.today();
    return appendEvent(s, actor, id, { kind: 'correctionReceived', on: today }, (tx) => PublicStore.saveCorrection(tx, id, correctionText, today, actor));
  });
  return statusOf(s, after, record);
}

/** The applicant withdraws the application, while it is open. */
export async function withdrawApplication(s: AppServices, clientId: string, input: { id: string; code: string }) {
  const { id } = input;
  const { record } = await opened(s, id, input.code);
  const actor = actorOf(clientId);
  const after = await serialized(s, id, async () => {
    const refusal = withdrawalRefusal(await storedApplication(s, id));
    if (refusal) throw invalid(refusal);
    return appendEvent(s, actor, id, { kind: 'withdrawn', on: s.today() });
  });
  return statusOf(s, after, record);
}
