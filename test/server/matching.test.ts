/**
 * Upload matching and the supervisor's scope over HTTP, on PGlite and PostgreSQL, with a small
 * directory typed here: 云山省 → 松江市 (青禾县, 白石县) and 柳河市 (东溪县, 西岭县). A city
 * supervisor sees every body below the city; a county supervisor nothing outside the county
 * (404). Reports are matched by full name, alias, or region + short name; a zero-width space or a
 * lookalike character finds the known body; what matches nothing or several waits in 待匹配,
 * where the supervisor picks the body or creates it (observed) in a region of the scope — never
 * outside it, and never silently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import type { UploadResult } from '../../src/server/routes/supervisor.js';
import { observed, writeDirectory } from '../support/directory.js';
import { DB_KINDS } from '../support/db.js';
import { reportOf } from '../support/report-text.js';
import { ApiClient, testServer } from '../support/web.js';
import { hashPassword } from '../../src/app/accounts/password.js';

const REGIONS = [
  { code: '990000', name: '云山省', level: 'province', parentCode: null },
  { code: '990100', name: '松江市', level: 'city', parentCode: '990000' },
  { code: '990101', name: '青禾县', level: 'county', parentCode: '990100' },
  { code: '990101001', name: '石泉街道', level: 'township', parentCode: '990101' },
  { code: '990102', name: '白石县', level: 'county', parentCode: '990100' },
  { code: '990200', name: '柳河市', level: 'city', parentCode: '990000' },
  { code: '990201', name: '东溪县', level: 'county', parentCode: '990200' },
  { code: '990202', name: '西岭县', level: 'county', parentCode: '990200' },
] as const;

const b = observed;

const BODIES = [
  b('p-gov', '云山省人民政府', 'province', '990000'),
  b('sj-gov', '松江市人民政府', 'city', '990100'),
  b('sj-edu', '松江市教育局', 'department', '990100'),
  b('qh-gov', '青禾县人民政府', 'county', '990101'),
  b('qh-edu', '青禾县教育局', 'department', '990101'),
  b('qh-gx', '青禾县工业和信息化局', 'department', '990101', ['青禾县工信局']),
  b('qh-sq', '青禾县石泉街道办事处', 'township', '990101001'),
  b('bs-gov', '白石县人民政府', 'county', '990102'),
  b('bs-edu', '白石县教育局', 'department', '990102'),
  b('lh-gov', '柳河市人民政府', 'city', '990200'),
  b('dx-gov', '东溪县人民政府', 'county', '990201'),
  b('xl-gov', '西岭县人民政府', 'county', '990202'),
];

function formOf(files: readonly { name: string; text: string }[]): FormData {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([f.text]), f.name);
  return form;
}

async function upload(client: ApiClient, files: readonly { name: string; text: string }[]): Promise<UploadResult[]> {
  const res = await client.request('POST', '/api/supervisor/uploads', undefined, { raw: formOf(files) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: UploadResult[] }).results;
}

interface Pending {
  reports: { reportId: number; fileName: string; unit: string; year: number | null; candidates: { id: string; name: string; regionName: string | null }[] }[];
  regions: { code: string; name: string }[];
}

for (const kind of DB_KINDS) {
  describe(`upload matching and scope on ${kind}`, () => {
    let server: RunningServer;
    let city: ApiClient;
    let county: ApiClient;
    const bodyCount = async () => Number((await server.deps.db.query<{ n: string }>('SELECT count(*) AS n FROM bodies'))[0]!.n);
    const reportIds: Record<string, number> = {};

    beforeAll(async () => {
      server = await testServer({ db: kind, today: () => '2026-03-02', config: { upload: { maxFileBytes: 512 * 1024, maxFiles: 8 } } });
      await writeDirectory(server.deps.db, REGIONS, BODIES);
      const passwordHash = await hashPassword('correct horse battery staple 9');
      await server.deps.accounts.createUser({ username: 'city', displayName: '松江市政务公开办', passwordHash, role: 'supervisor', bodies: [], regions: ['990100'] }, 'test');
      await server.deps.accounts.createUser({ username: 'county', displayName: '青禾县政务公开办', passwordHash, role: 'supervisor', bodies: [], regions: ['990101'] }, 'test');
      city = new ApiClient(server.url);
      county = new ApiClient(server.url);
      await city.signIn('city', 'correct horse battery staple 9');
      await county.signIn('county', 'correct horse battery staple 9');
    }, 60_000);
    afterAll(async () => server?.close());

    it('gives the city supervisor every body below the city, the county supervisor its county only', async () => {
      const cityOverview = await city.json<{ bodies: { id: string }[] }>('GET', '/api/supervisor/overview?year=2024');
      expect(cityOverview.body.bodies.map((x) => x.id).sort()).toEqual(['bs-edu', 'bs-gov', 'qh-edu', 'qh-gov', 'qh-gx', 'qh-sq', 'sj-edu', 'sj-gov']);
      const countyOverview = await county.json<{ bodies: { id: string }[] }>('GET', '/api/supervisor/overview?year=2024');
      expect(countyOverview.body.bodies.map((x) => x.id).sort()).toEqual(['qh-edu', 'qh-gov', 'qh-gx', 'qh-sq']);
    });

    it('matches by full name, alias and region + short name, and says how', async () => {
      const results = await upload(county, [
        { name: '教育局.txt', text: reportOf('青禾县教育局') },
        { name: '工信局.txt', text: reportOf('青禾县工信局') },
        { name: '石泉.txt', text: reportOf('石泉街道办事处') },
      ]);
      expect(results.map((r) => [r.bodyId, r.bodyName, r.match])).toEqual([
        ['qh-edu', '青禾县教育局', { status: 'matched', method: '全称' }],
        ['qh-gx', '青禾县工业和信息化局', { status: 'matched', method: '别名' }],
        ['qh-sq', '青禾县石泉街道办事处', { status: 'matched', method: '地区+简称' }],
      ]);
      expect(results.every((r) => r.ok && r.reportId !== null)).toBe(true);
    });

    it('finds the known body for a name with a zero-width space or a lookalike character, creating none', async () => {
      const before = await bodyCount();
      const results = await upload(county, [
        { name: '零宽.txt', text: reportOf('青禾县\u200B石泉街道办事处', 2023) },
        // エ is katakana, not 工.
        { name: '形近.txt', text: reportOf('青禾县エ业和信息化局', 2023) },
      ]);
      expect(results.map((r) => [r.bodyId, r.match?.status])).toEqual([
        ['qh-sq', 'matched'],
        ['qh-gx', 'matched'],
      ]);
      expect(await bodyCount()).toBe(before);
    });

    it('lets the city supervisor see a 白石县 report and the county supervisor get 404 for it', async () => {
      const [r] = await upload(city, [{ name: '白石教育.txt', text: reportOf('白石县教育局') }]);
      expect(r).toMatchObject({ bodyId: 'bs-edu', match: { status: 'matched', method: '全称' } });
      expect((await city.request('GET', `/api/supervisor/reports/${r!.reportId}`)).status).toBe(200);
      const other = await county.json<{ error: string }>('GET', `/api/supervisor/reports/${r!.reportId}`);
      const missing = await county.json<{ error: string }>('GET', '/api/supervisor/reports/999999');
      expect(other).toEqual(missing);
      expect(other.status).toBe(404);
    });

    it('refuses a report of a known body outside the scope, saving and creating nothing', async () => {
      const before = await bodyCount();
      const [r] = await upload(county, [{ name: '柳河.txt', text: reportOf('柳河市人民政府') }]);
      expect(r).toMatchObject({ ok: false, reportId: null, match: null, error: expect.stringContaining('不在您的监督范围内') });
      expect(await bodyCount()).toBe(before);
    });

    it('keeps an unknown unit and an ambiguous short name in 待匹配, with the candidates', async () => {
      const before = await bodyCount();
      const [forest] = await upload(county, [{ name: '林业局.txt', text: reportOf('青禾县林业局') }]);
      expect(forest).toMatchObject({ ok: true, bodyId: null, match: { status: 'pending', candidates: 0 } });
      expect(forest!.reportId).not.toBeNull();
      reportIds.forest = forest!.reportId!;
      // 教育局 alone is the city's, 青禾县's and 白石县's.
      const [edu] = await upload(city, [{ name: '教育局简称.txt', text: reportOf('教育局', 2023) }]);
      expect(edu).toMatchObject({ bodyId: null, match: { status: 'pending', candidates: 3 } });
      reportIds.edu = edu!.reportId!;
      expect(await bodyCount()).toBe(before);

      const mine = await county.json<Pending>('GET', '/api/supervisor/pending');
      expect(mine.body.reports).toEqual([expect.objectContaining({ reportId: forest!.reportId, unit: '青禾县林业局', year: 2024, candidates: [] })]);
      expect(mine.body.regions.map((r) => r.code)).toEqual(['990101', '990101001']);
      const theirs = await city.json<Pending>('GET', '/api/supervisor/pending');
      expect(theirs.body.reports[0]!.candidates.map((c) => `${c.name}（${c.regionName}）`)).toEqual(['白石县教育局（白石县）', '青禾县教育局（青禾县）', '松江市教育局（松江市）']);
    });

    it('lets the supervisor pick a candidate, audited, and refuses a body outside the scope as not found', async () => {
      expect((await county.request('POST', `/api/supervisor/pending/${reportIds.edu}/body`, { bodyId: 'qh-edu' })).status).toBe(404);
      expect((await city.request('POST', `/api/supervisor/pending/${reportIds.edu}/body`, { bodyId: 'lh-gov' })).status).toBe(404);
      const picked = await city.json<{ bodyId: string }>('POST', `/api/supervisor/pending/${reportIds.edu}/body`, { bodyId: 'qh-edu' });
      expect(picked).toEqual({ status: 200, body: { bodyId: 'qh-edu' } });
      expect((await city.json<Pending>('GET', '/api/supervisor/pending')).body.reports).toEqual([]);
      const row = await server.deps.db.query<{ body_id: string }>('SELECT body_id FROM published_reports WHERE id = $1', [reportIds.edu]);
      expect(row).toEqual([{ body_id: 'qh-edu' }]);
      const audit = await server.deps.db.query<{ action: string; after: { body: string; how: string } }>(
        `SELECT action, new_value AS after FROM audit_log WHERE entity = 'published-report' AND entity_id = $1 ORDER BY seq DESC LIMIT 1`,
        [String(reportIds.edu)],
      );
      expect(audit[0]).toMatchObject({ action: 'match', after: { body: 'qh-edu', how: '从候选中选择' } });
      // Now the county sees it: the body is in its county.
      expect((await county.request('GET', `/api/supervisor/reports/${reportIds.edu}`)).status).toBe(200);
    });

    it('creates the body inside the scope only, refuses a lookalike of a known body, and audits the creation', async () => {
      const path = `/api/supervisor/pending/${reportIds.forest}/new-body`;
      const before = await bodyCount();
      expect((await county.request('POST', path, { name: '青禾县林业局', regionCode: '990102' })).status).toBe(403);
      expect((await county.request('POST', path, { name: '青禾县林业局', regionCode: '990201' })).status).toBe(403);
      expect((await county.request('POST', path, { name: '青禾县林业局', regionCode: '990199' })).status).toBe(404);
      // Another supervisor's waiting report is not found for them.
      expect((await city.request('POST', path, { name: '青禾县林业局', regionCode: '990101' })).status).toBe(404);
      const lookalike = await county.json<{ error: string }>('POST', path, { name: '青禾县エ业和信息化局', regionCode: '990101' });
      expect(lookalike.status).toBe(400);
      expect(lookalike.body.error).toContain('青禾县工业和信息化局');
      expect(await bodyCount()).toBe(before);

      const made = await county.json<{ bodyId: string }>('POST', path, { name: '青禾县林业局', regionCode: '990101' });
      expect(made.status).toBe(200);
      const body = await server.deps.db.query<{ name: string; level: string; region_code: string; works_here: boolean }>('SELECT name, level, region_code, works_here FROM bodies WHERE id = $1', [made.body.bodyId]);
      expect(body).toEqual([{ name: '青禾县林业局', level: 'department', region_code: '990101', works_here: false }]);
      expect(await bodyCount()).toBe(before + 1);
      // In the county's region, so in its scope at once; not offered to the public.
      const session = await county.json<{ user: { bodies: string[] } }>('GET', '/api/session');
      expect(session.body.user.bodies).toContain(made.body.bodyId);
      const publicList = await new ApiClient(server.url).json<{ id: string }[]>('GET', `/api/bodies?q=${encodeURIComponent('林业局')}`);
      expect(publicList.body.map((x) => x.id)).not.toContain(made.body.bodyId);
      const audit = await server.deps.db.query<{ action: string; entity: string }>(
        `SELECT action, entity FROM audit_log WHERE actor = 'user:county' AND action IN ('create', 'match') ORDER BY seq`,
      );
      expect(audit).toEqual([
        { action: 'create', entity: 'body' },
        { action: 'match', entity: 'published-report' },
      ]);
      // The next report of 青禾县林业局 is matched to it.
      const [next] = await upload(county, [{ name: '林业局2023.txt', text: reportOf('青禾县林业局', 2023) }]);
      expect(next).toMatchObject({ bodyId: made.body.bodyId, match: { status: 'matched', method: '全称' } });
    });

    it('says what a re-upload replaced: the same file with its version and date, or the same body and year', async () => {
      const text = reportOf('青禾县人民政府', 2024, '全年主动公开信息二百条。');
      const [first] = await upload(county, [{ name: '县政府.txt', text }]);
      expect(first).toMatchObject({ bodyId: 'qh-gov', replaced: null, sameYear: null });
      const [again] = await upload(county, [{ name: '县政府（再次）.txt', text }]);
      expect(again!.reportId).toBe(first!.reportId);
      expect(again!.replaced).toMatch(/^已替换此前上传的同一文件“县政府.txt”（第 1 版，\d{4}-\d{2}-\d{2} 上传）$/);
      const [other] = await upload(county, [{ name: '县政府修订.txt', text: reportOf('青禾县人民政府', 2024, '全年主动公开信息二百零一条。') }]);
      expect(other!.replaced).toBeNull();
      expect(other!.sameYear).toContain('2024 年度已有此机关的报告：“县政府（再次）.txt”');
    });
  });
}
