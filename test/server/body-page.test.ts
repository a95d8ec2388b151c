/**
 * A body's page, the quality assessments and the public region page over HTTP, on PGlite and
 * PostgreSQL, with the hand-typed region of test/support/body-years.ts: 甲镇's changes from 2023
 * to 2024 and its copied passage, its findings with their status, its indicators against 青禾县's
 * median; the county's assessment in Word read back; the public page (off until switched on, no
 * sign-in), its statuses and its CSV and JSON with a corrected cell; the scope kept (404).
 */
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { COPIED, FEES, OWN_2023, OWN_2024, seedBodyYears, yiLateFingerprint } from '../support/body-years.js';
import { DB_KINDS } from '../support/db.js';
import { ApiClient, testServer } from '../support/web.js';

interface Segment {
  text: string;
  shared: boolean;
}
interface Change {
  path: string;
  place: string;
  before: number | null;
  after: number | null;
  delta: number | null;
}
interface BodyPage {
  body: { id: string; name: string; regionName: string | null };
  years: {
    year: number;
    publishedOn: string | null;
    previousYear: number | null;
    changes: Change[];
    tables: { no: number }[];
    narrative: { score: number; current: { no: number; segments: Segment[] }[]; previous: { no: number; segments: Segment[] }[] } | null;
    findings: { code: string; status: string; statusLabel: string; place: string }[];
  }[];
  indicators: { year: number; region: { code: string; name: string } | null; rows: { key: string; value: number | null; median: number | null; regionValue: number | null }[] } | null;
}
interface PublicRegion {
  region: { code: string; name: string };
  year: number;
  totals: { bodies: number; published: number; late: number; missing: number; withErrors: number };
  bodies: { id: string; name: string; status: string; statusLabel: string; publishedOn: string | null; errors: number | null; warnings: number | null }[];
}

