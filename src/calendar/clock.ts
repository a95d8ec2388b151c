/**
 * The statutory reply clock of a disclosure application (条例 第三十条、第三十三条). Pure: the events go in, the
 * due date and a step-by-step explanation in Chinese come out.
 *
 * - Art. 33 para. 2: reply within 20 working days of receipt; with the disclosure-office head's approval and
 *   notice to the applicant, at most 20 further working days.
 * - Art. 30: after a 补正 (correction) request the period runs from the day the corrected application is
 *   received — a full restart, not a pause.
 * - Art. 33 para. 3: time spent consulting third parties or other agencies is not counted.
 *
 * Counting (§6.2 of the law-and-practice notes): the start day is not counted; the due date is the 20th
 * (40th with the extension) counted working day after it.
 *
 * Pauses. The clock counts working days after the start and skips every day that lies in a pause (each pause is
 * an inclusive range of calendar days). So:
 * - the due date moves later by the number of paused working days that fall after the clock start;
 * - pauses that overlap each other are merged: a day in two consultations at once is skipped once;
 * - the part of a pause on or before the clock start is ignored (e.g. before the corrected application came
 *   in): the clock was not running, so there is nothing to stop;
 * - a pause that begins after the period has already run out does not revive it (it would only postpone a
 *   deadline already missed); its step says so. Every other pause ends before the due date, because the due
 *   date is itself a counted, unpaused day.
 * A pause may not begin before the application was received: that is a data-entry error.
 */
import {
  CalendarInputError,
  dateText,
  dayNumber,
  type WorkingDayCalendar,
} from './calendar.js';

/** Working days for the reply (第三十三条第二款). */
export const REPLY_WORKING_DAYS = 20;
/** At most this many further working days with an extension (第三十三条第二款). */
export const EXTENSION_WORKING_DAYS = 20;
/** The body tells the applicant what to correct within this many working days of receipt (第三十条). */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;

/** A consultation whose time is not counted (inclusive range). */
export interface ClockPause {
  readonly from: string;
  readonly to: string;
  /** Who was consulted; only changes the wording of the step. */
  readonly kind?: 'third-party' | 'agency';
}

export interface ReplyClockInput {
  /** Date of receipt as fixed by Art. 31 (e.g. the day both sides confirmed an online application). */
  readonly received: string;
  /** The day the corrected application was received (Art. 30); the clock restarts from it. */
  readonly correctionReceived?: string;
  /** The period was extended by 20 working days (Art. 33 para. 2). */
  readonly extended?: boolean;
  readonly pauses?: readonly ClockPause[];
  /**
   * A later reply date the body fixed and told the applicant (Art. 35: reasons for an unusually large volume
   * of applications found reasonable, but no reply possible within the Art. 33 periods). Must be after the
   * statutory due date; it then becomes the due date.
   */
  readonly laterDate?: string;
}

export interface ClockStep {
  readonly label: string;
  readonly date: string;
  readonly note?: string;
}

export interface ReplyDue {
  readonly due: string;
  /** True when a day the result depends on is in a year whose holiday schedule we do not have. */
  readonly provisional: boolean;
  readonly steps: readonly ClockStep[];
}

const PAUSE_LABELS = {
  'third-party': '征求第三方意见（不计入期限）',
  agency: '征求有关机关意见（不计入期限）',
  unspecified: '征求第三方或有关机关意见（不计入期限）',
} as const;

/** The clock gives up after this many calendar days (a pause of a century is a typo). */
const MAX_CLOCK_DAYS = 100 * 366;

interface CheckedPause {
  readonly from: number;
  readonly to: number;
  readonly source: ClockPause;
  /** Working days of this pause the clock skipped (days shared with an earlier pause count there). */
  skipped: number;
  overlaps: boolean;
}

