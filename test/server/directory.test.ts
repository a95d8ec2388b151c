/**
 * The directory over HTTP, on PGlite and PostgreSQL: the administrator imports a small directory
 * (all or nothing, the wrong row named), exports it and edits a body; a body that does not work in
 * gongkai — observed from the directory, or made by a supervisor's upload — takes no application,
 * public or officer's, and is offered nowhere to the public; the bodies that work here still do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { PublishedStore } from '../../src/store/published-store.js';
import { DB_KINDS } from '../support/db.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

const HEADER = '代码,名称,层级,上级代码,别名,在本系统办理,统一社会信用代码';
const DIRECTORY = [
  HEADER,
  '330100,青禾市人民政府,市级,,,否,',
  '330106,青禾县人民政府,县级,330100,,是,',
  '330106001,青禾县石泉街道办事处,乡镇（街道）,330106,石泉街道办事处、石泉街道,否,',
  'qh-zr,青禾县自然资源局,部门,330106,县自然资源局,是,91350100M000100Y43',
].join('\n');

/** A multipart body with one file field, as the browser sends it. */
function upload(text: string, name = '名录.csv'): FormData {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), name);
  return form;
}

const ID_NUMBER = '11010519491231002X';
const application = (bodyId: string) => ({
  bodyId,
  applicantType: 'naturalPerson',
  name: '李秀英',
  idKind: 'resident',
  idNumber: ID_NUMBER,
  phone: '13812345678',
  address: '青禾县云岭镇和平路8号',
  description: '2025年石泉街道老旧小区改造计划',
  form: 'paper',
  delivery: 'post',
});

