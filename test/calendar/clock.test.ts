/**
 * The reply clock (条例 第三十条、第三十三条) and `gongkai due`. Every expected date is counted by hand from the
 * State Council schedule (see test/calendar/calendar.test.ts for the 2024–2026 tables); the start day is not
 * counted.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CalendarInputError, WorkCalendar } from '../../src/calendar/calendar.js';
import { replyDue, type ReplyDue } from '../../src/calendar/clock.js';

const cal = new WorkCalendar();
/** The steps of the reply period itself, without the 补正 notice deadline every result also lists (tested on its own). */
const main = (r: ReplyDue) => r.steps.filter((s) => !s.label.startsWith('补正告知期限'));
const labels = (r: ReplyDue) => main(r).map((s) => `${s.date} ${s.label}`);

describe('the 20 working days (第三十三条第二款)', () => {
  it('runs from the day after receipt: 2025-09-26 → 2025-10-30', () => {
    // Sep 28(Sun, 调休) 29 30 = 3; Oct 1–8 off; 9 10 11(Sat, 调休) = 6; 13–17 = 11; 20–24 = 16; 27 28 29 30 = 20
    const r = replyDue({ received: '2025-09-26' }, cal);
    expect(r).toEqual({
      due: '2025-10-30',
      provisional: false,
      steps: [
        { label: '收到申请', date: '2025-09-26' },
        // The 补正 notice: Sep 28 (Sun, 调休) 29 30 = 3; Oct 1–8 off; 9 10 11 (Sat, 调休) = 6; 13 = 7
        {
          label: '补正告知期限（7个工作日）',
          date: '2025-10-13',
          note: '申请内容不明确的，应在此日前一次性告知申请人需要补正的事项和合理的补正期限（第三十条）',
        },
        { label: '20个工作日届满', date: '2025-10-30' },
      ],
    });
  });
  it('a receipt on a holiday counts from the first working day after it (国庆 2024)', () => {
    // Oct 8 9 10 11 12(Sat, 调休) = 5; 14–18 = 10; 21–25 = 15; 28–31 = 19; Nov 1 = 20
    const r = replyDue({ received: '2024-10-03' }, cal);
    expect(r.due).toBe('2024-11-01');
    expect(main(r)[0]).toEqual({ label: '收到申请', date: '2024-10-03', note: '当日为国庆节假期，期限自其后第一个工作日起计算' });
  });
  it('a receipt on the 调休 Saturday before 春节 2026', () => {
    // Feb 15–23 off; 24 25 26 27 28(Sat, 调休) = 5; Mar 2–6 = 10; 9–13 = 15; 16–20 = 20
    const r = replyDue({ received: '2026-02-14' }, cal);
    expect(r.due).toBe('2026-03-20');
    expect(main(r)[0]).toEqual({ label: '收到申请', date: '2026-02-14' });
  });
  it('国庆 2026 with 中秋 before it: 2026-09-18 → 2026-10-22', () => {
    // Sep 20(Sun, 调休) 21–24 = 5; 25–27 off; 28 29 30 = 8; Oct 1–7 off; 8 9 10(Sat, 调休) = 11; 12–16 = 16; 19–22 = 20
    expect(replyDue({ received: '2026-09-18' }, cal).due).toBe('2026-10-22');
  });
});

describe('补正 restarts the clock (第三十条)', () => {
  it('runs 20 working days from the corrected application', () => {
    // From 2025-09-26, as above: Oct 30. (Without the correction, from Sep 15: Sep 16–19 = 4; 22–26 = 9;
    // 28(Sun, 调休) 29 30 = 12; Oct 9 10 11(Sat) = 15; 13–17 = 20 → Oct 17.)
    expect(replyDue({ received: '2025-09-15' }, cal).due).toBe('2025-10-17');
    const r = replyDue({ received: '2025-09-15', correctionReceived: '2025-09-26' }, cal);
    expect(r.due).toBe('2025-10-30');
    expect(labels(r)).toEqual(['2025-09-15 收到申请', '2025-09-26 收到补正后的申请', '2025-10-30 20个工作日届满']);
    expect(main(r)[1]!.note).toContain('重新计算（第三十条）');
  });
  it('a correction received on the day of receipt is allowed', () => {
    expect(replyDue({ received: '2025-09-26', correctionReceived: '2025-09-26' }, cal).due).toBe('2025-10-30');
  });
  it('a correction received during 春节 2026', () => {
    // Feb 24 25 26 27 28(Sat, 调休) = 5; Mar 2–6 = 10; 9–13 = 15; 16–20 = 20
    expect(replyDue({ received: '2026-02-06', correctionReceived: '2026-02-18' }, cal).due).toBe('2026-03-20');
  });
});

