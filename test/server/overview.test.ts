/**
 * The region overview over HTTP, on PGlite and PostgreSQL, with the hand-typed region of
 * test/support/overview-region.ts: the city's and a county's totals for a year and the lines
 * below them, drilling down; the bodies × years table sorted and filtered; paging; the Excel
 * export read back; the scope (another county's region is not found) and a directory change seen
 * at once.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { seedOverviewRegion } from '../support/overview-region.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

interface Totals {
  bodies: number;
  reported: number;
  late: number;
  missing: number;
  unreadable: number;
  withErrors: number;
}
interface Regions {
  year: number;
  years: number[];
  region: { code: string; name: string } | null;
  trail: { code: string; name: string }[];
  totals: Totals;
  lines: { kind: string; code: string | null; name: string; totals: Totals }[];
}
interface Table {
  year: number;
  years: number[];
  total: number;
  page: number;
  pages: number;
  rows: { id: string; name: string; regionName: string | null; cells: { year: number; status: string; errors: number; reports: { id: number }[] }[] }[];
}

/** Totals in the order bodies, reported, late, missing, unreadable, with errors. */
const t = (bodies: number, reported: number, late: number, missing: number, unreadable: number, withErrors: number): Totals => ({ bodies, reported, late, missing, unreadable, withErrors });

