/** `gongkai due`: the reply due date of a disclosure application (条例 第三十条、第三十三条). */
import { CalendarInputError, WorkCalendar, weekdayZh } from '../calendar/calendar.js';
import { replyDue, type ClockPause } from '../calendar/clock.js';
import { writeOutput } from './io.js';

export interface DueCommandOptions {
  received: string;
  correctionReceived?: string;
  extended?: boolean;
  /** Inclusive ranges written `YYYY-MM-DD:YYYY-MM-DD`. */
  pause?: string[];
  json?: boolean;
}

function parsePause(text: string): ClockPause {
  const parts = text.split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new CalendarInputError(`--pause 应写成 起始日期:结束日期，例如 2025-10-09:2025-10-20，收到“${text}” (expected FROM:TO)`);
  }
  return { from: parts[0], to: parts[1] };
}

export async function dueCommand(opts: DueCommandOptions): Promise<number> {
  let result;
  try {
    result = replyDue(
      {
        received: opts.received,
        ...(opts.correctionReceived !== undefined ? { correctionReceived: opts.correctionReceived } : {}),
        extended: opts.extended === true,
        pauses: (opts.pause ?? []).map(parsePause),
      },
      new WorkCalendar(),
    );
  } catch (error) {
    if (!(error instanceof CalendarInputError)) throw error;
    process.stderr.write(`gongkai due: ${error.message}\n`);
    return 2;
  }
  if (opts.json) {
    await writeOutput(undefined, `${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const lines = [`答复期限 (reply due)：${result.due} ${weekdayZh(result.due)}`];
  for (const step of result.steps) {
    lines.push(`  ${step.date} ${weekdayZh(step.date)}  ${step.label}${step.note ? `——${step.note}` : ''}`);
  }
  if (result.provisional) {
    lines.push('注意：结果为临时结果 (provisional)——涉及尚未公布或未收录节假日安排的年份，公布后请重新计算。');
  }
  await writeOutput(undefined, `${lines.join('\n')}\n`);
  return 0;
}
