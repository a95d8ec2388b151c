/**
 * The supervisor's API: uploading published reports (files and ZIPs, within the limits, CSRF
 * required), the hostile HTML page stored and served inert, one report located in its source and
 * its tables, and the scope — another supervisor, whose set does not hold the body, sees nothing
 * of it, exactly as if it did not exist. sup-a oversees the region 青禾县 (with 松溪乡 and 林业局 in
 * the directory) and the body 云岭镇; a report of a body not in the directory waits in 待匹配 until
 * sup-a creates the body in the region — an upload never creates one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { EXTERNAL_TOOLS } from '../../src/adapters/external.js';
import type { UploadResult } from '../../src/server/routes/supervisor.js';
import { readUpload } from '../../src/app/supervision/source-view.js';
import { FIXTURES, haveCommand } from '../support/shared.js';
import { BodyStore } from '../../src/store/body-store.js';
import { RegionStore } from '../../src/store/region-store.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

const fixture = (name: string) => readFileSync(join(FIXTURES, 'reports', name));
const HOSTILE = 'bailu-2024.hostile.html';

interface FindingView {
  code: string;
  at: string;
  message: string;
  cells: string[];
  spots: { line: number; column: number; length: number; cell?: string }[];
}

interface ReportView {
  id: number;
  unit: string | null;
  year: number | null;
  error: string | null;
  hasHtml: boolean;
  lines: string[];
  findings: FindingView[];
  tables: { no: number; caption: string; grid: { text: string; path?: string }[][] }[];
}

interface Overview {
  years: number[];
  bodies: { id: string; name: string; level: string; cells: { year: number; reports: { id: number; errors: number; similar: boolean; late: boolean }[] }[] }[];
  unplaced: { id: number; fileName: string; error: string | null }[];
}

/** The files as one multipart body, with the content type left to fetch. */
function formOf(files: readonly { name: string; bytes: Uint8Array | string }[]): FormData {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([typeof f.bytes === 'string' ? f.bytes : new Uint8Array(f.bytes)]), f.name);
  return form;
}

async function uploadAs(client: ApiClient, files: readonly { name: string; bytes: Uint8Array | string }[], opts: { csrf?: boolean } = {}) {
  const res = await client.request('POST', '/api/supervisor/uploads', undefined, { raw: formOf(files), ...opts });
  return { status: res.status, body: (await res.json()) as { results: UploadResult[]; error?: string } };
}

const reportCount = async (server: RunningServer) => Number((await server.deps.db.query<{ n: string }>('SELECT count(*) AS n FROM published_reports'))[0]!.n);

