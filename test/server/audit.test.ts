/**
 * The audit log through the HTTP API, on PGlite and on PostgreSQL: the administrator renames a
 * body and reads the change before → after; filters by who, action, kind of entry, body and
 * Beijing days; pages with a total; exports the filtered set to Excel; nobody else reads it.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

interface Entry {
  when: string;
  who: string;
  action: string;
  entity: string;
  what: string;
  body: string;
  changes: { field: string; before: string; after: string }[];
}
interface Page {
  total: number;
  entries: Entry[];
}

for (const kind of DB_KINDS) {
  describe(`the audit log on ${kind}`, () => {
    let server: RunningServer;
    let admin: ApiClient;

    /** Rows at fixed instants, as a writer elsewhere would leave them. */
    async function rowAt(at: string, actor: string, action: string, entity: string, id: string, bodyId: string | null, oldValue: unknown, newValue: unknown) {
      await server.deps.db.query('INSERT INTO audit_log (actor, action, entity, entity_id, old_value, new_value, at, body_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
        actor,
        action,
        entity,
        id,
        JSON.stringify(oldValue),
        JSON.stringify(newValue),
        at,
        bodyId,
      ]);
    }

    beforeAll(async () => {
      server = await testServer({ db: kind });
      await server.deps.register.addBody('yl', '云岭镇人民政府', 'system:test');
      await server.deps.register.addBody('sq', '青禾县石泉街道办事处', 'system:test');
      await addAccount(server.deps, 'root', 'admin', []);
      await addAccount(server.deps, 'officer-yl', 'officer', ['yl']);
      // 1 May 2026 00:30 and 23:30 Beijing time, 2 May 10:00: three days' edges.
      await rowAt('2026-04-30T16:30:00Z', 'user:officer-yl', 'update', 'calendar-override', '2026-05-01', null, { work: true }, { work: false });
      await rowAt('2026-05-01T15:30:00Z', 'user:officer-yl', 'set', 'catalogue_settings', 'yl', 'yl', { reexamineMonths: 12 }, { reexamineMonths: 6 });
      await rowAt('2026-05-02T02:00:00Z', 'user:officer-yl', 'set', 'catalogue_settings', 'sq', 'sq', { reexamineMonths: 12 }, { reexamineMonths: 3 });
      admin = new ApiClient(server.url);
      await admin.signIn('root');
    });
    afterAll(async () => server?.close());

    const page = async (query: string) => {
      const r = await admin.json<Page>('GET', `/api/admin/audit?${query}`);
      expect(r.status).toBe(200);
      return r.body;
    };

    it('shows a rename by the administrator with the name before and after, in Chinese', async () => {
      expect((await admin.request('POST', '/api/admin/bodies', { id: 'yl', name: '青禾县云岭镇人民政府' })).status).toBe(200);
      const { entries } = await page('actor=user:root&entity=body');
      expect(entries[0]).toMatchObject({
        who: 'root（测试）（root）',
        action: '修改',
        entity: '机关',
        what: '机关：青禾县云岭镇人民政府（编号 yl）',
        body: '青禾县云岭镇人民政府',
      });
      expect(entries[0]!.changes).toEqual([{ field: '名称', before: '云岭镇人民政府', after: '青禾县云岭镇人民政府' }]);
      expect(entries[0]!.when).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    });

    it('knows the body of rows whose writer did not say it, from the entry', async () => {
      // The body rows written by addBody above carry no body: the store finds it from the entry.
      const { entries } = await page('body=sq&entity=body');
      expect(entries.map((e) => e.what)).toEqual(['机关：青禾县石泉街道办事处（编号 sq）']);
    });

    it('filters by Beijing days: 1 May holds the rows at 00:30 and 23:30, not the one on 2 May', async () => {
      const one = await page('from=2026-05-01&to=2026-05-01');
      expect(one.total).toBe(2);
      expect(one.entries.map((e) => e.when)).toEqual(['2026-05-01 23:30:00', '2026-05-01 00:30:00']);
      const onwards = await page('from=2026-05-02&to=2026-05-02');
      expect(onwards.entries.map((e) => e.what)).toEqual(['目录设置：青禾县石泉街道办事处']);
    });

    it('filters by who, action, kind of entry and body together', async () => {
      const r = await page('actor=user:officer-yl&action=set&entity=catalogue_settings&body=yl');
      expect(r.total).toBe(1);
      expect(r.entries[0]).toMatchObject({ who: 'officer-yl（测试）（officer-yl）', action: '设置', body: '青禾县云岭镇人民政府' });
      expect(r.entries[0]!.changes).toEqual([{ field: '定期审查间隔（月）', before: '12', after: '6' }]);
    });

    it('pages newest first with the total of the whole filtered set', async () => {
      const first = await page('actor=user:officer-yl&limit=2');
      const second = await page('actor=user:officer-yl&limit=2&offset=2');
      expect(first.total).toBe(3);
      expect(second.total).toBe(3);
      expect(first.entries.map((e) => e.when)).toEqual(['2026-05-02 10:00:00', '2026-05-01 23:30:00']);
      expect(second.entries.map((e) => e.when)).toEqual(['2026-05-01 00:30:00']);
    });

    it('offers the filters in Chinese, one option for each name', async () => {
      const r = await admin.json<{ actors: { value: string; label: string }[]; actions: { value: string; label: string }[]; entities: { value: string; label: string }[]; bodies: { value: string; label: string }[] }>('GET', '/api/admin/audit/choices');
      expect(r.body.actors).toContainEqual({ value: 'user:root', label: 'root（测试）（root）' });
      expect(r.body.actions).toContainEqual({ value: 'set', label: '设置' });
      expect(r.body.entities).toContainEqual({ value: 'catalogue_settings', label: '目录设置' });
      expect(r.body.bodies).toContainEqual({ value: 'sq', label: '青禾县石泉街道办事处' });
    });

    it('exports the filtered set to Excel, one entry a row with its changes, and audits the export', async () => {
      const res = await admin.request('GET', '/api/admin/audit.xlsx?actor=user:officer-yl&from=2026-05-01&to=2026-05-01');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('审计日志'));
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      const sheet = book.getWorksheet('审计日志')!;
      expect(sheet.getRow(2).values).toEqual([undefined, '时间', '操作人', '操作', '对象', '机关', '改动（改前 → 改后）']);
      expect(sheet.rowCount).toBe(4);
      expect(sheet.getRow(3).getCell(1).value).toBe('2026-05-01 23:30:00');
      expect(sheet.getRow(3).getCell(6).value).toBe('定期审查间隔（月）：12 → 6');
      expect(sheet.getRow(4).getCell(6).value).toBe('这一天：调休上班 → 放假');
      const exported = await page('action=export&entity=audit-log');
      expect(exported.entries[0]).toMatchObject({ action: '导出', entity: '审计日志' });
      expect(exported.entries[0]!.changes).toContainEqual({ field: '数量', before: '（空）', after: '2' });
    });

    it('refuses a date range that ends before it starts', async () => {
      const r = await admin.json<{ error: string }>('GET', '/api/admin/audit?from=2026-05-03&to=2026-05-01');
      expect(r.status).toBe(400);
      expect(r.body.error).toContain('起始日期不能晚于截止日期');
    });

    it('is for administrators only', async () => {
      const officer = new ApiClient(server.url);
      await officer.signIn('officer-yl');
      expect((await officer.request('GET', '/api/admin/audit')).status).toBe(403);
      expect((await officer.request('GET', '/api/admin/audit.xlsx')).status).toBe(403);
      expect((await officer.request('GET', '/api/admin/audit/choices')).status).toBe(403);
    });
  });
}
