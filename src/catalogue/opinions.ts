/**
 * The opinion box (意见箱), as pure data and arithmetic shared by the server and the browser: the
 * kinds, the checks of the public form (the same Chinese message beside a field whether the
 * browser or the API refused it), the numbering, masking, and the year's figures for section 五
 * (监督保障) of the annual report with their working-day response times.
 *
 * Response time: working days after the day of receipt up to and including the day of the
 * answer (the day of receipt is not counted, as for every period of the 条例); an answer on the
 * day of receipt took 0 working days.
 */
import type { WorkingDayCalendar } from '../calendar/calendar.js';

export const OPINION_KINDS = [
  { key: 'suggestion', label: '意见建议' },
  { key: 'complaint', label: '投诉' },
  { key: 'report', label: '举报' },
] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number]['key'];

export const opinionKindLabel = (key: string): string => OPINION_KINDS.find((k) => k.key === key)?.label ?? key;
const isOpinionKind = (key: string): key is OpinionKind => OPINION_KINDS.some((k) => k.key === key);

export const OPINION_LIMITS = { subject: 100, text: 3000, name: 50, contact: 100, answer: 3000 } as const;
const OPINION_TEXT_MIN = 5;

export interface OpinionInput {
  bodyId: string;
  kind: string;
  subject: string;
  text: string;
  name?: string;
  contact?: string;
}

export type OpinionField = keyof OpinionInput;
export type OpinionFieldErrors = Partial<Record<OpinionField, string>>;

const tooLong = (value: string | undefined, max: number) => (value ?? '').trim().length > max;

/** Every problem of a filled-in opinion form, by field; empty when it may be sent. */
export function checkOpinionInput(input: OpinionInput): OpinionFieldErrors {
  const errors: OpinionFieldErrors = {};
  if (!input.bodyId.trim()) errors.bodyId = '请选择意见所涉及的机关';
  if (!isOpinionKind(input.kind)) errors.kind = '请选择类别：意见建议、投诉或举报';
  const subject = input.subject.trim();
  if (!subject) errors.subject = '请填写标题，用一句话概括您的意见';
  else if (subject.length > OPINION_LIMITS.subject) errors.subject = `标题不超过 ${OPINION_LIMITS.subject} 个字`;
  const text = input.text.trim();
  if (text.length < OPINION_TEXT_MIN) errors.text = `请写明具体内容（至少${OPINION_TEXT_MIN}个字）：涉及的信息、时间、经过和您的诉求`;
  else if (text.length > OPINION_LIMITS.text) errors.text = `内容不超过 ${OPINION_LIMITS.text} 个字`;
  if (tooLong(input.name, OPINION_LIMITS.name)) errors.name = `姓名不超过 ${OPINION_LIMITS.name} 个字`;
  if (tooLong(input.contact, OPINION_LIMITS.contact)) errors.contact = `联系方式不超过 ${OPINION_LIMITS.contact} 个字`;
  return errors;
}

/** The answer an officer writes: not empty, not a novel. */
export function answerProblem(text: string): string | undefined {
  const t = text.trim();
  if (t.length < 2) return '请填写答复内容';
  if (t.length > OPINION_LIMITS.answer) return `答复不超过 ${OPINION_LIMITS.answer} 个字`;
  return undefined;
}

/** The date an answer counts from: a correction keeps the first answer's date, when the writer was answered. */
export const answerDate = (firstAnsweredOn: string | null, today: string): string => firstAnsweredOn ?? today;

/** yl-YJ-2026-0001: the body, 意见 (YJ), the year of receipt, the serial. */
export function formatOpinionNo(bodyId: string, year: number, serial: number): string {
  return `${bodyId}-YJ-${year}-${String(serial).padStart(4, '0')}`;
}

/** 李秀英 → 李**: enough to recognise one's own, not enough to identify a stranger. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** Working days from receipt (not counted) to `until` (counted). */
export function workingDaysTaken(calendar: WorkingDayCalendar, receivedOn: string, until: string): { days: number; provisional: boolean } {
  if (until <= receivedOn) return { days: 0, provisional: !calendar.dayInfo(receivedOn).covered };
  return calendar.workingDaysBetween(receivedOn, until);
}