for (const kind of DB_KINDS) {
  describe(`the directory on ${kind}`, () => {
    let server: RunningServer;
    let admin: ApiClient;
    let citizen: ApiClient;

    beforeAll(async () => {
      server = await testServer({ db: kind, today: () => '2026-03-02', config: { publicRateLimit: { max: 1000, windowMs: 3_600_000 } } });
      await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
      // A body made the way a supervisor's upload makes one.
      await server.deps.db.transaction((tx) => new PublishedStore(tx).insertBody(tx, { id: 'pub-0123456789ab', name: '白溪县河口镇人民政府', level: 'township' }));
      await addAccount(server.deps, 'adm', 'admin', []);
      admin = new ApiClient(server.url);
      await admin.signIn('adm');
      citizen = new ApiClient(server.url);
      await citizen.refresh();
    }, 60_000);
    afterAll(async () => {
      await server?.close();
    });

    const importFile = (client: ApiClient, text: string) => client.request('POST', '/api/admin/directory/import', undefined, { raw: upload(text) });

    it('refuses a file with a wrong row, naming it, and writes nothing', async () => {
      const bad = `${DIRECTORY}\nqh-jy,青禾县教育局,部门,339999,,是,`;
      const res = await importFile(admin, bad);
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: string };
      expect(error).toContain('名录文件有 1 处错误，未导入任何内容');
      expect(error).toContain('第 6 行：上级代码“339999”既不在本文件中，也不在现有名录中');
      const dir = (await admin.json<{ regions: unknown[]; bodies: { id: string }[] }>('GET', '/api/admin/directory')).body;
      expect(dir.regions).toEqual([]);
      expect(dir.bodies.map((b) => b.id).sort()).toEqual(['pub-0123456789ab', 'yl']);
    });

    it('imports a directory: regions in a tree, bodies with their status', async () => {
      const res = await importFile(admin, DIRECTORY);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ regions: 3, created: 4, updated: 0, worksHere: 2, observed: 2 });
      const dir = (await admin.json<{ regions: { code: string; parentCode: string | null }[]; bodies: { id: string; regionCode: string | null; worksHere: boolean; aliases: string[] }[] }>('GET', '/api/admin/directory')).body;
      expect(dir.regions.map((r) => [r.code, r.parentCode])).toEqual([
        ['330100', null],
        ['330106', '330100'],
        ['330106001', '330106'],
      ]);
      expect(dir.bodies.find((b) => b.id === 'qh-zr')).toMatchObject({ regionCode: '330106', worksHere: true, aliases: ['县自然资源局'] });
      expect(dir.bodies.find((b) => b.id === '330106001')).toMatchObject({ worksHere: false, aliases: ['石泉街道办事处', '石泉街道'] });
    });

    it('offers the public only the bodies that work in gongkai', async () => {
      const listed = (await citizen.json<{ id: string }[]>('GET', '/api/bodies')).body.map((b) => b.id).sort();
      expect(listed).toEqual(['330106', 'qh-zr', 'yl']);
      // Nor by searching a name, nor by its guide.
      expect((await citizen.json<unknown[]>('GET', `/api/bodies?q=${encodeURIComponent('石泉')}`)).body).toEqual([]);
      expect((await citizen.json<unknown[]>('GET', `/api/bodies?q=${encodeURIComponent('河口镇')}`)).body).toEqual([]);
      expect((await citizen.json('GET', '/api/bodies/330106001/guide')).status).toBe(404);
      expect((await citizen.json('GET', '/api/bodies/pub-0123456789ab/guide')).status).toBe(404);
      expect((await citizen.json('GET', '/api/bodies/yl/guide')).status).toBe(200);
    });

    it('refuses an application to an observed body, public or from an officer; the bodies that work here still take them', async () => {
      for (const bodyId of ['330106001', 'pub-0123456789ab']) {
        const r = await citizen.json<{ error: string; fields?: Record<string, string> }>('POST', '/api/public/applications', application(bodyId));
        expect(r.status).toBe(400);
        expect(r.body.fields?.bodyId).toBe('该机关不在本系统办理政府信息公开申请，请直接向该机关提出申请');
      }
      const ok = await citizen.json<{ id: string }>('POST', '/api/public/applications', application('yl'));
      expect(ok.status).toBe(200);
      expect(ok.body.id).toBe('yl-2026-0001');

      await addAccount(server.deps, 'sq-off', 'officer', ['330106001']);
      const officer = new ApiClient(server.url);
      await officer.signIn('sq-off');
      const paper = await officer.json<{ error: string }>('POST', '/api/bodies/330106001/applications', {
        applicant: { type: 'naturalPerson', name: '张三' },
        description: '某小区改造计划',
        channel: 'inPerson',
        arrivedOn: '2026-02-27',
      });
      expect(paper.status).toBe(400);
      expect(paper.body.error).toContain('不在本系统办理');
    });

    it('exports the directory as the import reads it, and edits a body', async () => {
      const csv = await admin.request('GET', '/api/admin/directory/export?format=csv');
      expect(csv.status).toBe(200);
      const text = (await csv.text()).replace(/^\uFEFF/, '');
      const lines = text.trim().split('\n');
      expect(lines[0]).toBe(HEADER);
      expect(lines).toContain('330106,青禾县人民政府,县级,330100,,是,');
      expect(lines).toContain('qh-zr,青禾县自然资源局,部门,330106,县自然资源局,是,91350100M000100Y43');
      // Read back unchanged: every body is one already kept.
      const again = await importFile(admin, text);
      expect(await again.json()).toMatchObject({ created: 0, updated: 6 });

      const saved = await admin.json('PUT', '/api/admin/directory/bodies/330106001', { name: '青禾县石泉街道办事处', level: 'township', regionCode: '330106001', aliases: ['石泉街道'], creditCode: null, worksHere: true });
      expect(saved.status).toBe(200);
      expect((await citizen.json<{ id: string }[]>('GET', '/api/bodies')).body.map((b) => b.id)).toContain('330106001');
      const wrong = await admin.json<{ error: string }>('PUT', '/api/admin/directory/bodies/qh-x', { name: '青禾县某局', level: 'department', regionCode: '339999', aliases: [], creditCode: null, worksHere: false });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error).toContain('没有行政区划代码为“339999”的地区');
    });

    it('is the administrator’s only', async () => {
      await addAccount(server.deps, 'yl-off', 'officer', ['yl']);
      const officer = new ApiClient(server.url);
      await officer.signIn('yl-off');
      expect((await officer.json('GET', '/api/admin/directory')).status).toBe(403);
      expect((await importFile(officer, DIRECTORY)).status).toBe(403);
    });
  });
}
