/**
 * The opinion box (意见箱): anyone leaves an opinion, a suggestion, a complaint or a report about a
 * body's disclosure work and gets a number and a random query code (only its hash is kept); with
 * both they read it and its answer back (a wrong code and an unknown number are the same 404).
 * The body's staff read the opinions, its officers answer them, and the year's figures draft
 * section 五 (监督保障) of the annual report.
 */
import { maskContact } from '../accounts/mask.js';
import { actorId, canReadRegister, canSeeBody, canSeePersonalData, canWriteRegister, type SessionUser } from '../accounts/permissions.js';
import {
  answerDate,
  answerProblem,
  checkOpinionInput,
  formatOpinionNo,
  maskName,
  opinionFigures,
  opinionKindLabel,
  workingDaysTaken,
  type OpinionInput,
  type OpinionKind,
} from '../catalogue/opinions.js';
import { formatQueryCode, queryCodeProblem } from '../register/public-form.js';
import { writeAudit } from '../store/audit.js';
import { OpinionStore, type OpinionRecord } from '../store/opinion-store.js';
import { bodyRef, fieldRefusal, findBody, type BodyRef, type FieldRefusal } from './catalogue-public.js';
import type { AppServices } from './context.js';
import { forbidden, invalid, notFound, Refusal } from './errors.js';

const OPINION_NOT_FOUND = '没有找到该意见，或者编号与查询码不匹配，请核对后重试 (not found)';

/** An opinion as a reader sees it: name and contact in full only for the body's officer. */
function opinionView(o: OpinionRecord, personal: boolean) {
  return {
    refNo: o.refNo,
    bodyId: o.bodyId,
    bodyName: o.bodyName,
    kind: o.kind,
    kindLabel: opinionKindLabel(o.kind),
    subject: o.subject,
    text: o.text,
    name: personal ? o.name : maskName(o.name),
    contact: personal ? o.contact : (maskContact(o.contact ?? undefined) ?? null),
    receivedOn: o.receivedOn,
    answer: o.answer,
    answeredOn: o.answeredOn,
  };
}

/** As the body's staff see it: open or answered, and the working days taken or waited so far. */
async function officerView(s: AppServices, o: OpinionRecord, personal: boolean) {
  const calendar = await s.calendar();
  return { ...opinionView(o, personal), state: o.answer === null ? ('open' as const) : ('answered' as const), days: workingDaysTaken(calendar, o.receivedOn, o.answeredOn ?? s.today()) };
}

// ---------------------------------------------------------------------------------------------
// The public

/**
 * Number and keep a new opinion, or refuse it field by field. `client` is the browser's id (the
 * audit log's `public:<client>`); the query code is returned once and never kept.
 */
export async function submitOpinion(
  s: AppServices,
  client: string,
  input: OpinionInput,
): Promise<{ refNo: string; queryCode: string; bodyName: string; receivedOn: string } | FieldRefusal> {
  const problems = checkOpinionInput(input);
  const body = problems.bodyId ? null : await findBody(s.db, input.bodyId.trim());
  const refused = fieldRefusal('表单', body || problems.bodyId ? problems : { ...problems, bodyId: '所选机关不存在，请重新选择' });
  // Without a body, bodyId is among the refused fields.
  if (refused || !body) return refused as FieldRefusal;
  const opinion = {
    bodyId: body.id,
    kind: input.kind as OpinionKind,
    subject: input.subject.trim(),
    text: input.text.trim(),
    name: input.name?.trim() || undefined,
    contact: input.contact?.trim() || undefined,
  };
  const receivedOn = s.today();
  const actor = `public:${client}`;
  const store = new OpinionStore(s.db);
  const { refNo, code } = await s.db.transaction(async (tx) => {
    const year = Number(receivedOn.slice(0, 4));
    const refNo = formatOpinionNo(opinion.bodyId, year, await store.nextSerial(tx, opinion.bodyId, year));
    const code = await store.insert(tx, refNo, opinion, receivedOn, actor);
    await writeAudit(tx, actor, 'create', 'opinion', refNo, null, { ...opinion, receivedOn });
    return { refNo, code };
  });
  return { refNo, queryCode: formatQueryCode(code), bodyName: body.name, receivedOn };
}

/** The opinion and its answer, by number and query code. The writer sees their own words; name and contact stay masked. */
export async function opinionStatus(s: AppServices, refNo: string, code: string) {
  const found = queryCodeProblem(code) ? null : await new OpinionStore(s.db).lookup(refNo, code);
  if (!found) throw new Refusal('notFound', OPINION_NOT_FOUND);
  return opinionView(found, false);
}

// ---------------------------------------------------------------------------------------------
// The body's staff

/** The body, if the user may read its opinions. */
async function readableBody(s: AppServices, user: SessionUser, bodyId: string): Promise<BodyRef> {
  if (!canReadRegister(user, bodyId)) throw forbidden('您不能查看该机关收到的意见');
  return bodyRef(s.db, bodyId);
}

export async function listOpinions(s: AppServices, user: SessionUser, bodyId: string, filter: { status?: 'open' | 'answered' | undefined; year?: number | undefined }) {
  const body = await readableBody(s, user, bodyId);
  const personal = canSeePersonalData(user, bodyId);
  const rows = await new OpinionStore(s.db).list(bodyId, filter);
  const opinions = await Promise.all(rows.map((o) => officerView(s, o, personal)));
  return { body, canAnswer: canWriteRegister(user, bodyId), personal, today: s.today(), opinions };
}

/** Answer an opinion, or correct the answer (a correction keeps the first answer's date). */
export async function answerOpinion(s: AppServices, user: SessionUser, bodyId: string, refNo: string, text: string) {
  await readableBody(s, user, bodyId);
  if (!canWriteRegister(user, bodyId)) throw forbidden('只有本机关的经办人可以答复意见');
  const problem = answerProblem(text);
  if (problem) throw invalid(problem);
  const store = new OpinionStore(s.db);
  const actor = actorId(user);
  const today = s.today();
  const after = await s.db.transaction(async (tx) => {
    const before = await store.get(bodyId, refNo, tx, true);
    if (!before) return null;
    const answer = { answer: text.trim(), answeredOn: answerDate(before.answeredOn, today), answeredBy: actor };
    await store.setAnswer(tx, refNo, answer);
    const after = { ...before, ...answer };
    await writeAudit(tx, actor, before.answer === null ? 'answer' : 'amend-answer', 'opinion', refNo, before, after);
    return after;
  });
  if (!after) throw notFound('意见');
  return officerView(s, after, canSeePersonalData(user, bodyId));
}

/** The year's figures by kind with response times, and the sentence for section 五 of the annual report. */
export async function opinionYearFigures(s: AppServices, user: SessionUser, bodyId: string, year: number) {
  if (!canSeeBody(user, bodyId)) throw forbidden('您不能查看该机关的统计');
  const body = await bodyRef(s.db, bodyId);
  const result = opinionFigures(await new OpinionStore(s.db).facts(bodyId, year), year, await s.calendar());
  return { body, ...result };
}
