/**
 * The demo on a fresh database, read as a newcomer would: every list they open has something in
 * it, in the states the demo claims; loading it again changes nothing; and one catalogue item
 * goes from draft to the public catalogue with the demo accounts alone.
 */
import { issueList } from '../../src/app/supervision/findings-work.js';
import { describe, expect, it } from 'vitest';
import { dueLists, listItems, reexaminationList, reviewItem, reviewQueue, submitItem } from '../../src/app/catalogue/index.js';
import { searchCatalogue } from '../../src/app/catalogue-public.js';
import { DEMO_USERS, loadDemo } from '../../src/app/demo.js';
import { demoAccounts } from '../../src/app/demo/accounts.js';
import { listOpinions } from '../../src/app/opinions.js';
import { dueApplications, listApplications } from '../../src/app/register/applications.js';
import { getReport, listReports } from '../../src/app/reports.js';
import { publicRegionSettings, setPublicRegion } from '../../src/app/public-region.js';
import { openServices } from '../../src/app/services.js';
import { publishedReport, supervisorOverview } from '../../src/app/supervision/index.js';
import { DB_KINDS, migratedDb } from '../support/db.js';

// A Saturday in December: last year (2025) is the year the annual reports cover.
const today = () => '2026-12-05';
const YUNLING = 'qh-yunling';

for (const kind of DB_KINDS) {
  describe(`the demo on ${kind}`, () => {
    it('fills every list a newcomer opens, and loading it again changes nothing', async () => {
      const s = await openServices(await migratedDb(kind), { today });
      try {
        const first = await loadDemo(s);
        expect(first.made).toEqual(['officer', 'reviewer', 'reviewer2', 'supervisor']);
        expect(first.made).toEqual(DEMO_USERS.map((u) => u.username));
        expect(first.parts).toEqual(['地区', '申请台账', '主动公开目录', '意见箱', '已发布报告', '年度报告草稿']);
        const { staff } = await demoAccounts(s);
        const { officer, reviewer, reviewer2, supervisor } = staff;

        // The register: every state of the list, every group of table 三's outcomes.
        const register = await listApplications(s, officer, { bodyId: YUNLING });
        const states = new Set(register.items.map((i) => i.state));
        expect([...states].sort()).toEqual(['awaitingCorrection', 'dueSoon', 'open', 'overdue', 'replied', 'withdrawn']);
        const outcomes = new Set(register.items.flatMap((i) => (i.outcome ? [i.outcome.split('.')[0]] : [])));
        expect([...outcomes].sort()).toEqual(['granted', 'notProcessed', 'otherHandling', 'partlyGranted', 'unavailable', 'withheld']);
        expect(register.years).toEqual([2026, 2025, 2024]);
        const events = new Set((await s.register.applications(YUNLING)).flatMap((a) => a.events.map((e) => e.kind)));
        for (const k of ['correctionRequested', 'correctionReceived', 'consultation', 'extended', 'feeNotice', 'feePaid', 'withdrawn', 'replied'] as const) expect(events).toContain(k);
        const due = await dueApplications(s, reviewer, { bodyId: YUNLING });
        expect(due.items.some((i) => i.state === 'overdue')).toBe(true);
        expect(due.items.some((i) => i.state === 'dueSoon')).toBe(true);

        // The catalogue: public, and in the office at each step.
        const published = await searchCatalogue(s, {});
        expect(published.items.length).toBeGreaterThanOrEqual(8);
        expect(new Set(published.items.map((i) => i.docType))).toEqual(new Set(['年度报告', '行政规范性文件', '通知公告', '规划计划', '财政预决算', '政策解读', '人事信息', '工作动态']));
        const rules = published.items.filter((i) => i.docType === '行政规范性文件');
        expect(rules.map((i) => i.validity?.label).sort()).toEqual(['尚未施行', '现行有效', '现行有效']);
        const office = await listItems(s, officer, YUNLING, {});
        expect(new Set(office.items.map((i) => i.status))).toEqual(new Set(['draft', 'inReview', 'rejected', 'published', 'approved']));
        // Two items wait at 初审, one at 终审; either reviewer may take any of them (the default policy).
        for (const r of [reviewer, reviewer2]) expect((await reviewQueue(s, r)).items.map((i) => i.stepName).sort()).toEqual(['初审', '初审', '终审']);
        expect((await dueLists(s, officer, YUNLING)).overdue).toHaveLength(1);
        expect((await reexaminationList(s, officer, YUNLING)).items).toHaveLength(1);

        // The opinion box: answered, and one still open.
        const opinions = (await listOpinions(s, officer, YUNLING, {})).opinions;
        expect(opinions.filter((o) => o.state === 'answered').length).toBeGreaterThanOrEqual(3);
        expect(opinions.filter((o) => o.state === 'open')).toHaveLength(1);

        // The supervisor's desk: the county's reports, the sub-district's with the defects written into it.
        const overview = await supervisorOverview(s, supervisor, {});
        const reports = overview.bodies.flatMap((b) => b.cells.flatMap((c) => c.reports.map((r) => ({ body: b.id, ...r }))));
        expect(reports.map((r) => `${r.body} ${r.year}`).sort()).toEqual(['qh-county 2025', 'qh-shiquan 2024', 'qh-shiquan 2025']);
        // The scope is the county's region: its townships and departments that only publish reports are there too, without one yet.
        expect(overview.bodies.map((b) => b.id)).toHaveLength(11);
        expect(overview.bodies.find((b) => b.id === 'qh-edu')!.cells.flatMap((c) => c.reports)).toEqual([]);
        // Only the county's own regions are the county office's to open to the public, not the province above it.
        const settings = (await publicRegionSettings(s, supervisor)).regions;
        expect(settings.filter((r) => r.canSet).map((r) => r.code)).toContain('990101');
        expect(settings.find((r) => r.code === '990000')?.canSet).toBe(false);
        await expect(setPublicRegion(s, supervisor, { code: '990000', on: true })).rejects.toThrow(/只有监督/);
        const defective = reports.find((r) => r.body === 'qh-shiquan' && r.year === 2025)!;
        expect(defective).toMatchObject({ late: true, similar: true });
        const codes = (await publishedReport(s, supervisor, { id: defective.id })).findings.map((f) => f.code);
        for (const code of ['T3.ROW_TOTAL', 'CROSS.CARRY', 'PUB.LATE', 'SIM.DUPLICATE', 'VALUE.BLANK']) expect(codes).toContain(code);
        expect(reports.find((r) => r.body === 'qh-county')!.errors).toBe(0);
        // The review begun: two of 石泉's errors confirmed for 整改, the late publication dismissed, the rest waiting.
        const issues = (await issueList(s, supervisor, { body: 'qh-shiquan', year: 2025 })).rows;
        expect(issues.filter((i) => i.status === 'confirmed')).toHaveLength(2);
        expect(issues.filter((i) => i.status === 'confirmed').every((i) => i.severity === 'error')).toBe(true);
        expect(issues.find((i) => i.code === 'PUB.LATE')).toMatchObject({ status: 'dismissed', reason: expect.stringContaining('网站改版') });
        expect(issues.some((i) => i.status === 'new')).toBe(true);

        // 云岭镇's draft of 2025: saved, and its figures those of the register.
        const years = await listReports(s, officer, { bodyId: YUNLING });
        expect(years.years.find((y) => y.year === 2025)).toMatchObject({ status: 'draft' });
        const draft = await getReport(s, reviewer, { bodyId: YUNLING, year: 2025 });
        const receivedIn2025 = (await listApplications(s, officer, { bodyId: YUNLING, year: 2025 })).total;
        expect(receivedIn2025).toBeGreaterThan(10);
        expect(draft.report.applications.newReceived!.total).toBe(receivedIn2025);
        expect(draft.report.sections[0]!.text).toContain('云岭镇');

        // Again: nothing written, not even an audit entry.
        const audits = await s.register.auditCount();
        expect(await loadDemo(s)).toEqual({ made: [], parts: [] });
        expect(await s.register.auditCount()).toBe(audits);
        expect((await listApplications(s, officer, { bodyId: YUNLING })).total).toBe(register.total);
      } finally {
        await s.db.close();
      }
    }, 180_000);

    it('lets the demo accounts alone take a draft to the public catalogue', async () => {
      const s = await openServices(await migratedDb(kind), { today });
      try {
        await loadDemo(s);
        const { staff } = await demoAccounts(s);
        const draft = (await listItems(s, staff.officer, YUNLING, { status: 'draft' })).items.find((i) => i.title.includes('垃圾收运'))!;
        let item = await submitItem(s, staff.officer, draft.id, {});
        expect(item.chain.steps.map((st) => st.name)).toEqual(['拟稿', '初审', '终审', '保密审查']);
        for (const reviewer of [staff.reviewer, staff.reviewer2, staff.reviewer]) item = await reviewItem(s, reviewer, draft.id, { step: item.chain.step, decision: 'approve' });
        expect(item.status).toBe('published');
        expect((await searchCatalogue(s, { q: '垃圾收运' })).items.map((i) => i.title)).toEqual(['云岭镇农村生活垃圾收运时间调整的通知']);
      } finally {
        await s.db.close();
      }
    }, 180_000);
  });
}