for (const kind of DB_KINDS) {
  describe(`region overview on ${kind}`, () => {
    let server: RunningServer;
    let ids: Record<string, number>;
    const as: Record<string, ApiClient> = {};

    beforeAll(async () => {
      server = await testServer({ db: kind });
      ids = await seedOverviewRegion(server.deps);
      for (const u of ['city', 'county', 'baixi', 'adm']) {
        as[u] = new ApiClient(server.url);
        await as[u].signIn(u);
      }
    }, 60_000);
    afterAll(async () => {
      await server?.close();
    });

    const regions = async (who: string, q = '') => as[who]!.json<Regions>('GET', `/api/supervisor/overview/regions${q}`);
    const table = async (who: string, q = '') => as[who]!.json<Table>('GET', `/api/supervisor/overview/bodies${q}`);
    const names = (tb: Table) => tb.rows.map((r) => r.name);

    it('the city supervisor starts at the city, last year (2025, nothing reported yet)', async () => {
      const { status, body } = await regions('city');
      expect(status).toBe(200);
      expect(body.region).toMatchObject({ code: '330100', name: '青禾市' });
      expect(body.year).toBe(2025);
      expect(body.years).toEqual([2025, 2024, 2023]);
      expect(body.totals).toEqual(t(5, 0, 0, 5, 0, 0));
    });

    it('2024 for the city: totals counted by hand, one line per county', async () => {
      const { body } = await regions('city', '?year=2024');
      // Reported: 县政府, 教育局, 甲镇, 河口镇 (unreadable); late: 教育局; missing: 乙镇; with errors: 教育局, 甲镇.
      expect(body.totals).toEqual(t(5, 4, 1, 1, 1, 2));
      expect(body.lines).toEqual([
        { kind: 'region', code: '330106', name: '青禾县', totals: t(4, 3, 1, 1, 0, 2) },
        { kind: 'region', code: '330108', name: '白溪县', totals: t(1, 1, 0, 0, 1, 0) },
      ]);
    });

    it('drills down to the county: its townships, then its own government and department', async () => {
      const { body } = await regions('city', '?year=2024&region=330106');
      expect(body.trail.map((r) => r.name)).toEqual(['青禾市', '青禾县']);
      expect(body.totals).toEqual(t(4, 3, 1, 1, 0, 2));
      expect(body.lines).toEqual([
        { kind: 'region', code: '330106001', name: '甲镇', totals: t(1, 1, 0, 0, 0, 1) },
        { kind: 'region', code: '330106002', name: '乙镇', totals: t(1, 0, 0, 1, 0, 0) },
        { kind: 'own', code: '330106', name: '青禾县本级', totals: t(2, 2, 1, 0, 0, 1) },
      ]);
      // 2023 in the same county: 教育局 on time, 甲镇 late, 乙镇 with an error, 县政府 missing.
      expect((await regions('city', '?year=2023&region=330106')).body.totals).toEqual(t(4, 3, 1, 1, 0, 1));
    });

    it('a county supervisor sees its county; another county, the city above it, an unknown code: not found', async () => {
      const { body } = await regions('county', '?year=2024');
      expect(body.region).toMatchObject({ code: '330106' });
      expect(body.totals).toEqual(t(4, 3, 1, 1, 0, 2));
      for (const q of ['?region=330108', '?region=330108001', '?region=330100', '?region=999999']) {
        expect((await regions('county', q)).status, q).toBe(404);
        expect((await table('county', q)).status, q).toBe(404);
      }
      expect((await as.county!.request('GET', '/api/supervisor/overview/bodies.xlsx?region=330108')).status).toBe(404);
      const baixi = await table('baixi', '?year=2024');
      expect(names(baixi.body)).toEqual(['河口镇人民政府']);
    });

    it('the table: every body of the region in name order (pinyin), one column per year, the counted report first', async () => {
      const { body } = await table('city', '?year=2024');
      expect(body.years).toEqual([2025, 2024, 2023]);
      expect(names(body)).toEqual(['河口镇人民政府', '甲镇人民政府', '青禾县教育局', '青禾县人民政府', '乙镇人民政府']);
      const jia = body.rows.find((r) => r.id === 'jia')!;
      expect(jia.regionName).toBe('甲镇');
      const y2024 = jia.cells.find((c) => c.year === 2024)!;
      expect(y2024).toMatchObject({ status: 'reported', errors: 2 });
      expect(y2024.reports.map((r) => r.id)).toEqual([ids['jia-2024'], ids['jia-2024-draft']]);
      expect(jia.cells.map((c) => c.status)).toEqual(['missing', 'reported', 'late']);
      expect(body.rows.find((r) => r.id === 'hk')!.cells[1]).toMatchObject({ status: 'unreadable', errors: 0 });
    });

    it('sorts by any column, both ways, with the sort in the query', async () => {
      // 2024, problems first: 乙镇 missing, 河口镇 unreadable, 教育局 late, 甲镇 2 errors, 县政府 clean.
      expect(names((await table('city', '?year=2024&sort=y2024&dir=desc')).body)).toEqual(['乙镇人民政府', '河口镇人民政府', '青禾县教育局', '甲镇人民政府', '青禾县人民政府']);
      expect(names((await table('city', '?year=2024&sort=y2024&dir=asc')).body)).toEqual(['青禾县人民政府', '甲镇人民政府', '青禾县教育局', '河口镇人民政府', '乙镇人民政府']);
      expect(names((await table('city', '?sort=name&dir=desc')).body)).toEqual(['乙镇人民政府', '青禾县人民政府', '青禾县教育局', '甲镇人民政府', '河口镇人民政府']);
      // By region: in the tree's order of codes (330106 本级, 甲镇 …001, 乙镇 …002, 河口镇 330108001), names within.
      expect(names((await table('city', '?sort=region')).body)).toEqual(['青禾县教育局', '青禾县人民政府', '甲镇人民政府', '乙镇人民政府', '河口镇人民政府']);
      expect(names((await table('city', '?sort=level')).body)).toEqual(['青禾县人民政府', '河口镇人民政府', '甲镇人民政府', '乙镇人民政府', '青禾县教育局']);
      expect((await table('city', '?sort=budget')).status).toBe(400);
    });

    it('filters by status of the year, errors, level, name and region', async () => {
      const q = async (query: string) => names((await table('city', `?year=2024&${query}`)).body);
      expect(await q('status=missing')).toEqual(['乙镇人民政府']);
      expect(await q('status=late')).toEqual(['青禾县教育局']);
      expect(await q('status=unreadable')).toEqual(['河口镇人民政府']);
      expect(await q('status=reported')).toEqual(['河口镇人民政府', '甲镇人民政府', '青禾县教育局', '青禾县人民政府']);
      expect(await q('errors=1')).toEqual(['甲镇人民政府', '青禾县教育局']);
      expect(await q('level=township')).toEqual(['河口镇人民政府', '甲镇人民政府', '乙镇人民政府']);
      expect(await q(`q=${encodeURIComponent('青禾县')}`)).toEqual(['青禾县教育局', '青禾县人民政府']);
      expect(await q('region=330106&status=reported&errors=1&sort=y2024&dir=desc')).toEqual(['青禾县教育局', '甲镇人民政府']);
      expect(names((await table('city', '?year=2023&status=missing')).body)).toEqual(['河口镇人民政府', '青禾县人民政府']);
    });

    it('pages fifty bodies at a time; past the last page, the last page', async () => {
      const first = (await table('adm', '?region=330200')).body;
      expect(first).toMatchObject({ total: 55, page: 1, pages: 2 });
      expect(first.rows).toHaveLength(50);
      const second = (await table('adm', '?region=330200&page=2')).body;
      expect(second.rows).toHaveLength(5);
      expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(55);
      expect((await table('adm', '?region=330200&page=9')).body.page).toBe(2);
      expect((await table('city', '?region=330200')).status).toBe(404);
    });

    it('exports the table as filtered and sorted, with the region totals, to Excel', async () => {
      const res = await as.city!.request('GET', '/api/supervisor/overview/bodies.xlsx?year=2024&errors=1&sort=y2024&dir=desc');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const rows = (name: string) => {
        const out: unknown[][] = [];
        book.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
        return out;
      };
      const bodies = rows('机关年度报告情况');
      expect(bodies[1]).toEqual(['机关', '层级', '地区', '2025年度', '2024年度', '2023年度']);
      expect(bodies.slice(2)).toEqual([
        ['青禾县教育局', '部门', '青禾县', '缺报', '逾期发布，错误 1 个，警告 1 个', '按时报送'],
        ['甲镇人民政府', '乡镇（街道）', '甲镇', '缺报', '按时报送，错误 2 个，另有 1 份上传', '逾期发布，警告 1 个'],
      ]);
      const sums = rows('地区合计');
      expect(sums.slice(1)).toEqual([
        ['地区', '机关数', '已报送', '逾期发布', '缺报', '无法读取', '有错误'],
        ['青禾市合计', 5, 4, 1, 1, 1, 2],
        ['青禾县', 4, 3, 1, 1, 0, 2],
        ['白溪县', 1, 1, 0, 0, 1, 0],
      ]);
    });

    it('sees a directory change at once: a body added to the county, a supervisor moved to another county', async () => {
      await server.deps.db.query("INSERT INTO bodies (id, name, level, region_code, works_here) VALUES ('bing', '丙镇人民政府', 'township', '330106002', false)");
      expect((await regions('county', '?year=2024')).body.totals).toEqual(t(5, 3, 1, 2, 0, 2));
      const id = (await server.deps.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'baixi'"))[0]!.id;
      await server.deps.accounts.updateUser(id, { regions: ['330106'] }, 'test');
      expect((await regions('baixi', '?year=2024')).body.region).toMatchObject({ code: '330106' });
      expect((await regions('baixi', '?region=330108')).status).toBe(404);
    });

    it('is the supervisor’s: an officer is refused, a visitor asked to sign in', async () => {
      await addAccount(server.deps, 'off', 'officer', ['jia']);
      const officer = new ApiClient(server.url);
      await officer.signIn('off');
      expect((await officer.request('GET', '/api/supervisor/overview/regions')).status).toBe(403);
      expect((await officer.request('GET', '/api/supervisor/overview/bodies')).status).toBe(403);
      expect((await new ApiClient(server.url).request('GET', '/api/supervisor/overview/bodies.xlsx')).status).toBe(401);
    });
  });
}