// ---------------------------------------------------------------------------------------------
// The year's figures (监督保障)

export interface OpinionFact {
  kind: string;
  receivedOn: string;
  answeredOn: string | null;
}

export interface KindFigures {
  kind: OpinionKind;
  label: string;
  received: number;
  /** Answered by 31 December of the year. */
  answered: number;
  /** Not answered by 31 December. */
  open: number;
  /** Working days from receipt to answer, over the answered ones; null when none. */
  averageDays: number | null;
  longestDays: number | null;
}

export interface OpinionFigures {
  year: number;
  kinds: KindFigures[];
  total: Omit<KindFigures, 'kind' | 'label'>;
  /** A response time depends on a year whose holiday schedule is not known yet (暂定). */
  provisional: boolean;
  /** The drafted sentence for section 五 (监督保障) of the annual report. */
  sentence: string;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function figuresOf(facts: readonly OpinionFact[], yearEnd: string, calendar: WorkingDayCalendar): Omit<KindFigures, 'kind' | 'label'> & { provisional: boolean } {
  const answered = facts.filter((f) => f.answeredOn !== null && f.answeredOn <= yearEnd);
  const taken = answered.map((f) => workingDaysTaken(calendar, f.receivedOn, f.answeredOn!));
  const days = taken.map((t) => t.days);
  return {
    received: facts.length,
    answered: answered.length,
    open: facts.length - answered.length,
    averageDays: days.length ? round1(days.reduce((a, b) => a + b, 0) / days.length) : null,
    longestDays: days.length ? Math.max(...days) : null,
    provisional: taken.some((t) => t.provisional),
  };
}

/**
 * The figures of the opinions received in `year`, by kind and in total. An opinion counts as
 * answered when its answer is dated by 31 December of the year, so the figures of a past year
 * no longer change.
 */
export function opinionFigures(facts: readonly OpinionFact[], year: number, calendar: WorkingDayCalendar): OpinionFigures {
  const ofYear = facts.filter((f) => f.receivedOn.startsWith(`${year}-`));
  const yearEnd = `${year}-12-31`;
  const withoutFlag = (f: ReturnType<typeof figuresOf>) => ({ received: f.received, answered: f.answered, open: f.open, averageDays: f.averageDays, longestDays: f.longestDays });
  const kinds = OPINION_KINDS.map((k) => ({ kind: k.key, label: k.label, ...withoutFlag(figuresOf(ofYear.filter((x) => x.kind === k.key), yearEnd, calendar)) }));
  const all = figuresOf(ofYear, yearEnd, calendar);
  const figures = { year, kinds, total: withoutFlag(all), provisional: all.provisional };
  return { ...figures, sentence: figuresSentence(figures) };
}

/** “平均4.5个工作日” without a trailing “.0”. */
const daysText = (d: number) => `${Number.isInteger(d) ? d : d.toFixed(1)}个工作日`;

/** The sentence for section 五 of the annual report, drafted from the figures. */
export function figuresSentence(f: Pick<OpinionFigures, 'year' | 'kinds' | 'total' | 'provisional'>): string {
  const { total } = f;
  const channel = `${f.year}年，本机关通过政府信息公开意见箱、监督信箱和举报电话等渠道接受社会监督`;
  if (total.received === 0) return `${channel}，全年未收到涉及政府信息公开工作的意见建议、投诉和举报。`;
  const byKind = f.kinds.map((k) => `${k.label}${k.received}件`).join('、');
  const answered = total.open === 0 ? '均已答复' : `年内已答复${total.answered}件，尚有${total.open}件正在办理`;
  const timing =
    total.averageDays !== null && total.longestDays !== null
      ? `，平均答复用时${daysText(total.averageDays)}，最长${daysText(total.longestDays)}${f.provisional ? '（含暂定的节假日安排）' : ''}`
      : '';
  return `${channel}，共收到公众意见${total.received}件，其中${byKind}，${answered}${timing}。`;
}