describe('the demo on other days', () => {
  /** What a newcomer sees of the register and the catalogue, without the random query codes. */
  async function seen(s: Awaited<ReturnType<typeof openServices>>) {
    const { staff } = await demoAccounts(s);
    const register = await listApplications(s, staff.officer, { bodyId: YUNLING });
    const items = await listItems(s, staff.officer, YUNLING, {});
    return {
      register: register.items.map((i) => [i.id, i.receivedOn, i.state, i.outcome]),
      items: items.items.map((i) => [i.indexNo, i.title, i.status, i.madeOn]),
    };
  }

  it('is the same on two fresh databases, and loads on the first working day of a year', async () => {
    const days = ['2027-01-04', '2027-01-04', '2026-07-15'];
    const views = [];
    for (const day of days) {
      const s = await openServices(await migratedDb('pglite'), { today: () => day });
      try {
        expect((await loadDemo(s)).parts).toHaveLength(6);
        views.push(await seen(s));
        const { staff } = await demoAccounts(s);
        // The report year is the one before: its draft is saved, whatever the day.
        expect((await listReports(s, staff.officer, { bodyId: YUNLING })).years.find((y) => y.year === Number(day.slice(0, 4)) - 1)).toMatchObject({ status: 'draft' });
      } finally {
        await s.db.close();
      }
    }
    expect(views[1]).toEqual(views[0]);
    // In early January the live cases reach back into last year; every state is still there.
    expect(new Set(views[0]!.register.map((r) => r[2]))).toEqual(new Set(['awaitingCorrection', 'dueSoon', 'open', 'overdue', 'replied', 'withdrawn']));
    expect(new Set(views[2]!.register.map((r) => r[2]))).toEqual(new Set(['awaitingCorrection', 'dueSoon', 'open', 'overdue', 'replied', 'withdrawn']));
  }, 240_000);
});
