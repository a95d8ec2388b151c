/**
 * The register: events in lawful order only, due dates computed, and the annual report that
 * comes out of a year of applications — consistent by construction.
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.js';
import type { AnnualReport } from '../../src/model/report.js';
import { reportFromRegister } from '../../src/register/annual.js';
import { monthlyPerApplicationFee, perApplicationFee, perVolumeFee } from '../../src/register/fees.js';
import { dueOf, recordEvent, RegisterError } from '../../src/register/lifecycle.js';
import { APPLICANT_TYPES, OUTCOME_KEYS, type Appeal, type Application } from '../../src/register/types.js';
import { checkReport } from '../../src/rules/check.js';

const calendar = new WorkCalendar();
const app = (id: string, receivedOn: string, type: Application['applicant']['type'] = 'naturalPerson'): Application => ({
  id,
  applicant: { type, name: '申请人' },
  description: '某项政府信息',
  channel: 'online',
  receivedOn,
  events: [],
});

describe('what may happen to an application', () => {
  const base = app('A1', '2025-09-26');
  it.each([
    [{ kind: 'replied', on: '2025-09-20', outcome: 'granted' }, '早于收到申请的日期'],
    [{ kind: 'replied', on: '2025-10-09', outcome: 'approved' }, '不是表三的办理结果行'],
    [{ kind: 'replied', on: '2025-02-30', outcome: 'granted' }, '2025-02-30'],
    [{ kind: 'correctionReceived', on: '2025-10-09' }, '没有发出补正通知'],
    [{ kind: 'extended', on: '2025-10-20', approvedBy: ' ' }, '批准人'],
    [{ kind: 'consultation', from: '2025-10-10', to: '2025-10-09', party: 'third-party' }, '早于开始日期'],
  ] as const)('refuses %j with a reason, leaving the application unchanged', (event, reason) => {
    expect(() => recordEvent(base, event)).toThrow(RegisterError);
    expect(() => recordEvent(base, event)).toThrow(reason);
    expect(base.events).toEqual([]);
  });
  it('refuses a second reply and a second extension', () => {
    const replied = recordEvent(base, { kind: 'replied', on: '2025-10-09', outcome: 'granted' });
    expect(() => recordEvent(replied, { kind: 'replied', on: '2025-10-10', outcome: 'granted' })).toThrow('已于 2025-10-09 答复');
    const extended = recordEvent(base, { kind: 'extended', on: '2025-10-20', approvedBy: '办公室主任' });
    expect(() => recordEvent(extended, { kind: 'extended', on: '2025-10-21', approvedBy: '办公室主任' })).toThrow('只能延长一次');
  });
  it('computes the due date from the events (§6.2 vectors: 20 days → 10-30, extended → 11-27)', () => {
    expect(dueOf(base, calendar).due).toBe('2025-10-30');
    const extended = recordEvent(base, { kind: 'extended', on: '2025-10-20', approvedBy: '办公室主任' });
    expect(dueOf(extended, calendar).due).toBe('2025-11-27');
  });
  it('restarts the clock when the corrected application arrives', () => {
    let a = recordEvent(app('A2', '2026-02-03'), { kind: 'correctionRequested', on: '2026-02-05' });
    a = recordEvent(a, { kind: 'correctionReceived', on: '2026-02-10' });
    // 20 working days from 2026-02-10 (§6.2 vector): 2026-03-16.
    expect(dueOf(a, calendar).due).toBe('2026-03-16');
  });
});

describe('the annual report from a hand-counted register', () => {
  // 2025: three applications received (two natural persons, one company), one carried in from 2024.
  const apps: Application[] = [
    recordEvent(app('C1', '2024-12-20'), { kind: 'replied', on: '2025-01-10', outcome: 'granted' }),
    recordEvent(app('N1', '2025-03-01'), { kind: 'replied', on: '2025-03-20', outcome: 'unavailable.notHeld' }),
    recordEvent(app('N2', '2025-06-01', 'commercial'), { kind: 'withdrawn', on: '2025-06-05' }),
    app('N3', '2025-12-22'), // still open on 31 December
    recordEvent(app('OLD', '2024-03-01'), { kind: 'replied', on: '2024-03-15', outcome: 'granted' }), // closed before 2025
  ];
  const appeals: Appeal[] = [
    { id: 'R1', kind: 'reconsideration', filedOn: '2025-04-01', decided: { on: '2025-06-01', result: 'upheld' } },
    { id: 'R2', kind: 'reconsideration', filedOn: '2025-11-01' },
  ];
  const r = reportFromRegister({
    unit: '青禾县云岭镇人民政府',
    year: 2025,
    applications: apps,
    appeals,
    documents: [
      { id: 'D1', kind: 'normativeDocuments', title: '甲', issuedOn: '2023-05-01' },
      { id: 'D2', kind: 'normativeDocuments', title: '乙', issuedOn: '2025-02-01' },
      { id: 'D3', kind: 'normativeDocuments', title: '丙', issuedOn: '2022-01-01', repealedOn: '2025-07-01' },
    ],
    figures: { licensing: 12, penalty: 3, coercion: 0, feesAmount: 0 },
  });
  const row = (key: string) => ['naturalPerson', 'commercial', 'total'].map((c) => r.applications[key]![c]);
  it('counts each application once, in the right row and column', () => {
    expect(row('newReceived')).toEqual([2, 1, 3]); // N1, N3; N2
    expect(row('carriedOver')).toEqual([1, 0, 1]); // C1
    expect(row('granted')).toEqual([1, 0, 1]); // C1
    expect(row('unavailable.notHeld')).toEqual([1, 0, 1]); // N1
    expect(row('otherHandling.other')).toEqual([0, 1, 1]); // N2 withdrawn
    expect(row('total')).toEqual([2, 1, 3]);
    expect(row('carriedForward')).toEqual([1, 0, 1]); // N3
  });
  it('fills tables 四 and 二, with in force derived', () => {
    expect(r.appeals.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    expect(r.proactive.normativeDocuments).toEqual({ issued: 1, repealed: 1, inForce: 2 });
    expect(r.proactive.licensing).toEqual({ decisions: 12 });
  });
  it('passes every rule of gongkai check but the drafting prompts it leaves for the officer', () => {
    const errors = checkReport(r).filter((f) => f.severity === 'error');
    // Sections 一 (what was published proactively), 五 and 六 (the fee statement) are the officer's to write.
    expect(errors.map((f) => [f.code, f.at])).toEqual([
      ['TEXT.PLACEHOLDER', 'sections.1'],
      ['TEXT.PLACEHOLDER', 'sections.5'],
      ['TEXT.PLACEHOLDER', 'sections.6'],
    ]);
  });
});

/** A small deterministic generator (mulberry32). */
function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const iso = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