/** Compute the reply due date; throws `CalendarInputError` (Chinese message) on bad input. */
export function replyDue(input: ReplyClockInput, calendar: WorkingDayCalendar): ReplyDue {
  const received = dayNumber(input.received, '收到申请的日期');
  let start = received;
  if (input.correctionReceived !== undefined) {
    start = dayNumber(input.correctionReceived, '收到补正申请的日期');
    if (start < received) {
      throw new CalendarInputError(
        `收到补正申请的日期 ${input.correctionReceived} 早于收到申请的日期 ${input.received} (correction before receipt)`,
      );
    }
  }
  const pauses = checkPauses(input.pauses ?? [], received, input.received);

  // Which pause each skipped day belongs to: the earliest-starting one that contains it.
  const pauseOf = (day: number): CheckedPause | undefined => pauses.find((p) => p.from <= day && day <= p.to);

  const target = input.extended ? REPLY_WORKING_DAYS + EXTENSION_WORKING_DAYS : REPLY_WORKING_DAYS;
  const uncovered = new Set<number>();
  let provisional = false;
  let counted = 0;
  let baseDue: string | undefined;
  let due: string | undefined;
  for (let day = start + 1; day <= start + MAX_CLOCK_DAYS && !due; day++) {
    const info = calendar.dayInfo(dateText(day));
    if (!info.covered) {
      provisional = true;
      uncovered.add(Number(info.date.slice(0, 4)));
    }
    const pause = pauseOf(day);
    if (pause) {
      if (info.work) pause.skipped++;
      continue;
    }
    if (!info.work) continue;
    counted++;
    if (counted === REPLY_WORKING_DAYS) baseDue = info.date;
    if (counted === target) due = info.date;
  }
  if (!due || !baseDue) throw new CalendarInputError('无法在合理范围内算出答复期限，请检查暂停期间 (no due date found)');

  const steps: { step: ClockStep; order: number }[] = [];
  const add = (date: string, label: string, note?: string) =>
    steps.push({ step: note ? { label, date, note } : { label, date }, order: steps.length });

  const notes = (...parts: (string | undefined)[]) => parts.filter(Boolean).join('；') || undefined;
  const receivedInfo = calendar.dayInfo(input.received);
  const noticeBy = calendar.addWorkingDays(input.received, CORRECTION_NOTICE_WORKING_DAYS);
  add(
    input.received,
    '收到申请',
    receivedInfo.work
      ? undefined
      : `当日为${(receivedInfo.source === 'package' || receivedInfo.source === 'statute') && receivedInfo.name ? `${receivedInfo.name}假期` : '休息日'}，期限自其后第一个工作日起计算`,
  );
  add(
    noticeBy.date,
    `补正告知期限（${CORRECTION_NOTICE_WORKING_DAYS}个工作日）`,
    notes(
      '申请内容不明确的，应在此日前一次性告知申请人需要补正的事项和合理的补正期限（第三十条）',
      noticeBy.provisional ? '日期暂定' : undefined,
    ),
  );
  if (input.correctionReceived !== undefined) {
    const original = calendar.addWorkingDays(input.received, REPLY_WORKING_DAYS);
    add(
      input.correctionReceived,
      '收到补正后的申请',
      `答复期限自收到补正申请之日起重新计算（第三十条），原按收到申请之日计算的期限 ${original.date} 不再适用`,
    );
  }
  const dueNumber = dayNumber(due);
  for (const p of pauses) {
    const range = `${p.source.from} 至 ${p.source.to}`;
    let note: string;
    if (p.to <= start) note = `${range}，在答复期限起算之前，不影响期限`;
    else if (p.from > dueNumber) note = `${range}，开始时答复期限已届满，不再顺延`;
    else note = `${range}，其中 ${p.skipped} 个工作日不计入期限${p.overlaps ? '（与其他征求意见期间重叠的日期只计一次）' : ''}`;
    add(p.source.from, PAUSE_LABELS[p.source.kind ?? 'unspecified'], note);
  }
  const skipped = pauses.reduce((sum, p) => sum + p.skipped, 0);
  const skippedBeforeBase = pauses.reduce((sum, p) => sum + (p.from <= dayNumber(baseDue) ? p.skipped : 0), 0);
  const provisionalNote = provisional
    ? `计算涉及 ${[...uncovered].sort().join('、')} 年，尚未收录该年国务院节假日安排：已按《全国年节及纪念日放假办法》排除法定节假日，调休暂按周一至周五推算，结果暂定`
    : undefined;
  add(
    baseDue,
    `${REPLY_WORKING_DAYS}个工作日届满`,
    notes(
      skippedBeforeBase ? `已扣除征求意见的 ${skippedBeforeBase} 个工作日` : undefined,
      input.extended ? undefined : provisionalNote,
    ),
  );
  if (input.extended) {
    add(
      due,
      `延长${EXTENSION_WORKING_DAYS}个工作日`,
      notes(
        '经政府信息公开工作机构负责人同意并告知申请人，延长不超过20个工作日（第三十三条第二款）',
        skipped > skippedBeforeBase ? `延长期间扣除征求意见的 ${skipped - skippedBeforeBase} 个工作日` : undefined,
        provisionalNote,
      ),
    );
  }

  let final = due;
  if (input.laterDate !== undefined) {
    const later = dayNumber(input.laterDate, '确定的延迟答复日期');
    if (later <= dueNumber) {
      throw new CalendarInputError(`确定的延迟答复日期 ${input.laterDate} 应晚于法定答复期限 ${due} (later date not after the due date)`);
    }
    final = input.laterDate;
    add(input.laterDate, '确定的延迟答复期限', '申请数量、频次明显超过合理范围，理由合理但无法在法定期限内答复，本机关确定延迟答复的合理期限并告知申请人（第三十五条）');
  }

  // A timeline: by date, and in the order above for the same date.
  steps.sort((a, b) => a.step.date.localeCompare(b.step.date) || a.order - b.order);
  return { due: final, provisional: provisional && final === due, steps: steps.map((s) => s.step) };
}

function checkPauses(pauses: readonly ClockPause[], received: number, receivedText: string): CheckedPause[] {
  if (!Array.isArray(pauses)) throw new CalendarInputError('暂停期间应为列表 (pauses must be a list)');
  const checked = pauses.map((source, i): CheckedPause => {
    const which = pauses.length > 1 ? `第${i + 1}段` : '';
    const from = dayNumber(source.from, `${which}征求意见期间的起始日期`);
    const to = dayNumber(source.to, `${which}征求意见期间的结束日期`);
    if (to < from) {
      throw new CalendarInputError(`${which}征求意见期间的结束日期 ${source.to} 早于起始日期 ${source.from} (pause ends before it starts)`);
    }
    if (from < received) {
      throw new CalendarInputError(
        `${which}征求意见期间的起始日期 ${source.from} 早于收到申请的日期 ${receivedText} (pause before receipt)`,
      );
    }
    return { from, to, source, skipped: 0, overlaps: false };
  });
  checked.sort((a, b) => a.from - b.from || a.to - b.to);
  checked.forEach((p, i) => {
    const other = checked.some((q, j) => j !== i && q.from <= p.to && p.from <= q.to);
    if (other) p.overlaps = true;
  });
  return checked;
}
