/**
 * The indicators over HTTP, on PGlite and PostgreSQL, with the hand-typed region of
 * test/support/indicator-region.ts: a county supervisor sees its five bodies and the values
 * counted by hand, nothing of another county (404); thresholds set per region apply to it and the
 * regions below, refused to a supervisor who does not oversee the whole region; a correction of a
 * blank cell changes the indicator; the Excel export; the definitions are public.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { seedRegion } from '../support/indicator-region.js';
import { ApiClient, testServer } from '../support/web.js';

interface Cell {
  value: number | null;
  reason: string | null;
  judged: boolean;
  flag: 'red' | 'yellow' | null;
  rank: number | null;
  change: number | null;
}
interface Table {
  year: number;
  region: { code: string; name: string } | null;
  canSetThresholds: boolean;
  indicators: { key: string; thresholds: { yellow: number; red: number } | null; thresholdWords: string; setBy: { code: string; name: string } | null }[];
  bodies: { id: string; name: string; reported: boolean; red: number; yellow: number; cells: Record<string, Cell> }[];
  totals: Record<string, { value: number | null; counted: number; missing: number }>;
  distribution: Record<string, { n: number; median: number } | null>;
  subregions: { code: string; name: string; bodies: number; reported: number; totals: Record<string, { value: number | null }> }[];
}

for (const kind of DB_KINDS) {
  describe(`indicators on ${kind}`, () => {
    let server: RunningServer;
    let ids: Record<string, number>;
    const as: Record<string, ApiClient> = {};

    beforeAll(async () => {
      server = await testServer({ db: kind });
      ids = await seedRegion(server.deps);
      for (const u of ['city', 'county', 'hkonly', 'adm']) {
        as[u] = new ApiClient(server.url);
        await as[u].signIn(u);
      }
    }, 60_000);
    afterAll(async () => {
      await server?.close();
    });

    const table = async (who: string, query: string) => as[who]!.json<Table>('GET', `/api/supervisor/indicators${query}`);
    const body = (t: Table, id: string) => t.bodies.find((b) => b.id === id)!;

    it('the county supervisor: its five bodies, the values counted by hand, the county’s region by default', async () => {
      const { status, body: t } = await table('county', '');
      expect(status).toBe(200);
      expect(t.year).toBe(2024); // the newest year with reports
      expect(t.region).toEqual({ code: '330106', name: '青禾县' });
      expect(t.bodies.map((b) => b.id).sort()).toEqual(['bing', 'ding', 'jia', 'wu', 'yi']);
      const jia = body(t, 'jia');
      expect(jia.cells.disclosureRate!.value).toBeCloseTo((12 / 19) * 100, 6); // (10 + 2) / 19
      expect(jia.cells.received!.change).toBe(5); // 20 − 15
      expect(jia).toMatchObject({ red: 2, yellow: 1 });
      expect(body(t, 'wu').reported).toBe(false);
      expect(body(t, 'ding').cells.received).toMatchObject({ value: null, reason: '表三“一、本年新收政府信息公开申请数量”行“总计”列空缺' });
      expect(body(t, 'yi').cells.disclosureRate).toMatchObject({ value: 25, judged: false, flag: null });
      // 新收 20 + 4 + 40 (丁 blank): 64, 河口镇's 10 not in it.
      expect(t.totals.received).toEqual(expect.objectContaining({ value: 64, counted: 3, missing: 1 }));
      expect(t.distribution.disclosureRate).toEqual(expect.objectContaining({ n: 3 }));
      expect(t.distribution.disclosureRate!.median).toBeCloseTo((12 / 19) * 100, 6);
      expect(t.canSetThresholds).toBe(true);
    });

    it('another county’s region is not found for the county supervisor; the city sees both counties', async () => {
      expect((await table('county', '?region=330108')).status).toBe(404);
      expect((await table('county', '?region=999999')).status).toBe(404);
      const city = (await table('city', '?region=330100&year=2024')).body;
      expect(city.bodies).toHaveLength(6);
      // 实质公开 pooled over the city: (12 + 1 + 15 + 10 + 2) / (19 + 4 + 42 + 10 + 10) = 40 / 85.
      expect(city.totals.disclosureRate!.value).toBeCloseTo((40 / 85) * 100, 6);
      // Per county: 青禾县 新收 64 (丁 blank), 实质公开 38 / 75; 白溪县 新收 10, 实质公开 2 / 10 = 20 %.
      expect(city.subregions.map((r) => [r.name, r.bodies, r.reported, r.totals.received!.value])).toEqual([['青禾县', 5, 4, 64], ['白溪县', 1, 1, 10]]);
      expect(city.subregions[0]!.totals.disclosureRate!.value).toBeCloseTo((38 / 75) * 100, 6);
      expect(city.subregions[1]!.totals.disclosureRate!.value).toBe(20);
      // The county supervisor may read the city's region (its own bodies only) but not set its thresholds.
      const partial = (await table('county', '?region=330100')).body;
      expect(partial.bodies).toHaveLength(5);
      expect(partial.canSetThresholds).toBe(false);
    });

    it('an officer has no indicators (403); a guest must sign in (401); the definitions are public', async () => {
      const guest = new ApiClient(server.url);
      expect((await guest.json('GET', '/api/supervisor/indicators')).status).toBe(401);
      const defs = await guest.json<{ key: string; name: string; formula: string; minDenominator: number | null }[]>('GET', '/api/indicators/definitions');
      expect(defs.status).toBe(200);
      const disclosure = defs.body.find((d) => d.key === 'disclosureRate')!;
      expect(disclosure.name).toBe('实质公开率');
      expect(disclosure.formula).toContain('（一）予以公开');
      expect(disclosure.formula).toContain('（二）部分公开');
      expect(disclosure.formula).toContain('（七）总计');
      expect(disclosure.minDenominator).toBe(10);
    });

    it('thresholds per region: the county’s own apply to it, the city’s are inherited, a supervisor of part of a region is refused', async () => {
      const put = (who: string, payload: unknown) => as[who]!.json<Table & { error?: string }>('PUT', '/api/supervisor/indicators/thresholds', payload);
      // 不予公开率 at 10 / 20 for 青禾县: 丙 23.8 % red, 甲 10.5 % yellow.
      const set = await put('county', { region: '330106', indicator: 'withheldRate', thresholds: { yellow: 10, red: 20 }, year: 2024 });
      expect(set.status).toBe(200);
      expect(body(set.body, 'bing').cells.withheldRate!.flag).toBe('red');
      expect(body(set.body, 'jia').cells.withheldRate!.flag).toBe('yellow');
      expect(set.body.indicators.find((i) => i.key === 'withheldRate')!.setBy).toEqual({ code: '330106', name: '青禾县' });
      // The city sets 实质公开率 at 70 / 60: 甲's 63.2 % becomes yellow in the county, inherited.
      expect((await put('city', { region: '330100', indicator: 'disclosureRate', thresholds: { yellow: 70, red: 60 } })).status).toBe(200);
      const county = (await table('county', '?year=2024')).body;
      expect(body(county, 'jia').cells.disclosureRate!.flag).toBe('yellow');
      expect(county.indicators.find((i) => i.key === 'disclosureRate')!.setBy).toEqual({ code: '330100', name: '青禾市' });
      // Refusals: the county does not oversee all of 青禾市; red below yellow; a count has no thresholds.
      expect((await put('county', { region: '330100', indicator: 'withheldRate', thresholds: { yellow: 10, red: 20 } })).status).toBe(403);
      expect((await put('hkonly', { region: '330106', indicator: 'withheldRate', thresholds: null })).status).toBe(403);
      const wrong = await put('county', { region: '330106', indicator: 'withheldRate', thresholds: { yellow: 30, red: 20 } });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error).toContain('红色阈值不能低于黄色阈值');
      expect((await put('county', { region: '330106', indicator: 'received', thresholds: { yellow: 1, red: 2 } })).status).toBe(400);
      // Cleared: back to the default 20 / 40, 丙 yellow again; the audit log keeps both.
      const cleared = await put('county', { region: '330106', indicator: 'withheldRate', thresholds: null, year: 2024 });
      expect(body(cleared.body, 'bing').cells.withheldRate!.flag).toBe('yellow');
      const audit = await server.deps.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'indicator-thresholds' ORDER BY seq");
      expect(audit.map((a) => a.action)).toEqual(['set', 'set', 'delete']);
    });

    it('the Excel export: one row per body with its values and flags in words, then the region’s median', async () => {
      const res = await as.county!.request('GET', '/api/supervisor/indicators.xlsx?year=2024&region=330106');
      expect(res.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      const sheet = book.getWorksheet('指标')!;
      const header = (sheet.getRow(2).values as unknown[]).map(String);
      const col = header.indexOf('实质公开率（%）');
      const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
      const jia = rows.find((r) => r[1] === '甲镇人民政府')!;
      expect(Number(jia[col])).toBeCloseTo((12 / 19) * 100, 6);
      expect(String(jia[header.indexOf('预警')])).toContain('复议纠错率红色预警');
      expect(rows.find((r) => r[1] === '戊镇人民政府')![header.indexOf('预警')]).toBe('无该年度报告');
      expect(Number(rows.find((r) => r[1] === '中位数')![col])).toBeCloseTo((12 / 19) * 100, 6);
      expect(book.getWorksheet('指标定义')!.rowCount).toBeGreaterThan(10);
    });

    it('indicators read the corrected tables: 丁局’s blank 新收 filled in by a correction', async () => {
      const id = ids['ding-2024']!;
      const report = await as.county!.json<{ version: number }>('GET', `/api/supervisor/reports/${id}`);
      const corrected = await as.county!.json('POST', `/api/supervisor/reports/${id}/corrections`, {
        version: report.body.version, path: 'applications.newReceived.total', value: 9, reason: '原文此格空白，按附表补填',
      });
      expect(corrected.status).toBe(200);
      const t = (await table('county', '?year=2024')).body;
      expect(body(t, 'ding').cells.received!.value).toBe(9);
      // 办结率 10 / (9 + 1) = 100 %; 新收 of the county now 64 + 9.
      expect(body(t, 'ding').cells.closureRate!.value).toBe(100);
      expect(t.totals.received).toEqual(expect.objectContaining({ value: 73, counted: 4, missing: 0 }));
    });
  });
}
