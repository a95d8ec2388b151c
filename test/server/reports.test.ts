/**
 * The annual-report API: the report pre-filled from a small register counted by hand, a saved
 * edit and the finding it causes, refusals (malformed model, another body, the reviewer's
 * save), the files (HTML and Word read back by our own parser, marked 草稿 until 定稿), 定稿
 * refused while a drafting prompt stands, and the audit trail.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent, logApplication } from '../../src/app/register/writes.js';
import { parseFile } from '../../src/ingest.js';
import type { AnnualReport } from '../../src/model/report.js';
import type { Finding } from '../../src/rules/finding.js';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { addAccount, ApiClient, HAVE_CHROMIUM, testServer } from '../support/web.js';

const COLUMNS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
const rowOf = (r: AnnualReport, key: string) => COLUMNS.map((c) => r.applications[key]?.[c] ?? null);

/**
 * The register of 桃溪镇, and what table 三 of 2025 must say, counted by hand:
 * - A (自然人) received 2024-12-20, granted 2025-01-10: 上年结转 1, 予以公开 1;
 * - B (自然人) received 2025-03-03, granted 2025-03-20: 本年新收, 予以公开;
 * - C (商业企业) received 2025-06-02, answered 2025-06-25 本机关不掌握: 本年新收, 无法提供·不掌握;
 * - D (自然人) received 2025-12-22, still open: 本年新收, 结转下年度;
 * - E (自然人) received and answered in 2024: not in 2025 at all;
 * - F (科研机构) received 2026-01-05: not in 2025.
 */
const HAND_COUNT: Record<string, (number | null)[]> = {
  //               自然人 商业 科研 公益 法律 其他 总计
  newReceived: [2, 1, 0, 0, 0, 0, 3], // B, D; C
  carriedOver: [1, 0, 0, 0, 0, 0, 1], // A
  granted: [2, 0, 0, 0, 0, 0, 2], // A, B
  'unavailable.notHeld': [0, 1, 0, 0, 0, 0, 1], // C
  total: [2, 1, 0, 0, 0, 0, 3],
  carriedForward: [1, 0, 0, 0, 0, 0, 1], // D
};

const BODY = 'tx';
const UNIT = '青禾县桃溪镇人民政府';
const FILE_NAME = `${UNIT}2025年政府信息公开工作年度报告`;

async function seed(server: RunningServer): Promise<void> {
  const reg = server.deps.register;
  await reg.addBody(BODY, UNIT, 'test');
  await reg.addBody('other', '青禾县云岭镇人民政府', 'test');
  const add = (id: string, type: string, receivedOn: string) =>
    logApplication(server.deps, 'test', BODY, { id, applicant: { type, name: `申请人${id}` }, description: `某村征地批复 ${id}`, channel: 'inPerson', receivedOn });
  const reply = (id: string, on: string, outcome: string) => appendEvent(server.deps, 'test', id, { kind: 'replied', on, outcome });
  await add('A', 'naturalPerson', '2024-12-20');
  await reply('A', '2025-01-10', 'granted');
  await add('B', 'naturalPerson', '2025-03-03');
  await reply('B', '2025-03-20', 'granted');
  await add('C', 'commercial', '2025-06-02');
  await reply('C', '2025-06-25', 'unavailable.notHeld');
  await add('D', 'naturalPerson', '2025-12-22');
  await add('E', 'naturalPerson', '2024-04-01');
  await reply('E', '2024-04-20', 'granted');
  await add('F', 'research', '2026-01-05');
  await addAccount(server.deps, 'officer', 'officer', [BODY]);
  await addAccount(server.deps, 'reviewer', 'reviewer', [BODY]);
  await addAccount(server.deps, 'stranger', 'officer', ['other']);
  await addAccount(server.deps, 'sup', 'supervisor', [BODY]);
}

/** What a reader of the file sees: the HTML's text, or the Word document's body and page headers. */
async function visibleText(bytes: Uint8Array, format: 'html' | 'docx'): Promise<string> {
  if (format === 'html') return new TextDecoder().decode(bytes).replace(/<[^>]+>/g, '');
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((n) => /^word\/(document|header\d*)\.xml$/.test(n));
  const xml = await Promise.all(parts.map((n) => zip.file(n)!.async('string')));
  return xml.join('\n').replace(/<[^>]+>/g, '');
}

function expectHandCount(report: AnnualReport): void {
  for (const key of Object.keys(report.applications)) {
    expect(rowOf(report, key), key).toEqual(HAND_COUNT[key] ?? [0, 0, 0, 0, 0, 0, 0]);
  }
}