describe('the extension of 20 further working days', () => {
  it('2025-09-26: 2025-10-30, then 2025-11-27', () => {
    // Oct 31 = 1; Nov 3–7 = 6; 10–14 = 11; 17–21 = 16; 24 25 26 27 = 20
    const r = replyDue({ received: '2025-09-26', extended: true }, cal);
    expect(r.due).toBe('2025-11-27');
    expect(labels(r)).toEqual(['2025-09-26 收到申请', '2025-10-30 20个工作日届满', '2025-11-27 延长20个工作日']);
    expect(main(r)[2]!.note).toContain('第三十三条第二款');
  });
  it('2026-02-10: 2026-03-16, then across 清明 2026 to 2026-04-14', () => {
    // base: Feb 11 12 13 14(Sat) = 4; 15–23 off; 24–28(Sat) = 9; Mar 2–6 = 14; 9–13 = 19; 16 = 20
    // extension: Mar 17–20 = 4; 23–27 = 9; 30 31 Apr 1 2 3 = 14; Apr 4–6 off; 7 8 9 10 = 18; 13 14 = 20
    const r = replyDue({ received: '2026-02-10', extended: true }, cal);
    expect(main(r).map((s) => s.date)).toEqual(['2026-02-10', '2026-03-16', '2026-04-14']);
    expect(r.due).toBe('2026-04-14');
  });
  it('a 补正 and an extension across 春节 2024', () => {
    // base from Feb 2: Feb 4(Sun, 调休) = 1; 5–9 = 6; 10–17 off; 18(Sun, 调休) = 7; 19–23 = 12; 26–29 = 16; Mar 1 = 17;
    // 4 5 6 = 20 → Mar 6. Extension: Mar 7 8 = 2; 11–15 = 7; 18–22 = 12; 25–29 = 17; Apr 1 2 3 = 20 → Apr 3
    const r = replyDue({ received: '2024-01-25', correctionReceived: '2024-02-02', extended: true }, cal);
    expect(main(r).map((s) => s.date)).toEqual(['2024-01-25', '2024-02-02', '2024-03-06', '2024-04-03']);
  });
});