for (const kind of DB_KINDS) {
  describe(`a body's page, assessments and the public region page on ${kind}`, () => {
    let server: RunningServer;
    let ids: Record<string, number>;
    const as: Record<string, ApiClient> = {};
    let guest: ApiClient;

    beforeAll(async () => {
      server = await testServer({ db: kind });
      ids = await seedBodyYears(server.deps);
      for (const u of ['city', 'county', 'hkonly', 'adm']) {
        as[u] = new ApiClient(server.url);
        await as[u].signIn(u);
      }
      guest = new ApiClient(server.url);
      await guest.refresh();
    }, 60_000);
    afterAll(async () => {
      await server?.close();
    });

    const page = async (who: string, id: string) => as[who]!.json<BodyPage>('GET', `/api/supervisor/bodies/${id}`);

    it('甲镇: both years, newest first, with the changes from 2023 typed by hand', async () => {
      const { status, body } = await page('county', 'jia');
      expect(status).toBe(200);
      expect(body.body).toMatchObject({ name: '甲镇人民政府', regionName: '甲镇' });
      expect(body.years.map((y) => [y.year, y.publishedOn, y.previousYear])).toEqual([[2024, '2025-03-05', 2023], [2023, '2024-01-20', null]]);
      const [y2024, y2023] = body.years;
      expect(y2024!.tables.map((t) => t.no)).toEqual([2, 3, 4]);
      const change = (path: string) => y2024!.changes.find((c) => c.path === path);
      // 新收 15 → 20, 无法提供(不掌握) 7 → 4, 办结 14 → 19, 收费 0 → 1.5 万元.
      expect(change('applications.newReceived.total')).toEqual({
        path: 'applications.newReceived.total', place: '表三“一、本年新收政府信息公开申请数量”行“总计”列', before: 15, after: 20, delta: 5,
      });
      expect(change('applications.unavailable.notHeld.total')).toMatchObject({ before: 7, after: 4, delta: -3 });
      expect(change('applications.total.total')).toMatchObject({ before: 14, after: 19, delta: 5 });
      expect(change('proactive.fees.amount')).toMatchObject({ before: 0, after: 1.5, delta: 1.5 });
      // Blank in both years: no change. Table 三's changed cells: 新收, 上年结转, 予以公开, 部分公开,
      // 不予公开(第三方), 无法提供(不掌握), 不予处理(重复), 总计, 结转 — nine.
      expect(change('applications.newReceived.naturalPerson')).toBeUndefined();
      expect(y2024!.changes.filter((c) => c.path.startsWith('applications.'))).toHaveLength(9);
      expect(y2023!.changes).toEqual([]);
      expect(y2023!.narrative).toBeNull();
    });

    it('the copied passage is highlighted in both years; the short stock sentence is not', async () => {
      const n = (await page('county', 'jia')).body.years[0]!.narrative!;
      const section = (side: 'current' | 'previous', no: number) => n[side].find((s) => s.no === no)!.segments;
      expect(section('current', 1)).toEqual([
        { text: OWN_2024, shared: false },
        { text: COPIED.slice(0, -1), shared: true },
        { text: '。', shared: false },
      ]);
      expect(section('previous', 1)).toEqual([
        { text: COPIED.slice(0, -1), shared: true },
        { text: `。${OWN_2023}`, shared: false },
      ]);
      expect(section('current', 6)).toEqual([{ text: FEES, shared: false }]);
      expect(n.score).toBeGreaterThan(0);
      expect(n.score).toBeLessThan(0.8); // not SIM.DUPLICATE: half the text is new
    });

    it('findings per year with their status; indicators against 青禾县’s median', async () => {
      const fp = yiLateFingerprint();
      expect((await as.county!.json('POST', `/api/supervisor/issues/yi/2024/${fp}/dismiss`, { reason: '县政府办公室同意延期至2月3日发布' })).status).toBe(200);
      const { body } = await page('county', 'jia');
      const findings = body.years[0]!.findings;
      expect(findings.map((f) => [f.code, f.statusLabel]).sort()).toEqual([['PUB.LATE', '待审核'], ['T3.ROW_TOTAL', '待审核'], ['VALUE.BLANK', '待审核']]);
      expect(findings.find((f) => f.code === 'T3.ROW_TOTAL')!.place).toBe('表三“一、本年新收政府信息公开申请数量”行“总计”列');
      const yi = (await page('county', 'yi')).body.years[0]!.findings;
      expect(yi.map((f) => [f.code, f.statusLabel])).toEqual([['PUB.LATE', '已驳回']]);
      const ind = body.indicators!;
      expect(ind.region).toEqual({ code: '330106', name: '青禾县' });
      const disclosure = ind.rows.find((r) => r.key === 'disclosureRate')!;
      // 甲 (10 + 2) / 19; median of the three judged bodies (甲 63.2, 丙 15/42 = 35.7, 丁 10/10 = 100) is 甲's.
      expect(disclosure.value).toBeCloseTo((12 / 19) * 100, 6);
      expect(disclosure.median).toBeCloseTo((12 / 19) * 100, 6);
      expect(ind.rows.find((r) => r.key === 'received')!.regionValue).toBe(64);
    });

    it('a body or region outside the scope is not found; a guest must sign in', async () => {
      expect((await page('county', 'hk')).status).toBe(404);
      expect((await page('county', 'nobody')).status).toBe(404);
      expect((await page('city', 'hk')).status).toBe(200);
      expect((await guest.json('GET', '/api/supervisor/bodies/jia')).status).toBe(401);
      expect((await as.county!.request('GET', '/api/supervisor/bodies/hk/assessment?year=2024&format=docx')).status).toBe(404);
      expect((await as.county!.request('GET', '/api/supervisor/regions/330108/assessment?year=2024&format=docx')).status).toBe(404);
    });

    it('the county’s assessment in Word: totals, the late and missing bodies, the ranking', async () => {
      const res = await as.county!.request('GET', '/api/supervisor/regions/330106/assessment?year=2024&format=docx');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('青禾县2024年度政府信息公开工作年度报告质量评估.docx'));
      const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) });
      expect(text).toContain('青禾县2024年度政府信息公开工作年度报告质量评估');
      // Five bodies, four reports (戊镇 none); 甲镇 late (乙乡's late date dismissed); 甲镇 the one with an error.
      expect(text).toContain('本地区纳入评估的机关5个，已发布2024年度报告4个，未发布1个；逾期发布1个；存在错误的1个。共发现问题：错误1个、警告2个。');
      expect(text).toContain('未发布报告的机关：戊镇人民政府。');
      expect(text).toContain('逾期发布报告的机关1个：甲镇人民政府。');
      expect(text).toContain('发布日期晚于期限、经审核认可其理由的机关1个：乙乡人民政府。');
      expect(text).toContain('1. 甲镇人民政府：错误1个、警告2个。');
      expect(text).toContain('一是督促未发布报告的1个机关尽快公布2024年度报告。');
      expect(text).toContain('county（测试）'); // the supervisor's display name signs it
      expect(text).not.toContain('不在评估单位的监督范围内');
      // 青禾市 read by the county office: 河口镇 is not its to assess, and the text says so.
      const city = await as.county!.request('GET', '/api/supervisor/regions/330100/assessment?year=2024&format=html');
      expect(await city.text()).toContain('本地区另有1个机关不在评估单位的监督范围内，未纳入本评估。');
    });

    it('甲镇’s assessment as a printable page: each aspect in words', async () => {
      const res = await as.county!.request('GET', '/api/supervisor/bodies/jia/assessment?year=2024&format=html');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('content-disposition')).toMatch(/^inline/);
      const html = await res.text();
      expect(html).toContain('<h1>甲镇人民政府2024年度政府信息公开工作年度报告质量评估</h1>');
      expect(html).toContain('甲镇人民政府于2025年3月5日发布《2024年政府信息公开工作年度报告》（按2021年模板填报）。经逐项检查，报告存在错误1个、警告2个。');
      expect(html).toContain('报告逾期发布：发布日期 2025年3月5日 晚于期限 2025年1月31日。');
      expect(html).toContain('发现完整性问题1个，例如：表三“一、本年新收政府信息公开申请数量”行“自然人”列：表三本年新收的自然人一格空白，应填 0。');
      expect(html).not.toContain('<script');
      // 乙乡's late date was accepted with a reason: said so, not counted, never called on time.
      const yi = await (await as.county!.request('GET', '/api/supervisor/bodies/yi/assessment?year=2024&format=html')).text();
      expect(yi).toContain('报告发布日期晚于规定期限，经审核认可其理由（县政府办公室同意延期至2月3日发布），不作为问题。');
      expect(yi).toContain('经逐项检查，未发现问题（另有1个经审核驳回，不计入）。');
    });

    it('the public page: not found until switched on, then open to anyone with each body’s status', async () => {
      expect((await guest.json('GET', '/api/public/regions/330106/reports?year=2024')).status).toBe(404);
      expect((await guest.json('GET', '/api/public/regions')).body).toEqual({ regions: [] });
      // 白溪县 is not the county supervisor's; 青禾市 is only partly.
      expect((await as.county!.json('PUT', '/api/supervisor/regions/330108/public', { on: true })).status).toBe(404);
      expect((await as.county!.json('PUT', '/api/supervisor/regions/330100/public', { on: true })).status).toBe(403);
      expect((await as.hkonly!.json('PUT', '/api/supervisor/regions/330106/public', { on: true })).status).toBe(404);
      const on = await as.county!.json<{ regions: { code: string; public: boolean; canSet: boolean; bodies: { id: string; name: string }[] }[] }>(
        'PUT', '/api/supervisor/regions/330106/public', { on: true },
      );
      expect(on.status).toBe(200);
      expect(on.body.regions.find((r) => r.code === '330106')).toMatchObject({ public: true, canSet: true });
      expect(on.body.regions.find((r) => r.code === '330100')).toMatchObject({ public: false, canSet: false });
      // Each region lists the bodies placed in it: 丁县某局 in the county itself, 甲镇 in its township.
      expect(on.body.regions.find((r) => r.code === '330106')!.bodies).toEqual([{ id: 'ding', name: '丁县某局' }]);
      expect(on.body.regions.find((r) => r.code === '330106001')!.bodies).toEqual([{ id: 'jia', name: '甲镇人民政府' }]);

      expect((await guest.json('GET', '/api/public/regions')).body).toEqual({ regions: [{ code: '330106', name: '青禾县' }] });
      const { status, body } = await guest.json<PublicRegion>('GET', '/api/public/regions/330106/reports?year=2024');
      expect(status).toBe(200);
      expect(body.region).toEqual({ code: '330106', name: '青禾县' });
      expect(body.totals).toEqual({ bodies: 5, published: 4, late: 1, missing: 1, withErrors: 1 });
      expect(body.bodies.map((b) => [b.name, b.statusLabel, b.publishedOn, b.errors, b.warnings])).toEqual([
        ['丁县某局', '按时发布', '2025-01-10', 0, 0],
        ['甲镇人民政府', '逾期发布', '2025-03-05', 1, 2],
        ['乙乡人民政府', '延后发布（监督机关已认可）', '2025-02-03', 0, 0],
        ['丙街道办事处', '未载明发布日期', null, 0, 0],
        ['戊镇人民政府', '未发布', null, null, null],
      ]);
      // Not a region of the page's: 白溪县 stays off.
      expect((await guest.json('GET', '/api/public/regions/330108/reports')).status).toBe(404);
    });

    it('the clean data as CSV and JSON, with a corrected cell’s corrected value', async () => {
      const view = await as.county!.json<{ version: number }>('GET', `/api/supervisor/reports/${ids['ding-2024']}`);
      const fixed = await as.county!.json('POST', `/api/supervisor/reports/${ids['ding-2024']}/corrections`, {
        version: view.body.version, path: 'applications.newReceived.total', value: 9, reason: '据丁县某局来函补填',
      });
      expect(fixed.status).toBe(200);
      const csv = await guest.request('GET', '/api/public/regions/330106/data.csv?year=2024');
      expect(csv.status).toBe(200);
      const lines = (await csv.text()).replace(/^\ufeff/, '').trim().split('\n');
      expect(lines[0]).toBe('body_id,body,year,published_on,template,table,row,column,value');
      expect(lines).toContain('ding,丁县某局,2024,2025-01-10,2021,applications,newReceived,total,9');
      expect(lines).toContain('ding,丁县某局,2024,2025-01-10,2021,applications,granted,total,8');
      expect(lines).toContain('jia,甲镇人民政府,2024,2025-03-05,2021,proactive,fees,amount,1.5');
      expect(lines).toContain('bing,丙街道办事处,2024,,2021,proactive,normativeDocuments,issued,');
      expect(lines.some((l) => l.startsWith('wu,') || l.startsWith('hk,'))).toBe(false);
      const json = await guest.json<{ region: { code: string }; year: number; reports: { bodyId: string; applications: Record<string, Record<string, number | null>> }[] }>(
        'GET', '/api/public/regions/330106/data.json?year=2024',
      );
      expect(json.status).toBe(200);
      expect(json.body.reports.map((r) => r.bodyId)).toEqual(['ding', 'jia', 'yi', 'bing']);
      expect(json.body.reports[0]!.applications.newReceived!.total).toBe(9);
      // The body's page reads the corrected model too, and says one cell is corrected.
      const ding = (await as.county!.json<{ years: { corrected: number; version: number; tables: { grid: { path?: string; text: string }[][] }[] }[] }>('GET', '/api/supervisor/bodies/ding')).body.years[0]!;
      expect(ding).toMatchObject({ corrected: 1, version: 2 });
      expect(ding.tables.flatMap((t) => t.grid.flat()).find((c) => c.path === 'applications.newReceived.total')!.text).toBe('9');
    });

    it('switched off again: not found; the observed bodies are still offered on no application form', async () => {
      expect((await as.adm!.json('PUT', '/api/supervisor/regions/330106/public', { on: false })).status).toBe(200);
      expect((await guest.json('GET', '/api/public/regions/330106/reports')).status).toBe(404);
      const offered = await guest.json<{ id: string }[]>('GET', '/api/bodies');
      expect(offered.status).toBe(200);
      expect(offered.body.map((b) => b.id)).not.toContain('jia');
    });
  });
}