for (const kind of DB_KINDS) {
  describe(`supervisor uploads and views on ${kind}`, () => {
    let server: RunningServer;
    let supA: ApiClient;
    let supB: ApiClient;
    let admin: ApiClient;
    let hostileId: number;

    beforeAll(async () => {
      server = await testServer({ db: kind, config: { upload: { maxFileBytes: 512 * 1024, maxFiles: 8 } } });
      await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
      await server.deps.register.addBody('sq', '石泉街道办事处', 'test');
      await server.deps.db.transaction(async (tx) => {
        await RegionStore.write(tx, [{ code: '990101', name: '青禾县', level: 'county', parentCode: null }]);
        await BodyStore.write(tx, [
          { id: 'sx', name: '青禾县松溪乡人民政府', level: 'township', regionCode: '990101', aliases: [], creditCode: null, worksHere: false },
          { id: 'ly', name: '青禾县林业局', level: 'department', regionCode: '990101', aliases: [], creditCode: null, worksHere: false },
        ]);
      });
      await addAccount(server.deps, 'sup-a', 'supervisor', ['yl']);
      await server.deps.db.query(`INSERT INTO user_regions (user_id, region_code) SELECT id, '990101' FROM users WHERE username = 'sup-a'`);
      await addAccount(server.deps, 'sup-b', 'supervisor', ['sq']);
      await addAccount(server.deps, 'root', 'admin', []);
      supA = new ApiClient(server.url);
      supB = new ApiClient(server.url);
      admin = new ApiClient(server.url);
      await supA.signIn('sup-a');
      await supB.signIn('sup-b');
      await admin.signIn('root');
    }, 60_000);
    afterAll(async () => server?.close());

    it('lets only supervisors and the administrator in, and documents the routes', async () => {
      await addAccount(server.deps, 'officer-yl', 'officer', ['yl']);
      const officer = new ApiClient(server.url);
      await officer.signIn('officer-yl');
      expect((await officer.request('GET', '/api/supervisor/overview')).status).toBe(403);
      expect((await uploadAs(officer, [{ name: HOSTILE, bytes: fixture(HOSTILE) }])).status).toBe(403);
      expect((await new ApiClient(server.url).request('GET', '/api/supervisor/overview')).status).toBe(401);
      const doc = await supA.json<{ paths: Record<string, unknown> }>('GET', '/api/openapi.json');
      for (const path of ['/api/supervisor/uploads', '/api/supervisor/overview', '/api/supervisor/reports/{id}', '/api/supervisor/reports/{id}/source.html']) {
        expect(Object.keys(doc.body.paths)).toContain(path);
      }
    });

    it('refuses an upload without the CSRF token and stores nothing', async () => {
      const r = await uploadAs(supA, [{ name: HOSTILE, bytes: fixture(HOSTILE) }], { csrf: false });
      expect(r.status).toBe(403);
      expect(r.body.error).toContain('CSRF');
      expect(await reportCount(server)).toBe(0);
    });

    it('reads the hostile page of 白鹭镇, keeps it in 待匹配 (no body made), finds the planted error, and files it under the body sup-a creates', async () => {
      const bodies = await server.deps.db.query('SELECT id FROM bodies ORDER BY id');
      const r = await uploadAs(supA, [{ name: HOSTILE, bytes: fixture(HOSTILE) }]);
      expect(r.status).toBe(200);
      const [res] = r.body.results;
      // Read by eye from the fixture: 青禾县白鹭镇人民政府, 2024; （一）予以公开 is 3+1 = 4 but its 总计 says 5,
      // which breaks that row's total and the 总计 column's sum of outcomes (5+1+1 = 7 ≠ 6).
      expect(res).toMatchObject({ file: HOSTILE, ok: true, unit: '青禾县白鹭镇人民政府', year: 2024, bodyId: null, match: { status: 'pending', candidates: 0 }, errors: 2 });
      hostileId = res!.reportId!;
      expect(await server.deps.db.query('SELECT id FROM bodies ORDER BY id')).toEqual(bodies);
      const made = await supA.json<{ bodyId: string }>('POST', `/api/supervisor/pending/${hostileId}/new-body`, { name: '青禾县白鹭镇人民政府', regionCode: '990101' });
      expect(made.status).toBe(200);
      const session = await supA.json<{ user: { bodies: string[] } }>('GET', '/api/session');
      expect(session.body.user.bodies).toContain(made.body.bodyId);
      const body = await server.deps.db.query<{ name: string; level: string; works_here: boolean }>('SELECT name, level, works_here FROM bodies WHERE id = $1', [made.body.bodyId]);
      expect(body).toEqual([{ name: '青禾县白鹭镇人民政府', level: 'township', works_here: false }]);
      const audit = await server.deps.db.query<{ action: string; entity: string }>("SELECT action, entity FROM audit_log WHERE actor = 'user:sup-a' AND entity <> 'sign-in' ORDER BY seq");
      expect(audit).toEqual([
        { action: 'upload', entity: 'published-report' },
        { action: 'create', entity: 'body' },
        { action: 'match', entity: 'published-report' },
      ]);
    });

    it('stores and serves the page sanitised, with the sandbox CSP', async () => {
      const stored = (await server.deps.db.query<{ source_html: string }>('SELECT source_html FROM published_reports WHERE id = $1', [hostileId]))[0]!.source_html;
      for (const page of [stored, await (await supA.request('GET', `/api/supervisor/reports/${hostileId}/source.html`)).text()]) {
        const lower = page.toLowerCase();
        for (const bad of ['<script', 'onerror', 'onload', 'onclick', 'onmouseover', 'javascript', '<img', '<svg', '<iframe', '<object', '<embed', '<form', '<meta http-equiv', '<base', '<link', 'attacker.invalid', '__pwned']) {
          expect(lower, bad).not.toContain(bad);
        }
        expect(page).toContain('青禾县白鹭镇人民政府2024年政府信息公开工作年度报告');
        expect(page).toContain('三、本年度办理结果');
      }
      const res = await supA.request('GET', `/api/supervisor/reports/${hostileId}/source.html`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("sandbox; default-src 'none'; style-src 'unsafe-inline'");
      expect(csp).not.toContain('allow-scripts');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('shows the report beside its source: the wrong 总计 located in the text lines, the tables and the page', async () => {
      const { status, body } = await supA.json<ReportView>('GET', `/api/supervisor/reports/${hostileId}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ unit: '青禾县白鹭镇人民政府', year: 2024, error: null, hasHtml: true });
      const f = body.findings.find((x) => x.code === 'T3.ROW_TOTAL')!;
      expect(f.at).toBe('applications.granted.total');
      expect(f.cells).toContain('applications.granted.total');
      // The source line of （一）予以公开 as the reader made it, and the 5 in it.
      const spot = f.spots[0]!;
      const line = body.lines[spot.line - 1]!;
      expect(line).toContain('（一）予以公开');
      expect(line.slice(spot.column - 1, spot.column - 1 + spot.length)).toBe('5');
      // The table drawn from the template's grid carries the cell with its value.
      const table3 = body.tables.find((t) => t.no === 3)!;
      const cell = table3.grid.flat().find((c) => c.path === 'applications.granted.total')!;
      expect(cell.text).toBe('5');
      expect(table3.grid.flat().some((c) => c.text === '（一）予以公开')).toBe(true);
      // The page's cell of that 5 carries the id the spot names, and the page highlights it.
      const page = await (await supA.request('GET', `/api/supervisor/reports/${hostileId}/source.html`)).text();
      expect(spot.cell).toMatch(/^c\d+-\d+$/);
      expect(page).toContain(`<td id="${spot.cell}">5</td>`);
      expect(page).toMatch(new RegExp(`#${spot.cell}[,\\s]`));
    });

    it('gives another supervisor 404 for the report, its source and nothing in the overview — as for a report that does not exist', async () => {
      const missing = await supB.json<{ error: string }>('GET', '/api/supervisor/reports/999999');
      const other = await supB.json<{ error: string }>('GET', `/api/supervisor/reports/${hostileId}`);
      expect(other).toEqual(missing);
      expect(other.status).toBe(404);
      expect((await supB.request('GET', `/api/supervisor/reports/${hostileId}/source.html`)).status).toBe(404);
      const ov = await supB.json<Overview>('GET', '/api/supervisor/overview');
      expect(ov.body.bodies.map((b) => b.name)).toEqual(['石泉街道办事处']);
      expect(ov.body.unplaced).toEqual([]);
      expect(JSON.stringify(ov.body)).not.toContain('白鹭');
      // The administrator sees it.
      expect((await admin.json('GET', `/api/supervisor/reports/${hostileId}`)).status).toBe(200);
    });

    it('refuses, file by file, a report of a known body outside the set', async () => {
      const before = await reportCount(server);
      const r = await uploadAs(supB, [{ name: 'yunling-2024.tsv.txt', bytes: fixture('yunling-2024.tsv.txt') }]);
      expect(r.status).toBe(200);
      expect(r.body.results).toEqual([
        expect.objectContaining({ file: 'yunling-2024.tsv.txt', ok: false, reportId: null, unit: '青禾县云岭镇人民政府', error: expect.stringContaining('该机关不在您的监督范围内') }),
      ]);
      expect(await reportCount(server)).toBe(before);
    });

    it('lists a corrupt file with its error, stored for its uploader alone', async () => {
      const r = await uploadAs(supA, [{ name: '损坏.pdf', bytes: '%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not the rest of a PDF' }]);
      const [res] = r.body.results;
      expect(res).toMatchObject({ file: '损坏.pdf', ok: false, unit: null, year: null, match: null });
      expect(res!.error).toMatch(/PDF/);
      expect(res!.reportId).not.toBeNull();
      const mine = await supA.json<Overview>('GET', '/api/supervisor/overview');
      expect(mine.body.unplaced).toEqual([expect.objectContaining({ id: res!.reportId, fileName: '损坏.pdf', error: res!.error })]);
      expect((await supB.request('GET', `/api/supervisor/reports/${res!.reportId}`)).status).toBe(404);
      expect((await supA.json<ReportView>('GET', `/api/supervisor/reports/${res!.reportId}`)).body.error).toBe(res!.error);
    });

    it('reads each report of a ZIP, and refuses a zip bomb unopened', async () => {
      const zip = new JSZip();
      zip.file('云岭镇/2023.txt', fixture('yunling-2023.tsv.txt'));
      zip.file('云岭镇/2024.txt', fixture('yunling-2024.tsv.txt'));
      const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      const bomb = new JSZip();
      bomb.file('zeros.txt', new Uint8Array(20 * 1024 * 1024));
      const bombBytes = await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      const r = await uploadAs(supA, [
        { name: '云岭镇.zip', bytes },
        { name: 'bomb.zip', bytes: bombBytes },
      ]);
      expect(r.status).toBe(200);
      expect(r.body.results).toEqual([
        expect.objectContaining({ file: '云岭镇.zip!/云岭镇/2023.txt', ok: true, unit: '青禾县云岭镇人民政府', year: 2023, bodyId: 'yl', match: { status: 'matched', method: '全称' } }),
        expect.objectContaining({ file: '云岭镇.zip!/云岭镇/2024.txt', ok: true, unit: '青禾县云岭镇人民政府', year: 2024, bodyId: 'yl' }),
        expect.objectContaining({ file: 'bomb.zip', ok: false, reportId: null, error: expect.stringContaining('压缩炸弹') }),
      ]);
    });

    it('replaces a re-upload of the same bytes instead of adding a second row', async () => {
      const first = await uploadAs(supA, [{ name: 'a.txt', bytes: fixture('yunling-2024.md') }]);
      const before = await reportCount(server);
      const again = await uploadAs(supA, [{ name: 'b.txt', bytes: fixture('yunling-2024.md') }]);
      expect(again.body.results[0]!.reportId).toBe(first.body.results[0]!.reportId);
      expect(await reportCount(server)).toBe(before);
    });

    it('marks text copied from another body, on the copy and on the stored original', async () => {
      const original = fixture('songxi-2024.tsv.txt').toString('utf8');
      const first = await uploadAs(supA, [{ name: '松溪乡.txt', bytes: original }]);
      expect(first.body.results[0]).toMatchObject({ ok: true, unit: '青禾县松溪乡人民政府', bodyId: 'sx', match: { status: 'matched', method: '全称' } });
      // The same report with the body's name changed: a body not in the directory (待匹配) whose text is another's.
      const copy = original.replaceAll('松溪乡', '桃源乡');
      const second = await uploadAs(supA, [{ name: '桃源乡.txt', bytes: copy }]);
      expect(second.body.results[0]).toMatchObject({ ok: true, unit: '青禾县桃源乡人民政府', bodyId: null, match: { status: 'pending' } });
      const made = await supA.json('POST', `/api/supervisor/pending/${second.body.results[0]!.reportId}/new-body`, { name: '青禾县桃源乡人民政府', regionCode: '990101' });
      expect(made.status).toBe(200);
      const codes = async (id: number | null) => (await supA.json<ReportView>('GET', `/api/supervisor/reports/${id}`)).body.findings.map((f) => f.code);
      expect(await codes(second.body.results[0]!.reportId)).toContain('SIM.DUPLICATE');
      expect(await codes(first.body.results[0]!.reportId)).toContain('SIM.DUPLICATE');
    });

    it('flags a department\'s report published after 31 January as late', async () => {
      // 青禾县林业局 is a department: its 2024 report was due by 2025-01-31; this copy is dated 2025-02-24.
      const late = fixture('linye-2024-template2019.txt').toString('utf8').replace('二〇二五年一月二十四日', '二〇二五年二月二十四日');
      const r = await uploadAs(supA, [{ name: '林业局.txt', bytes: late }]);
      expect(r.body.results[0]).toMatchObject({ ok: true, unit: '青禾县林业局', year: 2024, bodyId: 'ly' });
      const view = await supA.json<ReportView>('GET', `/api/supervisor/reports/${r.body.results[0]!.reportId}`);
      expect(view.body.findings.find((f) => f.code === 'PUB.LATE')?.message).toContain('2025-01-31');
    });

    it('shows the overview: the supervisor\'s bodies by year with missing years, filtered by name and level', async () => {
      const { body } = await supA.json<Overview>('GET', '/api/supervisor/overview');
      // 2025 is the last whole year on 2026-03-02; 2023 and 2024 come from the uploads.
      expect(body.years).toEqual([2025, 2024, 2023]);
      const names = body.bodies.map((b) => b.name).sort();
      expect(names).toEqual(['青禾县云岭镇人民政府', '青禾县松溪乡人民政府', '青禾县桃源乡人民政府', '青禾县白鹭镇人民政府', '青禾县林业局'].sort());
      const yl = body.bodies.find((b) => b.id === 'yl')!;
      expect(yl.cells.find((c) => c.year === 2025)!.reports).toEqual([]);
      // 2024: the .txt from the ZIP and the .md — the same report twice, not a copy of each other.
      const y2024 = yl.cells.find((c) => c.year === 2024)!.reports;
      expect(y2024).toHaveLength(2);
      expect(y2024.every((r) => !r.similar && r.errors === 0)).toBe(true);
      const bailu = body.bodies.find((b) => b.name === '青禾县白鹭镇人民政府')!;
      expect(bailu.cells.find((c) => c.year === 2024)!.reports).toEqual([expect.objectContaining({ id: hostileId, errors: 2, late: false })]);
      const filtered = await supA.json<Overview>('GET', `/api/supervisor/overview?q=${encodeURIComponent('白鹭')}&level=township&year=2024`);
      expect(filtered.body.years).toEqual([2024]);
      expect(filtered.body.bodies.map((b) => b.name)).toEqual(['青禾县白鹭镇人民政府']);
      const departments = await supA.json<Overview>('GET', '/api/supervisor/overview?level=department&year=2024');
      expect(departments.body.bodies).toEqual([
        expect.objectContaining({ name: '青禾县林业局', cells: [{ year: 2024, reports: [expect.objectContaining({ late: true })] }] }),
      ]);
    });

    it('shows a new upload and a renamed body in the overview at once (nothing stale is served)', async () => {
      const before = await supA.json<Overview>('GET', '/api/supervisor/overview?year=2023');
      const yl = () => before.body.bodies.find((b) => b.id === 'yl')!;
      const countOf = (o: Overview) => o.bodies.find((b) => b.id === 'yl')!.cells[0]!.reports.length;
      const had = countOf(before.body);
      expect(yl()).toBeDefined();
      // The same report with a changed title line is other bytes: a new upload of 云岭镇 2023.
      const text = fixture('yunling-2023.tsv.txt').toString('utf8').replace('年度报告\n', '年度报告（重新上传）\n');
      expect((await uploadAs(supA, [{ name: 'yunling-2023-again.txt', bytes: text }])).status).toBe(200);
      const after = await supA.json<Overview>('GET', '/api/supervisor/overview?year=2023');
      expect(countOf(after.body)).toBe(had + 1);
      await server.deps.register.addBody('yl', '青禾县云岭镇人民政府（更名测试）', 'test');
      const renamed = await supA.json<Overview>('GET', '/api/supervisor/overview?year=2023');
      expect(renamed.body.bodies.find((b) => b.id === 'yl')!.name).toBe('青禾县云岭镇人民政府（更名测试）');
      await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
    });
  });
}

describe('the source text shown beside the tables', () => {
  // Every format of our own fixtures: each value's mark must point at the token it was read from.
  const files = [
    ...['yunling-2024.tsv.txt', 'yunling-2024.cells.gbk.txt', 'yunling-2024.md', 'yunling-2024.pipes.utf16.txt', 'yunling-2024.portal.html', 'yunling-2024.portal.gbk.html', HOSTILE].map((f) => join(FIXTURES, 'reports', f)),
    ...['yunling-2024.libreoffice.docx', 'yunling-2024.libreoffice.pdf', 'yunling-2024.chromium.pdf', ...(haveCommand('soffice') ? ['yunling-2024.libreoffice.doc'] : [])].map((f) => join(FIXTURES, 'converted', f)),
  ];
  for (const file of files) {
    it(`marks every value of ${file.split('/').pop()} where it stands in the text`, async () => {
      const { parsed, source } = await readUpload(new Uint8Array(readFileSync(file)), { tools: EXTERNAL_TOOLS });
      const paths = Object.keys(parsed.report.provenance);
      // 云岭镇 2024 and 白鹭镇 2024 print every cell of the three tables: 200 numbers.
      expect(paths).toHaveLength(200);
      for (const path of paths) {
        const m = source.marks[path]!;
        expect(source.lines[m.line - 1]!.slice(m.column - 1, m.column - 1 + m.length), path).toBe(parsed.report.provenance[path]!.raw);
      }
      expect(source.html !== null).toBe(/\.html$/.test(file));
    }, 120_000);
  }
});

describe('upload limits', () => {
  let server: RunningServer;
  let sup: ApiClient;
  beforeAll(async () => {
    server = await testServer({ config: { upload: { maxFileBytes: 4096, maxFiles: 2 } } });
    await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
    await addAccount(server.deps, 'sup', 'supervisor', ['yl']);
    sup = new ApiClient(server.url);
    await sup.signIn('sup');
  }, 60_000);
  afterAll(async () => server?.close());

  it('refuses more files than allowed at once', async () => {
    const r = await uploadAs(sup, ['a', 'b', 'c'].map((n) => ({ name: `${n}.txt`, bytes: '一、总体情况' })));
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('一次最多上传 2 个文件');
  });

  it('refuses a file over the size limit with the reason, and keeps the file sent with it', async () => {
    const r = await uploadAs(sup, [
      { name: '大文件.txt', bytes: 'x'.repeat(5000) },
      { name: '小文件.txt', bytes: '一、总体情况' },
    ]);
    expect(r.status).toBe(200);
    const [small, big] = r.body.results!;
    expect(big).toMatchObject({ file: '大文件.txt', ok: false, reportId: null });
    expect(big!.error).toContain('超过每个文件的上限 4 KiB');
    expect(small!.file).toBe('小文件.txt');
    expect(small!.reportId).not.toBeNull();
  });

  it('refuses a request over the total limit before reading it', async () => {
    const before = await reportCount(server);
    const r = await uploadAs(sup, [{ name: 'huge.txt', bytes: 'x'.repeat(200_000) }]);
    expect(r.status).toBe(413);
    expect(r.body.error).toContain('超过每次上限');
    expect(await reportCount(server)).toBe(before);
  });

  it('answers the limits to the upload page', async () => {
    const r = await sup.json<{ maxFileBytes: number; maxFiles: number }>('GET', '/api/supervisor/uploads/limits');
    expect(r.body).toMatchObject({ maxFileBytes: 4096, maxFiles: 2 });
  });
});
