/**
 * The supervisor's analysis API on a real server: rollup of selected bodies (sums checked by
 * hand against the fixture files), refusal of a 2019-template report among 2021 ones, the scope
 * (a body outside the supervisor's set is 403), the Excel export opened with exceljs, and the
 * chart series against the numbers printed in the fixtures.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../src/model/report.js';
import { ARITHMETIC_CODES, checkReport } from '../../src/rules/check.js';
import type { RunningServer } from '../../src/server/start.js';
import { addQinghe, fixtureModel, LY, publish, SX, userId, YL, YUNLING_2024_FIGURES } from '../support/analysis-fixtures.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

interface Rollup {
  area: string;
  template: string;
  included: string[];
  missing: string[];
  refused: { unit: string | null; reason: string }[];
  sources: { key: string; name: string; status: string; reason: string | null; reportId: number | null }[];
  report: AnnualReport;
  tables: { caption: string; grid: { text: string; path?: string }[][] }[];
  findings: { code: string; severity: string; message: string }[];
}

interface Point {
  key: string;
  year: number;
  newReceived: number | null;
  carriedOver: number | null;
  handled: number | null;
  carriedForward: number | null;
  outcomes: Record<string, number | null>;
  reconsideration: number | null;
  litigation: number | null;
}

const yunling = fixtureModel('yunling-2024.tsv.txt');
const yunling2023 = fixtureModel('yunling-2023.tsv.txt');
const songxi = fixtureModel('songxi-2024.tsv.txt');
const linye = fixtureModel('linye-2024-template2019.txt');

describe('supervisor analysis API', () => {
  let server: RunningServer;
  let sup: ApiClient;
  let newestYunling: number;

  beforeAll(async () => {
    server = await testServer();
    const { register, db } = server.deps;
    await addQinghe(server.deps);
    await register.addBody('bx', '白溪县河口镇人民政府', 'test', { region: '白溪县' });
    await addAccount(server.deps, 'sup2', 'supervisor', ['bx']);
    await addAccount(server.deps, 'boss', 'admin', []);
    await addAccount(server.deps, 'clerk', 'officer', ['yl']);
    const supId = await userId(db, 'sup');
    const sup2Id = await userId(db, 'sup2');
    // An earlier upload of 云岭镇 2024 with a wrong 新收 figure, replaced by the corrected file.
    const wrong = structuredClone(yunling);
    wrong.applications.newReceived!.naturalPerson = 60;
    wrong.applications.newReceived!.total = 64;
    await publish(db, { bodyId: 'yl', uploadedBy: supId, model: wrong, uploadedAt: '2025-02-01T08:00:00Z', fileName: 'yunling-old.txt' });
    newestYunling = await publish(db, { bodyId: 'yl', uploadedBy: supId, model: yunling, uploadedAt: '2025-03-01T08:00:00Z' });
    await publish(db, { bodyId: 'yl', uploadedBy: supId, model: yunling2023 });
    await publish(db, { bodyId: 'sx', uploadedBy: supId, model: songxi });
    await publish(db, { bodyId: 'ly', uploadedBy: supId, model: linye });
    await publish(db, { bodyId: 'bx', uploadedBy: sup2Id, model: { ...songxi, unit: '白溪县河口镇人民政府' } });
    // A report sup2 uploaded that matched no registered body: sup2's, not sup's.
    await publish(db, { bodyId: null, uploadedBy: sup2Id, model: { ...songxi, unit: '白溪县 石门乡人民政府' } });
    sup = new ApiClient(server.url);
    await sup.signIn('sup');
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('the fixture reports add up on their own (what the rollup must keep)', () => {
    for (const r of [yunling, yunling2023, songxi, linye]) {
      expect(checkReport(r).filter((f) => ARITHMETIC_CODES.has(f.code)), r.unit ?? '').toEqual([]);
    }
    expect([yunling.template, songxi.template, linye.template]).toEqual(['2021', '2021', '2019']);
  });

  it('rolls up two consistent reports into sums counted by hand, consistent themselves', async () => {
    const { status, body } = await sup.json<Rollup>('POST', '/api/supervisor/rollup', { year: 2024, bodies: ['yl', 'sx'] });
    expect(status).toBe(200);
    expect(body.included).toEqual([YL, SX]);
    expect(body.missing).toEqual([]);
    expect(body.refused).toEqual([]);
    // Both bodies are in 青禾县: the area's default name.
    expect(body.area).toBe('青禾县');
    const apps = body.report.applications;
    // 一、本年新收: 云岭镇 6 2 0 1 1 0 10, 松溪乡 4 1 0 0 0 1 6 (the newest 云岭镇 upload, not the 64 one).
    expect(apps.newReceived).toEqual({ naturalPerson: 10, commercial: 3, research: 0, publicInterest: 1, legalService: 1, otherOrg: 1, total: 16 });
    expect(apps.granted!.total).toBe(5 + 3);
    expect(apps['withheld.processInfo']!.otherOrg).toBe(0 + 1);
    expect(apps['unavailable.notHeld']!.total).toBe(3 + 0);
    expect(apps['notProcessed.duplicate']!.naturalPerson).toBe(0 + 1);
    expect(apps.carriedForward).toEqual({ naturalPerson: 1, commercial: 1, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0, total: 2 });
    expect(body.report.proactive.licensing!.decisions).toBe(156 + 38);
    expect(body.report.proactive.fees!.amount).toBe(1.55);
    expect(body.report.appeals.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 2, total: 3 });
    expect(body.findings.filter((f) => ARITHMETIC_CODES.has(f.code))).toEqual([]);
    expect(body.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // The official layout: table 三's 新收 row carries the label and 16 in its 总计 cell.
    const t3 = body.tables.find((t) => t.caption === '表三')!;
    const row = t3.grid.find((r) => r.some((c) => c.text === '一、本年新收政府信息公开申请数量'))!;
    expect(row.find((c) => c.path === 'applications.newReceived.total')!.text).toBe('16');
  });

  it('refuses a 2019-template report among 2021 ones, with the reason', async () => {
    const { status, body } = await sup.json<Rollup>('POST', '/api/supervisor/rollup', { year: 2024, bodies: ['yl', 'sx', 'ly'], area: '青禾县（部分）' });
    expect(status).toBe(200);
    expect(body.area).toBe('青禾县（部分）');
    expect(body.template).toBe('2021');
    expect(body.included).toEqual([YL, SX]);
    expect(body.refused).toHaveLength(1);
    expect(body.refused[0]!.unit).toBe(LY);
    expect(body.refused[0]!.reason).toMatch(/2019年模板/);
    const ly = body.sources.find((s) => s.key === 'ly')!;
    expect(ly.status).toBe('refused');
    expect(ly.reason).toMatch(/2019年模板/);
    // 林业局's 4 applications are not in the sum.
    expect(body.report.applications.newReceived!.total).toBe(16);
  });

  it('lists a selected body without a report of the year as missing', async () => {
    const { body } = await sup.json<Rollup>('POST', '/api/supervisor/rollup', { year: 2023, bodies: ['yl', 'sx'] });
    expect(body.included).toEqual([YL]);
    expect(body.missing).toEqual([SX]);
    expect(body.sources.map((s) => s.status)).toEqual(['included', 'missing']);
    expect(body.report.applications.newReceived!.total).toBe(6);
  });

  it('refuses a body outside the supervisor’s set (403), other roles, and anonymous users', async () => {
    const outside = await sup.json<{ error: string }>('POST', '/api/supervisor/rollup', { year: 2024, bodies: ['yl', 'bx'] });
    expect(outside.status).toBe(403);
    expect(outside.body.error).toMatch(/bx/);
    expect((await sup.request('GET', '/api/supervisor/export.xlsx?year=2024&bodies=yl,bx')).status).toBe(403);
    expect((await sup.request('GET', '/api/supervisor/series?bodies=bx')).status).toBe(403);
    expect((await sup.request('GET', '/api/supervisor/rollup.html?year=2024&bodies=bx')).status).toBe(403);
    const clerk = new ApiClient(server.url);
    await clerk.signIn('clerk');
    expect((await clerk.json('POST', '/api/supervisor/rollup', { year: 2024, bodies: ['yl'] })).status).toBe(403);
    const anonymous = new ApiClient(server.url);
    await anonymous.refresh();
    expect((await anonymous.json('POST', '/api/supervisor/rollup', { year: 2024, bodies: ['yl'] })).status).toBe(401);
    expect((await sup.json('POST', '/api/supervisor/rollup', { year: 2024, bodies: ['yl'] }, { csrf: false })).status).toBe(403);
  });

  it('lists the supervisor’s bodies with their years; unmatched uploads only for their uploader', async () => {
    const { body } = await sup.json<{ key: string; name: string; years: number[]; levelLabel: string }[]>('GET', '/api/supervisor/analysis/bodies');
    expect(body.map((b) => b.key).sort()).toEqual(['ly', 'sx', 'yl']);
    expect(body.find((b) => b.key === 'yl')!.years).toEqual([2023, 2024]);
    expect(body.find((b) => b.key === 'sx')!.levelLabel).toBe('乡镇（街道）');
    const sup2 = new ApiClient(server.url);
    await sup2.signIn('sup2');
    const other = (await sup2.json<{ key: string; name: string; years: number[] }[]>('GET', '/api/supervisor/analysis/bodies')).body;
    const unit = other.find((b) => b.key.startsWith('u:'))!;
    expect(unit).toMatchObject({ name: '白溪县 石门乡人民政府', years: [2024] });
    // Its key works for its uploader and for nobody else.
    expect((await sup2.json<Rollup>('POST', '/api/supervisor/rollup', { year: 2024, bodies: [unit.key] })).body.included).toEqual(['白溪县 石门乡人民政府']);
    expect((await sup.json('POST', '/api/supervisor/rollup', { year: 2024, bodies: [unit.key] })).status).toBe(404);
    const boss = new ApiClient(server.url);
    await boss.signIn('boss');
    const all = (await boss.json<{ key: string }[]>('GET', '/api/supervisor/analysis/bodies')).body.map((b) => b.key);
    expect(all).toEqual(expect.arrayContaining(['yl', 'sx', 'ly', 'bx', unit.key]));
  });

  it('exports Excel: a sheet per table with one row per body, and the findings', async () => {
    const res = await sup.request('GET', '/api/supervisor/export.xlsx?year=2024&bodies=yl&bodies=sx&bodies=ly');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(['机关', '表二', '表三', '表四', '检查发现']);
    const values = (sheet: ExcelJS.Worksheet, r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    /** The column under row label `row` and column label `column` (headers in rows 1 and 2, row label merged). */
    const column = (sheet: ExcelJS.Worksheet, row: string, col: string) => {
      const heads = values(sheet, 1);
      const subs = values(sheet, 2);
      return heads.findIndex((h, i) => h === row && subs[i] === col);
    };
    const bodies = (sheet: ExcelJS.Worksheet) => Array.from({ length: sheet.rowCount - 2 }, (_, i) => values(sheet, i + 3)[0]);

    const t3 = book.getWorksheet('表三')!;
    expect(bodies(t3)).toEqual([YL, SX, LY]);
    const newReceived = column(t3, '一、本年新收政府信息公开申请数量', '总计');
    expect(newReceived).toBeGreaterThan(3);
    expect([3, 4, 5].map((r) => values(t3, r)[newReceived])).toEqual([10, 6, 4]);
    const notHeld = column(t3, '（四）无法提供 1.本机关不掌握相关政府信息', '自然人');
    expect([3, 4, 5].map((r) => values(t3, r)[notHeld])).toEqual([2, 0, 1]);

    const t2 = book.getWorksheet('表二')!;
    expect(bodies(t2)).toEqual([YL, SX, LY]);
    const licensing = column(t2, '行政许可', '本年处理决定数量');
    expect([3, 4, 5].map((r) => values(t2, r)[licensing])).toEqual([156, 38, 230]);

    const t4 = book.getWorksheet('表四')!;
    const reconsideration = column(t4, '行政复议', '总计');
    expect([3, 4, 5].map((r) => values(t4, r)[reconsideration])).toEqual([2, 1, 0]);

    const found = book.getWorksheet('检查发现')!;
    const rows = Array.from({ length: found.rowCount - 1 }, (_, i) => values(found, i + 2));
    expect(rows.some((r) => r[0] === LY && r[3] === 'STRUCT.TEMPLATE_OUTDATED' && r[4] === '警告')).toBe(true);
    expect(rows.filter((r) => r[0] === YL)).toEqual([]);
  });

  it('gives chart series equal to the numbers printed in each report', async () => {
    const { status, body } = await sup.json<{ points: Point[]; years: number[] }>('GET', '/api/supervisor/series?bodies=yl,ly&from=2023&to=2024');
    expect(status).toBe(200);
    expect(body.years).toEqual([2023, 2024]);
    const at = (key: string, year: number) => body.points.find((p) => p.key === key && p.year === year)!;
    expect(at('yl', 2024)).toMatchObject(YUNLING_2024_FIGURES);
    expect(at('yl', 2023)).toMatchObject({ newReceived: 6, carriedOver: 0, handled: 5, carriedForward: 1, reconsideration: 1, litigation: 0 });
    expect(at('yl', 2023).outcomes).toMatchObject({ granted: 4, unavailable: 1 });
    // The 2019 template's single （六） row and its 不掌握 row.
    expect(at('ly', 2024)).toMatchObject({ newReceived: 4, handled: 4, outcomes: { granted: 3, unavailable: 1, otherHandling: 0 } });
    expect((await sup.request('GET', '/api/supervisor/series?from=2024&to=2023')).status).toBe(400);
    const all = (await sup.json<{ points: Point[] }>('GET', '/api/supervisor/series')).body.points;
    expect(new Set(all.map((p) => p.key))).toEqual(new Set(['yl', 'sx', 'ly']));
    expect(all.filter((p) => p.key === 'yl' && p.year === 2024)).toHaveLength(1);
  });

  it('downloads the rollup in the official layout (HTML and Word)', async () => {
    const html = await sup.request('GET', '/api/supervisor/rollup.html?year=2024&bodies=yl,sx');
    expect(html.status).toBe(200);
    const text = await html.text();
    expect(text).toContain('青禾县2024年政府信息公开工作年度报告统计数据汇总');
    expect(text).toMatch(/data-path="applications\.newReceived\.total">16</);
    const docx = await sup.request('GET', '/api/supervisor/rollup.docx?year=2024&bodies=yl,sx');
    expect(docx.status).toBe(200);
    expect(new TextDecoder().decode(new Uint8Array(await docx.arrayBuffer()).slice(0, 2))).toBe('PK');
  });

  it('uses the newest upload of a body and year', async () => {
    const { body } = await sup.json<Rollup>('POST', '/api/supervisor/rollup', { year: 2024, bodies: ['yl'] });
    expect(body.sources[0]!.reportId).toBe(newestYunling);
  });
});