interface View {
  status: string;
  revision: number;
  canEdit: boolean;
  report: AnnualReport;
  fromRegister: AnnualReport;
  findings: Finding[];
}

for (const kind of DB_KINDS) {
  describe(`annual report API on ${kind}`, () => {
    let server: RunningServer;
    const officer = () => new ApiClient(server.url);
    let o: ApiClient;
    beforeAll(async () => {
      server = await testServer({ db: kind });
      await seed(server);
      o = officer();
      await o.signIn('officer');
    }, 120_000);
    afterAll(async () => {
      await server?.close();
    });

    it('lists last year even for a body with no application', async () => {
      await server.deps.register.addBody('empty', '青禾县白鹭镇人民政府', 'test');
      await addAccount(server.deps, 'empty-officer', 'officer', ['empty']);
      const c = officer();
      await c.signIn('empty-officer');
      const r = await c.json<{ years: { year: number; status: string; applications: number }[] }>('GET', '/api/bodies/empty/reports');
      expect(r.body.years).toMatchObject([{ year: 2025, status: 'notStarted', applications: 0 }]);
      const report = await c.json<View>('GET', '/api/bodies/empty/reports/2025');
      expect(report.body.report.applications.newReceived!.total).toBe(0);
    });

    it('lists the register’s years, with last year offered as the new one', async () => {
      const r = await o.json<{ defaultYear: number; canEdit: boolean; years: { year: number; status: string; applications: number }[] }>('GET', `/api/bodies/${BODY}/reports`);
      expect(r.status).toBe(200);
      // Today is pinned to 2026-03-02: the report being written is 2025's.
      expect(r.body.defaultYear).toBe(2025);
      expect(r.body.canEdit).toBe(true);
      // Received: 2024 A and E, 2025 B C D, 2026 F.
      expect(r.body.years.map((y) => [y.year, y.status, y.applications])).toEqual([
        [2026, 'notStarted', 1],
        [2025, 'notStarted', 3],
        [2024, 'notStarted', 2],
      ]);
    });

    it('pre-fills 2025 from the register: table 三 as counted by hand, with no arithmetic finding', async () => {
      const r = await o.json<View>('GET', `/api/bodies/${BODY}/reports/2025`);
      expect(r.status).toBe(200);
      expect(r.body.status).toBe('notStarted');
      expect(r.body.revision).toBe(0);
      expect(r.body.report.unit).toBe(UNIT);
      expect(r.body.report.year).toBe(2025);
      expectHandCount(r.body.report);
      expectHandCount(r.body.fromRegister);
      expect(r.body.report.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
      // The tables are right; the only errors are the prompts the draft leaves for the officer to
      // replace: what was published proactively (一), the problems (五) and the fee statement (六).
      expect(r.body.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.at])).toEqual([
        ['TEXT.PLACEHOLDER', 'sections.1'],
        ['TEXT.PLACEHOLDER', 'sections.5'],
        ['TEXT.PLACEHOLDER', 'sections.6'],
      ]);
      // The register knows nothing of licensing, penalties, coercion and fees (other systems):
      // those four cells are empty, and each is pointed out rather than printed as 0.
      expect(r.body.findings.filter((f) => f.code === 'VALUE.BLANK').map((f) => f.at).sort()).toEqual([
        'proactive.coercion.decisions',
        'proactive.fees.amount',
        'proactive.licensing.decisions',
        'proactive.penalty.decisions',
      ]);
      expect(r.body.report.proactive.licensing!.decisions).toBeNull();
    });

    it('downloads the report as HTML and as a real .docx that our parser reads back with the same table 三', async () => {
      for (const format of ['html', 'docx'] as const) {
        const res = await o.request('GET', `/api/bodies/${BODY}/reports/2025/download?format=${format}`);
        expect(res.status, format).toBe(200);
        const disposition = res.headers.get('content-disposition') ?? '';
        const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '');
        expect(name).toBe(`${FILE_NAME}（草稿）.${format}`);
        const bytes = new Uint8Array(await res.arrayBuffer());
        expect(await visibleText(bytes, format)).toContain('草稿（尚未定稿，不得发布）');
        const parsed = await parseFile(bytes);
        expect(parsed.format).toBe(format);
        expect(parsed.report.unit).toBe(UNIT);
        expect(parsed.report.year).toBe(2025);
        expectHandCount(parsed.report);
      }
      const docx = await o.request('GET', `/api/bodies/${BODY}/reports/2025/download?format=docx`);
      expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      // A ZIP container (PK\x03\x04), as Word expects.
      expect([...new Uint8Array(await docx.arrayBuffer()).subarray(0, 4)]).toEqual([0x50, 0x4b, 3, 4]);
    });

    it.skipIf(!HAVE_CHROMIUM)('downloads a PDF printed by Chromium', async () => {
      const res = await o.request('GET', `/api/bodies/${BODY}/reports/2025/download?format=pdf`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).subarray(0, 5))).toBe('%PDF-');
    });

    it('previews the official layout as inert HTML under a policy that loads nothing', async () => {
      const res = await o.request('GET', `/api/bodies/${BODY}/reports/2025/preview`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain('<table aria-label="表三">');
      expect(html).toContain('（四）无法提供');
      expect(html).not.toMatch(/<script/i);
      expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
      // Whatever policy the header carries, it never allows an inline script.
      expect(res.headers.get('content-security-policy')).toMatch(/default-src '(self|none)'/);
      expect(res.headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe-inline/);
    });

    it('saves an edited cell, keeps it, and names the broken relation at that cell', async () => {
      const { body: view } = await o.json<View>('GET', `/api/bodies/${BODY}/reports/2025`);
      const edited = structuredClone(view.report);
      edited.applications.newReceived!.total = 4; // the six columns add up to 3
      edited.publishedOn = '2026-01-20';
      const put = await o.json<{ revision: number; findings: Finding[] }>('PUT', `/api/bodies/${BODY}/reports/2025`, { report: edited, revision: view.revision });
      expect(put.status).toBe(200);
      expect(put.body.revision).toBe(1);
      const rowTotal = put.body.findings.find((f) => f.code === 'T3.ROW_TOTAL');
      expect(rowTotal).toMatchObject({ at: 'applications.newReceived.total', found: 4, expected: 3 });
      // 本年新收 + 上年结转 = 4 + 1, (七)总计 + 结转下年度 = 3 + 1: the 总计 column no longer balances.
      expect(put.body.findings.find((f) => f.code === 'T3.BALANCE')).toMatchObject({ at: 'applications.*.total', found: 5, expected: 4 });

      const again = await o.json<View>('GET', `/api/bodies/${BODY}/reports/2025`);
      expect(again.body.status).toBe('draft');
      expect(again.body.revision).toBe(1);
      expect(again.body.report.applications.newReceived!.total).toBe(4);
      expect(again.body.report.publishedOn).toBe('2026-01-20');
      // The register's own figure stays beside it.
      expect(again.body.fromRegister.applications.newReceived!.total).toBe(3);
      expect(again.body.findings.map((f) => f.code)).toContain('T3.ROW_TOTAL');

      // An edit made from the old revision would overwrite this one: refused.
      const stale = await o.json<{ error: string }>('PUT', `/api/bodies/${BODY}/reports/2025`, { report: view.report, revision: 0 });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatch(/他人保存/);

      const list = await o.json<{ years: { year: number; status: string; errors: number | null }[] }>('GET', `/api/bodies/${BODY}/reports`);
      // The two sums and the three drafting prompts.
      expect(list.body.years.find((y) => y.year === 2025)).toMatchObject({ status: 'draft', errors: 5 });

      // The file follows the draft.
      const docx = await o.request('GET', `/api/bodies/${BODY}/reports/2025/download?format=docx`);
      const parsed = await parseFile(new Uint8Array(await docx.arrayBuffer()));
      expect(rowOf(parsed.report, 'newReceived')).toEqual([2, 1, 0, 0, 0, 0, 4]);
    });

    it('refuses a malformed model with Chinese messages naming the place', async () => {
      const { body: view } = await o.json<View>('GET', `/api/bodies/${BODY}/reports/2025`);
      const bad = structuredClone(view.report) as unknown as { applications: Record<string, Record<string, unknown>> };
      bad.applications.granted!.total = '两';
      delete bad.applications.carriedForward;
      const r = await o.json<{ error: string }>('PUT', `/api/bodies/${BODY}/reports/2025`, { report: bad });
      expect(r.status).toBe(400);
      expect(r.body.error).toContain('表三“（一）予以公开”行“总计”列（applications.granted.total）');
      expect(r.body.error).toContain('期望 数字');
      expect(r.body.error).toContain('applications.carriedForward');

      const wrongYear = await o.json<{ error: string }>('PUT', `/api/bodies/${BODY}/reports/2025`, { report: { ...view.report, year: 2024 } });
      expect(wrongYear.status).toBe(400);
      expect(wrongYear.body.error).toMatch(/年度/);

      const future = await o.json<{ error: string }>('GET', `/api/bodies/${BODY}/reports/2027`);
      expect(future.status).toBe(400);

      // Nothing of it was stored.
      const after = await o.json<View>('GET', `/api/bodies/${BODY}/reports/2025`);
      expect(after.body.report.applications.granted!.total).toBe(2);
    });

    it('refuses another body’s officer, lets the reviewer read but not save, and keeps the supervisor out of drafts', async () => {
      const stranger = officer();
      await stranger.signIn('stranger');
      const { body: view } = await o.json<View>('GET', `/api/bodies/${BODY}/reports/2025`);
      for (const [method, path] of [
        ['GET', `/api/bodies/${BODY}/reports`],
        ['GET', `/api/bodies/${BODY}/reports/2025`],
        ['GET', `/api/bodies/${BODY}/reports/2025/preview`],
        ['GET', `/api/bodies/${BODY}/reports/2025/download?format=html`],
      ] as const) {
        expect((await stranger.request(method, path)).status, path).toBe(403);
      }
      expect((await stranger.request('PUT', `/api/bodies/${BODY}/reports/2025`, { report: view.report })).status).toBe(403);

      const reviewer = officer();
      await reviewer.signIn('reviewer');
      const read = await reviewer.json<View>('GET', `/api/bodies/${BODY}/reports/2025`);
      expect(read.status).toBe(200);
      expect(read.body.canEdit).toBe(false);
      expect((await reviewer.request('GET', `/api/bodies/${BODY}/reports/2025/download?format=docx`)).status).toBe(200);
      expect((await reviewer.request('PUT', `/api/bodies/${BODY}/reports/2025`, { report: view.report })).status).toBe(403);

      const sup = officer();
      await sup.signIn('sup');
      expect((await sup.request('GET', `/api/bodies/${BODY}/reports/2025`)).status).toBe(403);

      const anonymous = officer();
      expect((await anonymous.request('GET', `/api/bodies/${BODY}/reports/2025`)).status).toBe(401);
      expect((await o.request('GET', '/api/bodies/nosuch/reports/2025')).status).toBe(403);
    });

    it('checks a posted model without storing it', async () => {
      const { body: view } = await o.json<View>('GET', `/api/bodies/${BODY}/reports/2025`);
      const model = structuredClone(view.fromRegister);
      model.appeals.reconsideration = { upheld: 1, corrected: 0, other: 0, pending: 0, total: 2 };
      const r = await o.json<{ findings: Finding[] }>('POST', '/api/check', { report: model });
      expect(r.status).toBe(200);
      expect(r.body.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.at])).toEqual([
        ['T4.GROUP_TOTAL', 'appeals.reconsideration.total'],
        ['TEXT.PLACEHOLDER', 'sections.1'],
        ['TEXT.PLACEHOLDER', 'sections.5'],
        ['TEXT.PLACEHOLDER', 'sections.6'],
      ]);
      // Rows sent in another order (as any JSON tool may) are read in the template's order.
      const reversed = { ...model, applications: Object.fromEntries(Object.entries(model.applications).reverse()) };
      const same = await o.json<{ findings: Finding[] }>('POST', '/api/check', { report: reversed });
      expect(same.body.findings).toEqual(r.body.findings);
      const bad = await o.json<{ error: string }>('POST', '/api/check', { report: { schema: 'gongkai.report/v1' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatch(/不符合年度报告标准模型/);
      expect((await officer().request('POST', '/api/check', { report: model }, { csrf: false })).status).toBe(403);
    });

    it('writes every save to the audit log with the old and the new model', async () => {
      const rows = await server.deps.db.query<{ actor: string; action: string; entity_id: string; old_value: AnnualReport | null; new_value: AnnualReport }>(
        "SELECT actor, action, entity_id, old_value, new_value FROM audit_log WHERE entity = 'report-draft' ORDER BY seq",
      );
      expect(rows.map((r) => [r.actor, r.action, r.entity_id])).toEqual([['user:officer', 'create', `${BODY}/2025`]]);
      expect(rows[0]!.old_value).toBeNull();
      expect(rows[0]!.new_value.applications.newReceived!.total).toBe(4);

      const { body: view } = await o.json<View>('GET', `/api/bodies/${BODY}/reports/2025`);
      const fixed = structuredClone(view.report);
      fixed.applications.newReceived!.total = 3;
      expect((await o.json('PUT', `/api/bodies/${BODY}/reports/2025`, { report: fixed, revision: view.revision })).status).toBe(200);
      const after = await server.deps.db.query<{ action: string; old_value: AnnualReport; new_value: AnnualReport }>(
        "SELECT action, old_value, new_value FROM audit_log WHERE entity = 'report-draft' ORDER BY seq",
      );
      expect(after).toHaveLength(2);
      expect(after[1]!.action).toBe('update');
      expect(after[1]!.old_value.applications.newReceived!.total).toBe(4);
      expect(after[1]!.new_value.applications.newReceived!.total).toBe(3);
    });

    it('refuses 定稿 while a drafting prompt stands, and finalises once the text is written', async () => {
      const { body: view } = await o.json<View>('GET', `/api/bodies/${BODY}/reports/2025`);
      expect(view.status).toBe('draft');
      const refused = await o.json<{ error: string }>('POST', `/api/bodies/${BODY}/reports/2025/finalize`, { revision: view.revision });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toContain('报告还有 3 个错误，不能定稿');
      expect(refused.body.error).toContain('（请说明信息处理费的收取情况。）');
      // Another officer's version, or none saved, is not what this one checked.
      expect((await o.json('POST', `/api/bodies/${BODY}/reports/2025/finalize`, { revision: view.revision - 1 })).status).toBe(409);
      expect((await o.json('POST', `/api/bodies/${BODY}/reports/2024/finalize`, { revision: 1 })).status).toBe(409);
      const reviewer = officer();
      await reviewer.signIn('reviewer');
      expect((await reviewer.json('POST', `/api/bodies/${BODY}/reports/2025/finalize`, { revision: view.revision })).status).toBe(403);

      const written = structuredClone(view.report);
      const text: Record<number, string> = {
        1: '2025年，桃溪镇依照《中华人民共和国政府信息公开条例》做好政府信息公开工作。全年在镇政府网站主动公开信息52条。',
        5: '公开栏更新不够及时。2026年，桃溪镇将每月检查一次公开栏。',
        6: '本年度桃溪镇未收取政府信息公开信息处理费。',
      };
      written.sections = written.sections.map((sec) => (text[sec.no] ? { ...sec, text: text[sec.no]! } : sec));
      const put = await o.json<{ revision: number; status: string }>('PUT', `/api/bodies/${BODY}/reports/2025`, { report: written, revision: view.revision });
      expect(put.body.status).toBe('draft');
      const done = await o.json<{ status: string; finalizedBy: string; revision: number }>('POST', `/api/bodies/${BODY}/reports/2025/finalize`, { revision: put.body.revision });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ status: 'final', finalizedBy: 'user:officer', revision: put.body.revision });

      // The final report's files say nothing of a draft.
      for (const format of ['html', 'docx'] as const) {
        const res = await o.request('GET', `/api/bodies/${BODY}/reports/2025/download?format=${format}`);
        const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? '');
        expect(name).toBe(`${FILE_NAME}.${format}`);
        const shown = await visibleText(new Uint8Array(await res.arrayBuffer()), format);
        expect(shown).not.toContain('草稿');
        expect(shown).toContain('本年度桃溪镇未收取政府信息公开信息处理费。');
      }
      const list = await o.json<{ years: { year: number; status: string; statusLabel: string }[] }>('GET', `/api/bodies/${BODY}/reports`);
      expect(list.body.years.find((y) => y.year === 2025)).toMatchObject({ status: 'final', statusLabel: '已定稿' });

      // Changed after 定稿: a draft again, and its files say so.
      const again = await o.json<{ status: string; finalizedAt: string | null }>('PUT', `/api/bodies/${BODY}/reports/2025`, { report: written, revision: done.body.revision });
      expect(again.body).toMatchObject({ status: 'draft', finalizedAt: null });
      const html = await o.request('GET', `/api/bodies/${BODY}/reports/2025/download?format=html`);
      expect(await html.text()).toContain('草稿（尚未定稿，不得发布）');

      const audit = await server.deps.db.query<{ action: string; actor: string }>("SELECT action, actor FROM audit_log WHERE entity = 'report-draft' AND action = 'finalize'");
      expect(audit).toEqual([{ action: 'finalize', actor: 'user:officer' }]);
    });

    it('describes its routes in the OpenAPI document', async () => {
      const doc = await o.json<{ paths: Record<string, unknown> }>('GET', '/api/openapi.json');
      expect(doc.status).toBe(200);
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/bodies/{bodyId}/reports',
          '/api/bodies/{bodyId}/reports/{year}',
          '/api/bodies/{bodyId}/reports/{year}/preview',
          '/api/bodies/{bodyId}/reports/{year}/download',
          '/api/bodies/{bodyId}/reports/{year}/finalize',
          '/api/check',
        ]),
      );
    });
  });
}
