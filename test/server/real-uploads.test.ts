/**
 * A city supervisor (淮安市) uploads every real report we hold — the five seeds, the three real
 * PDFs, the 24 reports of ../shared/corpus and their Word/PDF conversions — into a directory
 * typed here from the reports' own names. What must hold, as the supervisor issue states it:
 * every report is matched to a body of the scope or waits in 待匹配; a report of a known body
 * outside the scope is refused and saved nowhere; no body is ever created by an upload.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/app/accounts/password.js';
import type { UploadResult } from '../../src/server/routes/supervisor.js';
import type { RunningServer } from '../../src/server/start.js';
import { observed, writeDirectory } from '../support/directory.js';
import { HAVE_SHARED, SHARED } from '../support/shared.js';
import { ApiClient, testServer } from '../support/web.js';

const REGIONS = [
  { code: '320000', name: '江苏省', level: 'province', parentCode: null },
  { code: '320800', name: '淮安市', level: 'city', parentCode: '320000' },
  { code: '320813', name: '洪泽区', level: 'county', parentCode: '320800' },
  { code: '321300', name: '宿迁市', level: 'city', parentCode: '320000' },
  { code: '321322', name: '沭阳县', level: 'county', parentCode: '321300' },
  { code: '410000', name: '河南省', level: 'province', parentCode: null },
  { code: '411300', name: '南阳市', level: 'city', parentCode: '410000' },
  { code: '411330', name: '桐柏县', level: 'county', parentCode: '411300' },
] as const;

const BODIES = [
  observed('ha-gov', '淮安市人民政府', 'city', '320800'),
  observed('hz-gov', '淮安市洪泽区人民政府', 'county', '320813', ['洪泽区人民政府']),
  observed('sy-fgj', '沭阳县发展和改革局', 'department', '321322', ['沭阳县发改局']),
  observed('tb-bj', '桐柏县埠江镇人民政府', 'township', '411330'),
];
const IN_SCOPE = new Set(['ha-gov', 'hz-gov']);

/** Every real report file, by a name that says where it came from. */
function realFiles(): { name: string; path: string }[] {
  const from = (dir: string, filter: (f: string) => boolean, prefix: string) =>
    readdirSync(join(SHARED, dir)).filter(filter).sort().map((f) => ({ name: `${prefix}-${f}`, path: join(SHARED, dir, f) }));
  return [
    ...from('seeds', () => true, 'seed'),
    ...from('fixtures/real', (f) => f.endsWith('.pdf'), 'real'),
    ...from('corpus/reports', () => true, 'corpus'),
    ...from('corpus/derived', (f) => !f.endsWith('.tsv'), 'derived'),
  ];
}

describe.skipIf(!HAVE_SHARED)('a city supervisor uploads every real report', () => {
  let server: RunningServer;
  let supervisor: ApiClient;
  const results = new Map<string, UploadResult>();
  const bodyCount = async () => Number((await server.deps.db.query<{ n: string }>('SELECT count(*) AS n FROM bodies'))[0]!.n);
  let bodiesBefore = 0;

  beforeAll(async () => {
    server = await testServer({ db: 'pglite', today: () => '2026-03-02' });
    await writeDirectory(server.deps.db, REGIONS, BODIES);
    bodiesBefore = await bodyCount();
    await server.deps.accounts.createUser(
      { username: 'huaian', displayName: '淮安市政务公开办', passwordHash: await hashPassword('correct horse battery staple 9'), role: 'supervisor', bodies: [], regions: ['320800'] },
      'test',
    );
    supervisor = new ApiClient(server.url);
    await supervisor.signIn('huaian', 'correct horse battery staple 9');
    const files = realFiles();
    for (let i = 0; i < files.length; i += 8) {
      const form = new FormData();
      for (const f of files.slice(i, i + 8)) form.append('file', new Blob([readFileSync(f.path)]), f.name);
      const res = await supervisor.request('POST', '/api/supervisor/uploads', undefined, { raw: form });
      expect(res.status).toBe(200);
      for (const r of ((await res.json()) as { results: UploadResult[] }).results) results.set(r.file, r);
    }
  }, 600_000);
  afterAll(async () => server?.close());

  it('answers for every file sent', () => {
    expect([...results.keys()].sort()).toEqual(realFiles().map((f) => f.name).sort());
  });

  it('matches the real PDFs of 淮安市 and 洪泽区 to their bodies by full name', () => {
    expect(results.get('real-huaian-city-2024.pdf')).toMatchObject({ ok: true, bodyId: 'ha-gov', match: { status: 'matched', method: '全称' } });
    for (const year of [2023, 2024]) {
      expect(results.get(`real-hongze-district-${year}.pdf`)).toMatchObject({ ok: true, bodyId: 'hz-gov', year, match: { status: 'matched' } });
    }
  });

  it('refuses the reports of known bodies outside the scope (沭阳县 in every form, 桐柏县) and saves none of them', () => {
    const refused = [...results.values()].filter((r) => r.error?.includes('不在您的监督范围内'));
    expect(refused.map((r) => basename(r.file)).sort()).toEqual(
      ['corpus-027.html', 'derived-h027.doc', 'derived-h027.docx', 'derived-h027.pdf', 'seed-000_816cf6285d7c44a5.txt'].sort(),
    );
    for (const r of refused) expect(r).toMatchObject({ ok: false, reportId: null, bodyId: null, match: null });
  });

  it('puts every other readable report in 待匹配, and a match is never outside the scope', async () => {
    for (const r of results.values()) {
      if (r.match?.status === 'matched') expect(IN_SCOPE.has(r.bodyId!), r.file).toBe(true);
      else if (r.reportId !== null && r.ok) expect(r.match, r.file).toMatchObject({ status: 'pending' });
    }
    const pending = await supervisor.json<{ reports: { reportId: number }[] }>('GET', '/api/supervisor/pending');
    const expectedPending = [...results.values()].filter((r) => r.match?.status === 'pending').map((r) => r.reportId);
    expect(pending.body.reports.map((r) => r.reportId).sort()).toEqual(expectedPending.sort());
    expect(expectedPending.length).toBeGreaterThan(20);
  });

  it('creates no body at all', async () => {
    expect(await bodyCount()).toBe(bodiesBefore);
  });

  it('says why a file could not be read, instead of dropping it', () => {
    for (const r of results.values()) if (!r.ok) expect(r.error, r.file).toMatch(/\S/);
  });
});
