/**
 * Findings as work through the API, on PGlite and PostgreSQL. 桃溪镇's 2024 report (written for
 * these tests: test/fixtures/findings-work/taoxi-2024.txt) has two warnings: table 三 row （一）予以
 * 公开 prints “/” for 自然人 (VALUE.BLANK), and section 六 says nothing of processing fees
 * (TEXT.FEE_NOT_REPORTED). The supervisor confirms the first and dismisses the second with a
 * reason; a re-issued file of the same report (one figure of the text changed) keeps both states;
 * the 整改通知书 lists the confirmed one with its cell; the body's officer sees and answers it and
 * another body's officer cannot; the supervisor accepts the answer; a correction that fills the
 * cell removes the finding, which then shows as resolved (已消除); the 问题清单 filters and
 * exports; every step is in the audit log.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { FIXTURES } from '../support/shared.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

const DIR = join(FIXTURES, 'findings-work');

interface Issue {
  bodyId: string;
  bodyName: string;
  year: number;
  fingerprint: string;
  code: string;
  place: string;
  rule: string;
  status: string;
  statusLabel: string;
  reason: string | null;
  answer: string | null;
  reportId: number | null;
}
interface IssueList {
  total: number;
  rows: Issue[];
}

async function upload(client: ApiClient, file: string): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(readFileSync(join(DIR, file)))]), file);
  const res = await client.request('POST', '/api/supervisor/uploads', undefined, { raw: form });
  const body = (await res.json()) as { results: { reportId: number | null; bodyId: string | null }[] };
  expect(res.status).toBe(200);
  expect(body.results[0]!.bodyId).toBe('tx');
  return body.results[0]!.reportId!;
}

for (const kind of DB_KINDS) {
  describe(`findings as work on ${kind}`, () => {
    let server: RunningServer;
    const as: Record<string, ApiClient> = {};
    let blank: Issue;
    let fee: Issue;

    beforeAll(async () => {
      server = await testServer({ db: kind });
      await server.deps.register.addBody('tx', '青禾县桃溪镇人民政府', 'test');
      await server.deps.register.addBody('sq', '石泉街道办事处', 'test');
      for (const [name, role, bodies] of [['sup', 'supervisor', ['tx']], ['sup-sq', 'supervisor', ['sq']], ['off-tx', 'officer', ['tx']], ['off-sq', 'officer', ['sq']]] as const) {
        await addAccount(server.deps, name, role, bodies);
        as[name] = new ApiClient(server.url);
        await as[name].signIn(name);
      }
      await upload(as.sup!, 'taoxi-2024.txt');
    }, 60_000);
    afterAll(async () => server?.close());

    const list = async (who: string, query = '') => as[who]!.json<IssueList>('GET', `/api/supervisor/issues${query}`);
    const act = (who: string, i: Issue, action: string, body?: unknown) =>
      as[who]!.json<{ error?: string }>('POST', `/api/supervisor/issues/${i.bodyId}/${i.year}/${i.fingerprint}/${action}`, body ?? {});
    const items = (who: string) => as[who]!.json<{ items: (Issue & { deadline: string | null })[] }>('GET', '/api/officer/rectification');
    const answer = (who: string, i: Issue, text?: string) =>
      as[who]!.json<{ error?: string }>('POST', `/api/officer/rectification/${i.bodyId}/${i.year}/${i.fingerprint}/answer`, text === undefined ? {} : { answer: text });
    const audit = () =>
      server.deps.db.query<{ actor: string; action: string; entity_id: string; new_value: Record<string, unknown> | null; body_id: string | null }>(
        "SELECT actor, action, entity_id, new_value, body_id FROM audit_log WHERE entity = 'finding' ORDER BY seq",
      );

    it('lists both findings as 待审核 with their places and rules; another supervisor sees none', async () => {
      const { status, body } = await list('sup');
      expect(status).toBe(200);
      expect(body.total).toBe(2);
      blank = body.rows.find((r) => r.code === 'VALUE.BLANK')!;
      fee = body.rows.find((r) => r.code === 'TEXT.FEE_NOT_REPORTED')!;
      expect(blank.place).toBe('表三“（一）予以公开”行“自然人”列');
      expect(blank.bodyName).toBe('青禾县桃溪镇人民政府');
      expect(blank.year).toBe(2024);
      expect([blank.statusLabel, fee.statusLabel]).toEqual(['待审核', '待审核']);
      expect(fee.place).toBe('第六部分');
      expect((await list('sup-sq')).body.total).toBe(0);
      expect((await list('off-tx')).status).toBe(403);
    });

    it('confirms one and refuses a dismissal without a reason; dismisses the other with one', async () => {
      expect((await act('sup-sq', blank, 'confirm')).status).toBe(404);
      expect((await act('sup', blank, 'confirm')).status).toBe(200);
      expect((await act('sup', blank, 'confirm')).status).toBe(409);
      const bare = await act('sup', fee, 'dismiss', { reason: '  ' });
      expect(bare.status).toBe(400);
      expect(bare.body.error).toContain('驳回理由');
      expect((await act('sup', fee, 'dismiss', { reason: '该镇未收取费用，第一部分已说明' })).status).toBe(200);
      const { body } = await list('sup');
      const byCode = new Map(body.rows.map((r) => [r.code, r]));
      expect(byCode.get('VALUE.BLANK')!.statusLabel).toBe('已确认（整改中）');
      expect(byCode.get('TEXT.FEE_NOT_REPORTED')!.statusLabel).toBe('已驳回');
      expect(byCode.get('TEXT.FEE_NOT_REPORTED')!.reason).toBe('该镇未收取费用，第一部分已说明');
    });

    it('keeps both states when the report is uploaded again as another file', async () => {
      const again = await upload(as.sup!, 'taoxi-2024.reissued.txt');
      const { body } = await list('sup');
      expect(body.total).toBe(2);
      expect(body.rows.map((r) => [r.code, r.statusLabel, r.reportId]).sort()).toEqual([
        ['TEXT.FEE_NOT_REPORTED', '已驳回', again],
        ['VALUE.BLANK', '已确认（整改中）', again],
      ]);
    });

    it('filters by status, code, severity, year and body, in the URL', async () => {
      expect((await list('sup', '?status=confirmed')).body.rows.map((r) => r.code)).toEqual(['VALUE.BLANK']);
      expect((await list('sup', '?status=dismissed')).body.rows.map((r) => r.code)).toEqual(['TEXT.FEE_NOT_REPORTED']);
      expect((await list('sup', '?code=VALUE.BLANK&year=2024&body=tx')).body.total).toBe(1);
      expect((await list('sup', '?severity=error')).body.total).toBe(0);
      expect((await list('sup', '?year=2023')).body.total).toBe(0);
      expect((await list('sup', '?status=nonsense')).status).toBe(400);
      // Fifty a page: the second page of two findings is empty, the count still says two.
      const second = await list('sup', '?page=2');
      expect([second.body.total, second.body.rows.length]).toEqual([2, 0]);
    });

    it('writes the 整改通知书 listing the confirmed finding with its cell and the deadline, not the dismissed one', async () => {
      const past = await as.sup!.request('GET', '/api/supervisor/issues/tx/2024/notice.docx?deadline=2026-03-01');
      expect(past.status).toBe(400);
      expect((await as['sup-sq']!.request('GET', '/api/supervisor/issues/tx/2024/notice.docx?deadline=2026-04-15')).status).toBe(404);
      const res = await as.sup!.request('GET', '/api/supervisor/issues/tx/2024/notice.docx?deadline=2026-04-15');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('.docx');
      const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) });
      expect(text).toContain('整改通知书');
      expect(text).toContain('青禾县桃溪镇人民政府：');
      expect(text).toContain('一、表三“（一）予以公开”行“自然人”列。问题类型：应填数字处空白或写作“/”“-”（应填 0）。具体情况：');
      expect(text).toContain('写作“/”');
      expect(text).toContain('2026年4月15日前');
      expect(text).not.toContain('信息处理费');
      expect(text).not.toContain('二、');
    });

    it('shows the officer of the body its item with the deadline; the officer answers; another body’s officer cannot', async () => {
      const mine = await items('off-tx');
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((i) => [i.code, i.statusLabel, i.deadline])).toEqual([['VALUE.BLANK', '已确认（整改中）', '2026-04-15']]);
      expect((await items('off-sq')).body.items).toEqual([]);
      expect((await items('sup')).status).toBe(403);
      expect((await answer('off-sq', blank, '已改')).status).toBe(404);
      expect((await answer('off-tx', fee, '不应驳回')).status).toBe(404);
      expect((await answer('off-tx', blank, '已按存档纸质报告补填为3件并重新公布')).status).toBe(200);
      const after = (await items('off-tx')).body.items[0]!;
      expect([after.statusLabel, after.answer]).toEqual(['已整改', '已按存档纸质报告补填为3件并重新公布']);
      // The answer's text may be left empty.
      expect((await answer('off-tx', blank)).status).toBe(200);
      expect((await items('off-tx')).body.items[0]!.answer).toBeNull();
      expect((await answer('off-tx', blank, '已按存档纸质报告补填为3件并重新公布')).status).toBe(200);
    });

    it('shows the answered finding as resolved (已消除) once a correction fills the cell', async () => {
      const id = (await list('sup')).body.rows[0]!.reportId!;
      const view = await as.sup!.json<{ version: number }>('GET', `/api/supervisor/reports/${id}`);
      const fix = await as.sup!.json('POST', `/api/supervisor/reports/${id}/corrections`, { version: view.body.version, path: 'applications.granted.naturalPerson', value: 3, reason: '与纸质件核对' });
      expect(fix.status).toBe(200);
      const { body } = await list('sup');
      const gone = body.rows.find((r) => r.fingerprint === blank.fingerprint)!;
      expect([gone.statusLabel, gone.reportId, gone.answer]).toEqual(['已消除', null, '已按存档纸质报告补填为3件并重新公布']);
      expect(gone.place).toBe('表三“（一）予以公开”行“自然人”列');
      expect((await list('sup', '?status=resolved')).body.total).toBe(1);
      expect((await items('off-tx')).body.items.map((i) => i.statusLabel)).toEqual(['已消除']);
    });

    it('accepts the answer (已核销); a dismissed finding cannot be accepted; nothing more can be answered', async () => {
      expect((await act('sup', fee, 'accept')).status).toBe(409);
      expect((await act('sup', blank, 'accept')).status).toBe(200);
      expect((await list('sup', '?status=accepted')).body.rows.map((r) => r.code)).toEqual(['VALUE.BLANK']);
      expect((await answer('off-tx', blank, '补充说明')).status).toBe(409);
    });

    it('exports the 问题清单 as filtered to Excel', async () => {
      const res = await as.sup!.request('GET', '/api/supervisor/issues.xlsx?status=dismissed');
      expect(res.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('问题清单')!;
      expect(sheet.getRow(2).getCell(1).value).toBe('机关');
      expect(sheet.rowCount).toBe(3);
      const row = sheet.getRow(3);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value, row.getCell(4).value, row.getCell(8).value, row.getCell(9).value]).toEqual([
        '青禾县桃溪镇人民政府', 2024, '第六部分', 'TEXT.FEE_NOT_REPORTED', '已驳回', '该镇未收取费用，第一部分已说明',
      ]);
      expect((await as['off-tx']!.request('GET', '/api/supervisor/issues.xlsx')).status).toBe(403);
    });

    it('logs every step with the body', async () => {
      const rows = await audit();
      expect(rows.map((r) => r.action)).toEqual(['confirm', 'dismiss', 'notice', 'answer', 'answer', 'answer', 'accept', 'export']);
      expect(rows.filter((r) => r.action !== 'export').every((r) => r.body_id === 'tx')).toBe(true);
      expect(rows[1]!.new_value).toMatchObject({ status: '已驳回', reason: '该镇未收取费用，第一部分已说明' });
      expect(rows[2]!.new_value).toMatchObject({ deadline: '2026-04-15', count: 1 });
      expect(rows[3]!.actor).not.toBe(rows[0]!.actor);
    });
  });
}