describe('consultations are not counted (第三十三条第三款)', () => {
  it('a third-party consultation across 中秋 2026 moves the due date by its working days', () => {
    // Pause Sep 21–30: working days 21 22 23 24 28 29 30 = 7 (25 is 中秋, 26–27 the weekend).
    // Counted: Sep 20(Sun, 调休) = 1; Oct 1–7 off; 8 9 10(Sat, 调休) = 4; 12–16 = 9; 19–23 = 14; 26–30 = 19; Nov 2 = 20
    const r = replyDue({ received: '2026-09-18', pauses: [{ from: '2026-09-21', to: '2026-09-30', kind: 'third-party' }] }, cal);
    expect(r.due).toBe('2026-11-02');
    expect(main(r)).toEqual([
      { label: '收到申请', date: '2026-09-18' },
      { label: '征求第三方意见（不计入期限）', date: '2026-09-21', note: '2026-09-21 至 2026-09-30，其中 7 个工作日不计入期限' },
      { label: '20个工作日届满', date: '2026-11-02', note: '已扣除征求意见的 7 个工作日' },
    ]);
  });
  it('overlapping consultations count each day once', () => {
    // Pauses Oct 20–24 and Oct 22–28 2025 merge to Oct 20–28: working days 20–24, 27, 28 = 7.
    // Counted from Oct 1: Oct 9 10 11(Sat) = 3; 13–17 = 8; 29 30 31 = 11; Nov 3–7 = 16; 10–13 = 20
    const r = replyDue({
      received: '2025-10-01',
      pauses: [{ from: '2025-10-22', to: '2025-10-28', kind: 'agency' }, { from: '2025-10-20', to: '2025-10-24' }],
    }, cal);
    expect(r.due).toBe('2025-11-13');
    expect(main(r).map((s) => s.note)).toEqual([
      '当日为国庆节假期，期限自其后第一个工作日起计算',
      '2025-10-20 至 2025-10-24，其中 5 个工作日不计入期限（与其他征求意见期间重叠的日期只计一次）',
      '2025-10-22 至 2025-10-28，其中 2 个工作日不计入期限（与其他征求意见期间重叠的日期只计一次）',
      '已扣除征求意见的 7 个工作日',
    ]);
    expect(main(r)[2]!.label).toBe('征求有关机关意见（不计入期限）');
  });
  it('only the part of a consultation after the clock start counts', () => {
    // Restart on Fri Sep 26 2025; pause Sep 22–30: after the start Sep 28(Sun, 调休) 29 30 = 3 working days.
    // Counted: Oct 9 10 11(Sat) = 3; 13–17 = 8; 20–24 = 13; 27–31 = 18; Nov 3 4 = 20
    const r = replyDue({ received: '2025-09-01', correctionReceived: '2025-09-26', pauses: [{ from: '2025-09-22', to: '2025-09-30' }] }, cal);
    expect(r.due).toBe('2025-11-04');
    // A consultation wholly before the restart does nothing.
    const before = replyDue({ received: '2025-09-01', correctionReceived: '2025-09-26', pauses: [{ from: '2025-09-10', to: '2025-09-12' }] }, cal);
    expect(before.due).toBe('2025-10-30');
    expect(main(before)[1]!.note).toBe('2025-09-10 至 2025-09-12，在答复期限起算之前，不影响期限');
  });
  it('a consultation started after the period ran out does not revive it', () => {
    const r = replyDue({ received: '2025-09-26', pauses: [{ from: '2025-11-03', to: '2025-11-05' }] }, cal);
    expect(r.due).toBe('2025-10-30');
    expect(labels(r).at(-1)).toBe('2025-11-03 征求第三方或有关机关意见（不计入期限）');
    expect(main(r).at(-1)!.note).toContain('开始时答复期限已届满，不再顺延');
  });
  it('a consultation during the extension moves only the extended date', () => {
    // base Oct 30 2025 as above; pause Nov 10–11 (2 working days); extension: Oct 31 = 1; Nov 3–7 = 6; 12 13 14 = 9;
    // 17–21 = 14; 24–28 = 19; Dec 1 = 20
    const r = replyDue({ received: '2025-09-26', extended: true, pauses: [{ from: '2025-11-10', to: '2025-11-11' }] }, cal);
    expect(main(r).map((s) => s.date)).toEqual(['2025-09-26', '2025-10-30', '2025-11-10', '2025-12-01']);
    expect(main(r).at(-1)!.note).toContain('延长期间扣除征求意见的 2 个工作日');
  });
});

describe('provisional results beyond the covered years', () => {
  it('a clock that runs into 2027 is provisional and says why', () => {
    // Dec 16 17 18 = 3; 21–25 = 8; 28–31 = 12; Jan 1 (Fri) is 元旦, off by law; 4–8 = 17; 11 12 13 = 20
    const r = replyDue({ received: '2026-12-15' }, cal);
    expect(r).toMatchObject({ due: '2027-01-13', provisional: true });
    expect(main(r).at(-1)!.note).toContain('计算涉及 2027 年，尚未收录该年国务院节假日安排');
  });
  it('an override changes the answer; a complete year makes it firm', () => {
    const overrides = [{ date: '2027-01-01', work: false, source: '国办发明电〔2026〕X号' }];
    // Jan 1 off: Dec 16 … 31 = 12; Jan 4–8 = 17; 11 12 13 = 20
    expect(replyDue({ received: '2026-12-15' }, new WorkCalendar(overrides))).toMatchObject({ due: '2027-01-13', provisional: true });
    expect(replyDue({ received: '2026-12-15' }, new WorkCalendar(overrides, { completeYears: [2027] })))
      .toMatchObject({ due: '2027-01-13', provisional: false });
  });
});

