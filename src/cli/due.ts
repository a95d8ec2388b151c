/** `gongkai due`: the reply due date of a disclosure application (条例 第三十条、第三十三条、第三十五条). */
import { CalendarInputError, WorkCalendar, weekdayZh } from '../calendar/calendar.js';
import { readCalendarFile } from '../calendar/calendar-file.js';
import { replyDue, type ClockPause } from '../calendar/clock.js';
import type { DueCommandOptions } from './due-help.js';
import { describeError, readInput, writeOutput } from './io.js';

export type { DueCommandOptions } from './due-help.js';

function parsePause(text: string): ClockPause {
  const parts = text.split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new CalendarInputError(`--pause 应写成 起始日期:结束日期，例如 2025-10-09:2025-10-20，收到“${text}” (expected FROM:TO)`);
  }
  return { from: parts[0], to: parts[1] };
}

/** The calendar, with the file's arrangement when one is given; undefined after a complaint. */
async function calendarOf(file: string | undefined): Promise<WorkCalendar | undefined> {
  if (file === undefined) return new WorkCalendar();
  let text: string;
  try {
    text = new TextDecoder().decode(await readInput(file));
  } catch (error) {
    process.stderr.write(`gongkai due: --calendar ${file}：${describeError(error)}\n`);
    return undefined;
  }
  const contents = readCalendarFile(text);
  for (const warning of contents.warnings) process.stderr.write(`gongkai due: 提示：${warning}\n`);
  return new WorkCalendar(contents.overrides, { completeYears: contents.completeYears });
}

export async function dueCommand(opts: DueCommandOptions): Promise<number> {
  let result;
  try {
    const calendar = await calendarOf(opts.calendar);
    if (!calendar) return 2;
    result = replyDue(
      {
        received: opts.received,
        ...(opts.correctionReceived !== undefined ? { correctionReceived: opts.correctionReceived } : {}),
        ...(opts.later !== undefined ? { laterDate: opts.later } : {}),
        extended: opts.extended === true,
        pauses: (opts.pause ?? []).map(parsePause),
      },
      calendar,
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
  const lines = [`答复期限 (reply due)：${result.due} ${weekdayZh(result.due)}${result.provisional ? '（暂定）' : ''}`];
  for (const step of result.steps) {
    lines.push(`  ${step.date} ${weekdayZh(step.date)}  ${step.label}${step.note ? `——${step.note}` : ''}`);
  }
  if (result.provisional) {
    lines.push('注意：结果为临时结果 (provisional)——涉及尚未公布或未收录调休安排的年份（法定节假日已排除），公布后请重新计算，或用 --calendar 给出该年安排。');
  }
  await writeOutput(undefined, `${lines.join('\n')}\n`);
  return 0;
}