describe('a simulated register over three years', () => {
  it('gives reports that pass every rule, and carry-overs that match year to year', () => {
    const r = random(20251231);
    const apps: Application[] = [];
    for (let i = 0; i < 3000; i++) {
      const received = r(3 * 365);
      let a = app(`S${i}`, iso(received), APPLICANT_TYPES[r(APPLICANT_TYPES.length)]!);
      const roll = r(10);
      if (roll === 0) a = recordEvent(a, { kind: 'withdrawn', on: iso(received + 1 + r(30)) });
      else if (roll > 1) a = recordEvent(a, { kind: 'replied', on: iso(received + r(60)), outcome: OUTCOME_KEYS[r(OUTCOME_KEYS.length)]! });
      apps.push(a); // roll === 1: never answered, carried forward for ever
    }
    const reports: AnnualReport[] = [2024, 2025, 2026].map((year) =>
      reportFromRegister({ unit: '模拟镇人民政府', year, applications: apps, appeals: [], documents: [] }),
    );
    for (const [i, report] of reports.entries()) {
      const errors = checkReport(report, i > 0 ? { previous: reports[i - 1]! } : {}).filter((f) => f.severity === 'error' && f.code !== 'TEXT.PLACEHOLDER');
      expect(errors, String(report.year)).toEqual([]);
    }
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i]!.applications.carriedOver).toEqual(reports[i - 1]!.applications.carriedForward);
    }
    expect(reports[1]!.applications.newReceived!.total).toBeGreaterThan(900);
  });
});

describe('信息处理费 (国办函〔2020〕109号)', () => {
  it('按件: bands per applicant and month — 35 applications cost 3 000 元', () => {
    expect([1, 10, 11, 30, 31, 40, 41, 50, 51].map(perApplicationFee)).toEqual([0, 0, 100, 100, 200, 200, 300, 300, 400]);
    expect(monthlyPerApplicationFee(35)).toBe(3000); // 10×0 + 20×100 + 5×200
  });
  it('按量: bands per page — 250 pages cost 4 700 元', () => {
    expect(perVolumeFee(30)).toBe(0);
    expect(perVolumeFee(31)).toBe(10);
    expect(perVolumeFee(250)).toBe(4700); // 70×10 + 100×20 + 50×40
  });
});

describe('the 台账 as a spreadsheet', () => {
  it('exports and imports back the same register', async () => {
    const { exportRegister, importRegister } = await import('../../src/register/excel.js');
    let a = app('T1', '2025-03-03', 'legalService');
    a = recordEvent(a, { kind: 'correctionRequested', on: '2025-03-05' });
    a = recordEvent(a, { kind: 'correctionReceived', on: '2025-03-10' });
    a = recordEvent(a, { kind: 'extended', on: '2025-04-01', approvedBy: '办公室主任' });
    a = recordEvent(a, { kind: 'replied', on: '2025-04-20', outcome: 'withheld.thirdPartyRights' });
    const b = recordEvent(app('T2', '2025-05-06', 'otherOrg'), { kind: 'withdrawn', on: '2025-05-08' });
    const c = app('T3', '2025-12-30');
    const back = await importRegister(await exportRegister([a, b, c]));
    expect(back).toEqual([a, b, c]);
  });
  it('names the row of a bad line and imports nothing', async () => {
    const { exportRegister, importRegister } = await import('../../src/register/excel.js');
    const bad = { ...app('T9', '2025-05-06'), events: [{ kind: 'replied', on: '2025-05-01', outcome: 'granted' } as const] };
    await expect(importRegister(await exportRegister([app('T8', '2025-05-06'), bad]))).rejects.toThrow('第3行（T9）：事件日期 2025-05-01 早于收到申请的日期');
  });
});

describe('the date of receipt (条例第三十一条)', () => {
  it('follows the channel', async () => {
    const { receiptDate } = await import('../../src/register/receipt.js');
    expect(receiptDate({ channel: 'inPerson', arrivedOn: '2025-03-03' })).toBe('2025-03-03');
    expect(receiptDate({ channel: 'postSigned', arrivedOn: '2025-03-03', signedForOn: '2025-03-04' })).toBe('2025-03-04');
    expect(receiptDate({ channel: 'online', arrivedOn: '2025-03-01', confirmedOn: '2025-03-03' })).toBe('2025-03-03');
    expect(() => receiptDate({ channel: 'ordinaryLetter', arrivedOn: '2025-03-03' })).toThrow('确认');
    expect(() => receiptDate({ channel: 'fax', arrivedOn: '2025-03-03', confirmedOn: '2025-03-02' })).toThrow('早于');
  });
});