describe('bad input is refused in Chinese', () => {
  const refused = (input: Parameters<typeof replyDue>[0], message: string) => {
    expect(() => replyDue(input, cal)).toThrow(CalendarInputError);
    expect(() => replyDue(input, cal)).toThrow(message);
  };
  it('impossible and malformed dates', () => {
    refused({ received: '2025-02-30' }, '收到申请的日期不存在：“2025-02-30”，2025年2月只有28天');
    refused({ received: '2025-09-26', correctionReceived: '2025-09-31' }, '收到补正申请的日期不存在：“2025-09-31”');
    refused({ received: '2025-09-26', pauses: [{ from: '2025-10-9', to: '2025-10-10' }] }, '征求意见期间的起始日期格式不对：“2025-10-9”');
  });
  it('a correction before the receipt', () => {
    refused({ received: '2025-09-26', correctionReceived: '2025-09-25' }, '收到补正申请的日期 2025-09-25 早于收到申请的日期 2025-09-26');
  });
  it('a pause that ends before it starts, or starts before the receipt', () => {
    refused({ received: '2025-09-26', pauses: [{ from: '2025-10-10', to: '2025-10-09' }] }, '结束日期 2025-10-09 早于起始日期 2025-10-10');
    refused(
      { received: '2025-09-26', pauses: [{ from: '2025-10-09', to: '2025-10-10' }, { from: '2025-09-20', to: '2025-10-10' }] },
      '第2段征求意见期间的起始日期 2025-09-20 早于收到申请的日期 2025-09-26',
    );
  });
});

describe('gongkai due (needs `npm run build`)', () => {
  const BIN = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));
  const gongkai = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const r = spawnSync(process.execPath, [BIN, 'due', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('prints the due date and the steps as JSON', () => {
    const { code, stdout } = gongkai(['--received', '2025-09-26', '--extended', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      due: '2025-11-27',
      provisional: false,
      steps: [
        { label: '收到申请', date: '2025-09-26' },
        // Sep 28 (Sun, 调休) 29 30 = 3; Oct 1–8 off; 9 10 11 (Sat, 调休) = 6; 13 = 7
        expect.objectContaining({ label: '补正告知期限（7个工作日）', date: '2025-10-13' }),
        { label: '20个工作日届满', date: '2025-10-30' },
        expect.objectContaining({ label: '延长20个工作日', date: '2025-11-27' }),
      ],
    });
  });
  it('takes a correction and several pauses, repeated or listed', () => {
    // Restart Sep 26 2025; pauses Oct 20–21 and Oct 23 = 3 working days: Oct 30 + 3 → Oct 31, Nov 3, Nov 4
    const args = ['--received', '2025-09-15', '--correction-received', '2025-09-26', '--json'];
    const repeated = gongkai([...args, '--pause', '2025-10-20:2025-10-21', '--pause', '2025-10-23:2025-10-23']);
    const listed = gongkai([...args, '--pause', '2025-10-20:2025-10-21', '2025-10-23:2025-10-23']);
    expect(repeated.code).toBe(0);
    expect(JSON.parse(repeated.stdout)).toMatchObject({ due: '2025-11-04', provisional: false });
    expect(listed.stdout).toBe(repeated.stdout);
  });
  it('gives the same dates in any time zone', () => {
    for (const TZ of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
      const { stdout } = gongkai(['--received', '2026-02-10', '--json'], { TZ });
      expect(JSON.parse(stdout), TZ).toMatchObject({ due: '2026-03-16', provisional: false });
    }
  });
  it('explains the result in Chinese, and warns when it is provisional', () => {
    const firm = gongkai(['--received', '2025-09-26']);
    expect(firm.code).toBe(0);
    expect(firm.stdout).toContain('答复期限 (reply due)：2025-10-30 星期四');
    expect(firm.stdout).toContain('2025-09-26 星期五  收到申请');
    expect(firm.stdout).not.toContain('临时结果');
    const guess = gongkai(['--received', '2026-12-15']);
    expect(guess.stdout).toContain('2027-01-13');
    expect(guess.stdout).toContain('注意：结果为临时结果 (provisional)');
  });
  it('exits 2 with a message on standard error for bad input', () => {
    const bad = gongkai(['--received', '2025-02-30', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('“2025-02-30”，2025年2月只有28天');
    const pause = gongkai(['--received', '2025-09-26', '--pause', '2025-10-09']);
    expect(pause.code).toBe(2);
    expect(pause.stderr).toContain('--pause 应写成 起始日期:结束日期');
    expect(gongkai(['--received', '2025-09-26', '--correction-received', '2025-09-01']).code).toBe(2);
    expect(gongkai([]).code).toBe(2);
  });
});
