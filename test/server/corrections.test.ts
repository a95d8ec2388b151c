/**
 * Corrections of a published report through the API, on PGlite and PostgreSQL: a supervisor
 * fills the cell 柳塘镇 printed as “/”, an officer of the body corrects it again, a misread
 * figure is corrected and undone; a stale version is refused with 409, a supervisor or an officer
 * of another body sees nothing; the rules re-run, the overview and the rollup read the corrected
 * model, the model as read stays, every step is in the audit log, and a re-upload of the same
 * file keeps the corrections.
 *
 * The fixture (test/fixtures/corrections/liutang-2024.blank-cell.txt, written for this test):
 * table 三 row （一）予以公开 reads “/ 1 0 0 0 0 4”, so 自然人 is blank; its total 4 and the
 * 自然人 column (total 5 = 予以公开 ? + 部分公开 1 + 重复申请 1) both need 3 there.
 * 表二 行政许可 reads 22.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { FIXTURES } from '../support/shared.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

const FILE = 'liutang-2024.blank-cell.txt';
const bytes = () => readFileSync(join(FIXTURES, 'corrections', FILE));
const NATURAL = 'applications.granted.naturalPerson';
const LICENSING = 'proactive.licensing.decisions';

interface View {
  version: number;
  model: { applications: Record<string, Record<string, number | null>>; proactive: Record<string, Record<string, number | null>> };
  findings: { code: string; severity: string; at: string; fingerprint: string }[];
  corrections: { id: number; version: number; path: string; before: number | null; after: number | null; reason: string; undoes: number | null; undone: boolean; by: string }[];
  corrected: { path: string; place: string; read: number | null; value: number | null; reason: string; by: string }[];
  tables: { grid: { text: string; path?: string }[][] }[];
}

async function upload(client: ApiClient): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes())]), FILE);
  const res = await client.request('POST', '/api/supervisor/uploads', undefined, { raw: form });
  const body = (await res.json()) as { results: { reportId: number | null; bodyId: string | null }[] };
  expect(res.status).toBe(200);
  expect(body.results[0]!.bodyId).toBe('lt');
  return body.results[0]!.reportId!;
}

const cellText = (v: View, path: string) => v.tables.flatMap((t) => t.grid.flat()).find((c) => c.path === path)?.text;

for (const kind of DB_KINDS) {
  describe(`corrections of published reports on ${kind}`, () => {
    let server: RunningServer;
    const as: Record<string, ApiClient> = {};
    let id: number;

    beforeAll(async () => {
      server = await testServer({ db: kind });
      await server.deps.register.addBody('lt', '青禾县柳塘镇人民政府', 'test');
      await server.deps.register.addBody('sq', '石泉街道办事处', 'test');
      for (const [name, role, bodies] of [['sup', 'supervisor', ['lt']], ['sup-sq', 'supervisor', ['sq']], ['off-lt', 'officer', ['lt']], ['off-sq', 'officer', ['sq']]] as const) {
        await addAccount(server.deps, name, role, bodies);
        as[name] = new ApiClient(server.url);
        await as[name].signIn(name);
      }
      id = await upload(as.sup!);
    }, 60_000);
    afterAll(async () => server?.close());

    const view = async (who: string) => as[who]!.json<View>('GET', `/api/supervisor/reports/${id}`);
    const correct = (who: string, body: unknown) => as[who]!.json<View & { error?: string }>('POST', `/api/supervisor/reports/${id}/corrections`, body);
    const audit = () =>
      server.deps.db.query<{ actor: string; action: string; old_value: Record<string, unknown> | null; new_value: Record<string, unknown> | null }>(
        "SELECT actor, action, old_value, new_value FROM audit_log WHERE entity = 'published-report' AND entity_id = $1 AND action IN ('correct', 'revoke') ORDER BY seq",
        [String(id)],
      );

    it('shows the report as read: version 1, the blank cell and its finding, nothing corrected', async () => {
      const { status, body } = await view('sup');
      expect(status).toBe(200);
      expect(body.version).toBe(1);
      expect(body.model.applications.granted!.naturalPerson).toBeNull();
      expect(body.findings.map((f) => [f.code, f.at])).toEqual([['VALUE.BLANK', NATURAL]]);
      expect(body.findings[0]!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      expect(body.corrections).toEqual([]);
      expect(body.corrected).toEqual([]);
    });

    it('refuses a supervisor or an officer of another body as if the report did not exist, and someone not signed in', async () => {
      expect((await view('sup-sq')).status).toBe(404);
      expect((await view('off-sq')).status).toBe(404);
      const body = { version: 1, path: NATURAL, value: 3, reason: '核对原件' };
      expect((await correct('sup-sq', body)).status).toBe(404);
      expect((await correct('off-sq', body)).status).toBe(404);
      expect((await new ApiClient(server.url).request('GET', `/api/supervisor/reports/${id}`)).status).toBe(401);
      expect((await view('sup')).body.version).toBe(1);
    });

    it('refuses a correction without a reason, of a cell the template lacks, or not a non-negative integer', async () => {
      expect((await correct('sup', { version: 1, path: NATURAL, value: 3, reason: '  ' })).status).toBe(400);
      const nowhere = await correct('sup', { version: 1, path: 'applications.granted.nobody', value: 3, reason: '核对原件' });
      expect(nowhere.status).toBe(400);
      expect(nowhere.body.error).toContain('没有这个单元格');
      expect((await correct('sup', { version: 1, path: NATURAL, value: -1, reason: '核对原件' })).status).toBe(400);
      expect((await correct('sup', { version: 1, path: NATURAL, value: 2.5, reason: '核对原件' })).status).toBe(400);
      expect((await audit()).length).toBe(0);
    });

    it('fills the blank cell: a new version, the rules re-run on it, the model as read kept', async () => {
      // A first, wrong value: 2 + 1 = 3 is not the row's total 4, and the 自然人 column sums to 2 + 1 + 1 = 4, not 5.
      const first = await correct('sup', { version: 1, path: NATURAL, value: 2, reason: '按纸质件补填' });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(2);
      expect(first.body.model.applications.granted!.naturalPerson).toBe(2);
      expect(first.body.findings.some((f) => f.code === 'VALUE.BLANK')).toBe(false);
      expect(first.body.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toContain('T3.ROW_TOTAL');
      expect(cellText(first.body, NATURAL)).toBe('2');
      const stored = await server.deps.db.query<{ read: number | null; now: number | null }>(
        "SELECT (read_model #>> '{applications,granted,naturalPerson}')::int AS read, (model #>> '{applications,granted,naturalPerson}')::int AS now FROM published_reports WHERE id = $1",
        [id],
      );
      expect(stored).toEqual([{ read: null, now: 2 }]);
    });

    it('refuses a correction made on an older version with 409, in Chinese, and changes nothing', async () => {
      const stale = await correct('sup', { version: 1, path: NATURAL, value: 3, reason: '核对原件' });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toContain('当前为第 2 版');
      expect((await view('sup')).body.model.applications.granted!.naturalPerson).toBe(2);
    });

    it('lets the body\'s own officer correct it to 3: no finding is left, the cell marked with who, what and why', async () => {
      const second = await correct('off-lt', { version: 2, path: NATURAL, value: 3, reason: '与办理台账核对，应为3件' });
      expect(second.status).toBe(200);
      expect(second.body.version).toBe(3);
      expect(second.body.findings).toEqual([]);
      expect(second.body.corrected).toEqual([
        { path: NATURAL, place: '表三“（一）予以公开”行“自然人”列', read: null, value: 3, reason: '与办理台账核对，应为3件', by: 'off-lt（测试）', at: expect.any(String), correction: expect.any(Number) },
      ]);
      expect(second.body.corrections.map((c) => [c.version, c.before, c.after, c.by])).toEqual([
        [2, null, 2, 'sup（测试）'],
        [3, 2, 3, 'off-lt（测试）'],
      ]);
    });

    it('counts the corrected report in the overview and rolls up the corrected value', async () => {
      const overview = await as.sup!.json<{ bodies: { id: string; cells: { year: number; reports: { id: number; errors: number; warnings: number }[] }[] }[] }>('GET', '/api/supervisor/overview?year=2024');
      const cell = overview.body.bodies.find((b) => b.id === 'lt')!.cells.find((c) => c.year === 2024)!;
      expect(cell.reports).toMatchObject([{ id, errors: 0, warnings: 0 }]);
      const rollup = await as.sup!.json<{ report: View['model'] }>('POST', '/api/supervisor/rollup', { year: 2024, bodies: ['lt'] });
      expect(rollup.status).toBe(200);
      expect(rollup.body.report.applications.granted!.naturalPerson).toBe(3);
      expect(rollup.body.report.proactive.licensing!.decisions).toBe(22);
    });

    it('corrects a misread figure and undoes it: the undo is a new version and the cell is as read again', async () => {
      const misread = await correct('sup', { version: 3, path: LICENSING, value: 25, reason: '原件为25件' });
      expect(misread.body.version).toBe(4);
      const rolled = await as.sup!.json<{ report: View['model'] }>('POST', '/api/supervisor/rollup', { year: 2024, bodies: ['lt'] });
      expect(rolled.body.report.proactive.licensing!.decisions).toBe(25);
      const target = misread.body.corrections.find((c) => c.path === LICENSING)!;
      const stale = await as.sup!.json<{ error: string }>('POST', `/api/supervisor/reports/${id}/corrections/${target.id}/undo`, { version: 3, reason: '看错了' });
      expect(stale.status).toBe(409);
      const undone = await as.sup!.json<View>('POST', `/api/supervisor/reports/${id}/corrections/${target.id}/undo`, { version: 4, reason: '原件确为22件，看错了' });
      expect(undone.status).toBe(200);
      expect(undone.body.version).toBe(5);
      expect(undone.body.model.proactive.licensing!.decisions).toBe(22);
      expect(undone.body.corrected.map((c) => c.path)).toEqual([NATURAL]);
      expect(undone.body.corrections.at(-1)).toMatchObject({ version: 5, path: LICENSING, before: 25, after: 22, undoes: target.id });
      expect(undone.body.corrections.find((c) => c.id === target.id)!.undone).toBe(true);
      // Undoing it twice is refused.
      const again = await as.sup!.json<{ error: string }>('POST', `/api/supervisor/reports/${id}/corrections/${target.id}/undo`, { version: 5, reason: '再次撤销' });
      expect(again.status).toBe(400);
    });

    it('keeps every step in the audit log with the old and new values and the reason', async () => {
      const rows = await audit();
      expect(rows.map((r) => [r.actor, r.action, r.old_value?.value, r.new_value?.value, r.new_value?.reason])).toEqual([
        ['user:sup', 'correct', null, 2, '按纸质件补填'],
        ['user:off-lt', 'correct', 2, 3, '与办理台账核对，应为3件'],
        ['user:sup', 'correct', 22, 25, '原件为25件'],
        ['user:sup', 'revoke', 25, 22, '原件确为22件，看错了'],
      ]);
      expect(rows.map((r) => [r.old_value?.version, r.new_value?.version])).toEqual([[1, 2], [2, 3], [3, 4], [4, 5]]);
      expect(rows[0]!.old_value?.findings).toEqual(['VALUE.BLANK']);
    });

    it('keeps the corrections when the same file is uploaded again, and the finding\'s fingerprint across uploads', async () => {
      const fingerprintBefore = (await view('sup')).body.findings;
      expect(fingerprintBefore).toEqual([]);
      expect(await upload(as.sup!)).toBe(id);
      const { body } = await view('sup');
      expect(body.version).toBe(6);
      expect(body.model.applications.granted!.naturalPerson).toBe(3);
      expect(body.findings).toEqual([]);
      expect(body.corrected.map((c) => c.path)).toEqual([NATURAL]);
    });
  });
}
