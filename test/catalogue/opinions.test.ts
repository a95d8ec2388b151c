/**
 * The opinion box's pure parts: the form's checks, numbers, masking, and the year's figures for
 * 监督保障 with response times in working days counted by hand on the State Council's 2026
 * schedule (清明 off Sat 4 – Mon 6 April, no 调休 day in March or April; the day of receipt is
 * not counted).
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.js';
import { answerProblem, checkOpinionInput, figuresSentence, formatOpinionNo, maskName, opinionFigures, workingDaysTaken, type OpinionFact } from '../../src/catalogue/opinions.js';

const calendar = new WorkCalendar([]);

describe('response times in working days', () => {
  it('counts the working days after receipt up to the answer', () => {
    // Mon 2 Mar → Fri 6 Mar: 3, 4, 5, 6 March.
    expect(workingDaysTaken(calendar, '2026-03-02', '2026-03-06')).toEqual({ days: 4, provisional: false });
    // Fri 6 Mar → Fri 13 Mar: the weekend of 7–8 March does not count; 9–13 March.
    expect(workingDaysTaken(calendar, '2026-03-06', '2026-03-13')).toEqual({ days: 5, provisional: false });
    // Tue 31 Mar → Wed 8 Apr: 1, 2, 3 April; 清明 4–6 April off; 7, 8 April.
    expect(workingDaysTaken(calendar, '2026-03-31', '2026-04-08')).toEqual({ days: 5, provisional: false });
    // Answered on the day of receipt.
    expect(workingDaysTaken(calendar, '2026-03-02', '2026-03-02')).toEqual({ days: 0, provisional: false });
  });

  it('marks a time that depends on 2027 (no holiday schedule yet) as provisional', () => {
    // Mon 4 Jan 2027 → Fri 8 Jan: 5, 6, 7, 8 January by the Monday–Friday rule, 暂定.
    expect(workingDaysTaken(calendar, '2027-01-04', '2027-01-08')).toEqual({ days: 4, provisional: true });
  });
});

describe('the year\'s figures for 监督保障', () => {
  const facts: OpinionFact[] = [
    { kind: 'suggestion', receivedOn: '2026-03-02', answeredOn: '2026-03-06' }, // 4 days
    { kind: 'suggestion', receivedOn: '2026-03-06', answeredOn: '2026-03-13' }, // 5 days
    { kind: 'complaint', receivedOn: '2026-03-31', answeredOn: '2026-04-08' }, // 5 days
    { kind: 'complaint', receivedOn: '2026-12-30', answeredOn: '2027-01-05' }, // answered after the year: open at its end
    { kind: 'report', receivedOn: '2026-05-06', answeredOn: null }, // open
    { kind: 'report', receivedOn: '2026-03-02', answeredOn: '2026-03-02' }, // 0 days
    { kind: 'suggestion', receivedOn: '2025-12-29', answeredOn: '2026-01-05' }, // another year
  ];

  it('counts received, answered, open, average and longest by kind and in total', () => {
    const f = opinionFigures(facts, 2026, calendar);
    expect(f.kinds).toEqual([
      { kind: 'suggestion', label: '意见建议', received: 2, answered: 2, open: 0, averageDays: 4.5, longestDays: 5 },
      { kind: 'complaint', label: '投诉', received: 2, answered: 1, open: 1, averageDays: 5, longestDays: 5 },
      { kind: 'report', label: '举报', received: 2, answered: 1, open: 1, averageDays: 0, longestDays: 0 },
    ]);
    // (4 + 5 + 5 + 0) / 4 = 3.5.
    expect(f.total).toEqual({ received: 6, answered: 4, open: 2, averageDays: 3.5, longestDays: 5 });
    expect(f.provisional).toBe(false);
  });

  it('drafts the sentence for section 五 of the annual report', () => {
    expect(opinionFigures(facts, 2026, calendar).sentence).toBe(
      '2026年，本机关通过政府信息公开意见箱、监督信箱和举报电话等渠道接受社会监督，共收到公众意见6件，其中意见建议2件、投诉2件、举报2件，年内已答复4件，尚有2件正在办理，平均答复用时3.5个工作日，最长5个工作日。',
    );
  });

  it('says so when nothing came in, and when every opinion was answered', () => {
    expect(opinionFigures([], 2025, calendar).sentence).toBe('2025年，本机关通过政府信息公开意见箱、监督信箱和举报电话等渠道接受社会监督，全年未收到涉及政府信息公开工作的意见建议、投诉和举报。');
    const all = opinionFigures(facts.slice(0, 2), 2026, calendar);
    expect(all.sentence).toBe('2026年，本机关通过政府信息公开意见箱、监督信箱和举报电话等渠道接受社会监督，共收到公众意见2件，其中意见建议2件、投诉0件、举报0件，均已答复，平均答复用时4.5个工作日，最长5个工作日。');
  });

  it('flags the figures of 2027 as provisional', () => {
    const f = opinionFigures([{ kind: 'report', receivedOn: '2027-01-04', answeredOn: '2027-01-08' }], 2027, calendar);
    expect(f.provisional).toBe(true);
    expect(f.total).toMatchObject({ answered: 1, averageDays: 4, longestDays: 4 });
    expect(f.sentence).toContain('（含暂定的节假日安排）');
    expect(figuresSentence({ ...f, provisional: false })).not.toContain('暂定');
  });
});

describe('the public form and the numbers', () => {
  it('refuses an empty form field by field', () => {
    const errors = checkOpinionInput({ bodyId: '', kind: 'gossip', subject: ' ', text: '太短', name: '名'.repeat(51), contact: '' });
    expect(Object.keys(errors).sort()).toEqual(['bodyId', 'kind', 'name', 'subject', 'text']);
    expect(errors.text).toContain('至少5个字');
    expect(checkOpinionInput({ bodyId: 'yl', kind: 'complaint', subject: '网站没有公开预算', text: '2025年预算没有公开。' })).toEqual({});
  });

  it('numbers opinions per body and year, and masks names', () => {
    expect(formatOpinionNo('yl', 2026, 7)).toBe('yl-YJ-2026-0007');
    expect(formatOpinionNo('yl', 2026, 12345)).toBe('yl-YJ-2026-12345');
    expect(maskName('王秀兰')).toBe('王**');
    expect(maskName('欧阳')).toBe('欧*');
    expect(maskName('李')).toBe('*');
    expect(maskName(null)).toBeNull();
  });

  it('wants an answer with some words in it', () => {
    expect(answerProblem(' ')).toBe('请填写答复内容');
    expect(answerProblem('已公开')).toBeUndefined();
  });
});
