/**
 * The register through its API, as the officer's and reviewer's screens use it: logging
 * applications with the date of receipt of 第三十一条, recording events, the due-soon and
 * overdue list with today pinned to 2026-03-02, refusals of the lifecycle, masking of personal
 * data, access of other bodies, CSRF, the Excel export, reply letters and the audit log.
 *
 * Due dates below are counted by hand on the 2026 State Council schedule: 春节 holiday
 * 15–23 February, 调休 working Saturdays 14 and 28 February. The first day after receipt is day 1.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

interface Row {
  id: string;
  applicantName: string;
  idNumber: string | null;
  contact: string | null;
  state: string;
  due: { due: string; workingDays: number | null; steps: { date: string; label: string; note?: string }[] } | null;
  outcomeLabel: string | null;
}
interface Detail extends Row {
  applicant: { name: string; idNumber: string | null; contact: string | null };
  receivedOn: string;
  late: boolean;
  timeline: { kind: string; date: string; actor: string | null }[];
  allowed: string[];
  canWrite: boolean;
}

const ZHANG = { type: 'naturalPerson', name: '张三', idNumber: '110101199003070011', contact: '13812345678' };

describe('the register API', () => {
  let server: RunningServer;
  let officer: ApiClient;
  let reviewer: ApiClient;
  let stranger: ApiClient;
  const ids: Record<string, string> = {};

  const add = async (key: string, body: Record<string, unknown>) => {
    const r = await officer.json<{ id: string; receivedOn: string }>('POST', '/api/bodies/yl/applications', {
      applicant: ZHANG,
      description: `申请 ${key}`,
      channel: 'inPerson',
      ...body,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    ids[key] = r.body.id;
    return r.body;
  };
  const event = (client: ApiClient, key: string, body: Record<string, unknown>) => client.json<Detail & { error?: string }>('POST', `/api/applications/${ids[key]}/events`, body);
  const auditRows = async (entityId: string) =>
    server.deps.db.query<{ action: string; entity: string }>('SELECT action, entity FROM audit_log WHERE entity_id = $1 ORDER BY seq', [entityId]);

  beforeAll(async () => {
    server = await testServer();
    await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
    await server.deps.register.addBody('sq', '青禾县石泉街道办事处', 'test');
    await addAccount(server.deps, 'off', 'officer', ['yl']);
    await addAccount(server.deps, 'rev', 'reviewer', ['yl']);
    await addAccount(server.deps, 'sqoff', 'officer', ['sq']);
    officer = new ApiClient(server.url);
    reviewer = new ApiClient(server.url);
    stranger = new ApiClient(server.url);
    await officer.signIn('off');
    await reviewer.signIn('rev');
    await stranger.signIn('sqoff');

    // A: handed in on Mon 26 Jan. Day 1 = 27 Jan … day 14 = Fri 13 Feb, day 15 = Sat 14 Feb (调休),
    // 15–23 Feb off, day 16 = 24 Feb … day 19 = Fri 27 Feb, day 20 = Sat 28 Feb (调休): due 2026-02-28.
    await add('A', { arrivedOn: '2026-01-26', description: '某村2025年征地补偿方案' });
    // B: arrived online on 30 Jan, confirmed by both sides Mon 2 Feb: received 2 Feb (第三十一条).
    // Day 1 = 3 Feb … day 10 = Sat 14 Feb, day 11 = 24 Feb … day 15 = Sat 28 Feb, day 16 = 2 Mar …
    // day 20 = Fri 6 Mar: due 2026-03-06, four working days after today (3, 4, 5, 6 Mar).
    await add('B', { channel: 'online', arrivedOn: '2026-01-30', confirmedOn: '2026-02-02' });
    // C: registered letter arrived 9 Feb, signed for 10 Feb: received 10 Feb; due 2026-03-16 (the
    // §6.2 vector), ten working days away — open, not on the warning list.
    await add('C', { channel: 'postSigned', arrivedOn: '2026-02-09', signedForOn: '2026-02-10' });
    // D: a company, handed in 26 Jan like A (due 28 Feb), then extended on 25 Feb: 20 more working
    // days after 28 Feb: 2–6 Mar (5), 9–13 (10), 16–20 (15), 23–27 (20): due 2026-03-27.
    await add('D', { applicant: { type: 'commercial', name: '青禾某某科技有限公司', contact: '13987654321' }, arrivedOn: '2026-01-26' });
    // E: handed in 26 Jan, 补正 asked on 28 Jan and not yet received: no running due date.
    await add('E', { arrivedOn: '2026-01-26' });
    // G: received 2 Feb like B, third party consulted on Wed 25 Feb only: that working day is not
    // counted, so day 20 moves from Fri 6 Mar to Mon 9 Mar — five working days after today.
    await add('G', { arrivedOn: '2026-02-02' });
    // F: a 2025 application answered in January.
    await add('F', { arrivedOn: '2025-12-29', description: '<script>alert(1)</script>道路养护合同' });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('numbers applications per body and year and fixes the date of receipt by 第三十一条', async () => {
    expect(ids).toMatchObject({ A: 'yl-2026-0001', B: 'yl-2026-0002', C: 'yl-2026-0003', F: 'yl-2025-0001' });
    const b = await officer.json<Detail>('GET', `/api/applications/${ids.B}`);
    expect(b.body.receivedOn).toBe('2026-02-02');
    const c = await officer.json<Detail>('GET', `/api/applications/${ids.C}`);
    expect(c.body.receivedOn).toBe('2026-02-10');
    // An online application without the confirmation date has no date of receipt yet.
    const missing = await officer.json<{ error: string }>('POST', '/api/bodies/yl/applications', { applicant: ZHANG, description: 'x', channel: 'online', arrivedOn: '2026-02-27' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toContain('双方确认之日');
  });

  it('records events through the API and refuses what the lifecycle forbids, changing nothing', async () => {
    expect((await event(officer, 'E', { kind: 'correctionRequested', on: '2026-01-28', note: '请写明征地批复的文号或年份' })).status).toBe(200);
    expect((await event(officer, 'G', { kind: 'consultation', from: '2026-02-25', to: '2026-02-25', party: 'third-party' })).status).toBe(200);
    const f = await event(officer, 'F', { kind: 'replied', on: '2026-01-10', outcome: 'unavailable.notHeld' });
    expect(f.status).toBe(200);
    expect(f.body.state).toBe('replied');

    const before = await officer.json<Detail>('GET', `/api/applications/${ids.C}`);
    const auditBefore = await server.deps.register.auditCount();
    const early = await event(officer, 'C', { kind: 'replied', on: '2026-02-01', outcome: 'granted' });
    expect(early.status).toBe(400);
    expect(early.body.error).toContain('早于收到申请的日期 2026-02-10');

    const ext = await event(officer, 'D', { kind: 'extended', on: '2026-02-25', approvedBy: '党政办主任李四' });
    expect(ext.status).toBe(200);
    expect(ext.body.due?.due).toBe('2026-03-27');
    const again = await event(officer, 'D', { kind: 'extended', on: '2026-02-26', approvedBy: '党政办主任李四' });
    expect(again.status).toBe(400);
    expect(again.body.error).toContain('只能延长一次');

    const notOutcome = await event(officer, 'C', { kind: 'replied', on: '2026-02-27', outcome: 'approved' });
    expect(notOutcome.status).toBe(400);
    expect(notOutcome.body.error).toContain('不是表三的办理结果行');

    const after = await officer.json<Detail>('GET', `/api/applications/${ids.C}`);
    expect(after.body.timeline).toEqual(before.body.timeline);
    // Only D's extension was written: one audit row.
    expect(await server.deps.register.auditCount()).toBe(auditBefore + 1);
  });

  it('lists the overdue and due-soon applications with their due dates and explanations', async () => {
    const r = await reviewer.json<{ today: string; items: Row[] }>('GET', '/api/bodies/yl/applications/due');
    expect(r.status).toBe(200);
    expect(r.body.today).toBe('2026-03-02');
    expect(r.body.items.map((i) => [i.id, i.state, i.due?.due, i.due?.workingDays])).toEqual([
      [ids.A, 'overdue', '2026-02-28', 1], // one working day late: Mon 2 Mar
      [ids.B, 'dueSoon', '2026-03-06', 4],
      [ids.G, 'dueSoon', '2026-03-09', 5],
    ]);
    const g = r.body.items[2]!;
    expect(g.due!.steps.map((s) => s.label)).toEqual(['收到申请', '补正告知期限（7个工作日）', '征求第三方意见（不计入期限）', '20个工作日届满']);
    expect(g.due!.steps[2]!.note).toContain('其中 1 个工作日不计入期限');
    // C is open with ten working days left, D extended, E waiting for its 补正, F answered.
    const all = await officer.json<{ items: Row[] }>('GET', '/api/bodies/yl/applications');
    const state = Object.fromEntries(all.body.items.map((i) => [i.id, i.state]));
    expect(state).toMatchObject({ [ids.C!]: 'open', [ids.D!]: 'open', [ids.E!]: 'awaitingCorrection', [ids.F!]: 'replied' });
  });

  it('filters by status, year and text', async () => {
    const list = async (client: ApiClient, q: string) => (await client.json<{ items: Row[] }>('GET', `/api/bodies/yl/applications${q}`)).body.items.map((i) => i.id).sort();
    expect(await list(officer, '?status=overdue')).toEqual([ids.A]);
    expect(await list(officer, '?status=dueSoon')).toEqual([ids.B, ids.G].sort());
    expect(await list(officer, '?status=closed')).toEqual([ids.F]);
    expect(await list(officer, '?year=2025')).toEqual([ids.F]);
    expect(await list(officer, `?q=${encodeURIComponent('征地')}`)).toEqual([ids.A]);
    expect(await list(officer, `?q=${encodeURIComponent('科技有限')}`)).toEqual([ids.D]);
    // The reviewer sees names masked, so cannot find an application by guessing a name.
    expect(await list(reviewer, `?q=${encodeURIComponent('张三')}`)).toEqual([]);
    expect(await list(reviewer, '?q=yl-2026-0003')).toEqual([ids.C]);
  });

  it('masks ID numbers and phones in lists, names for the reviewer, and shows them to the officer on the detail', async () => {
    const rev = await reviewer.json<{ items: Row[]; personalData: boolean }>('GET', '/api/bodies/yl/applications');
    const a = rev.body.items.find((i) => i.id === ids.A)!;
    expect(a).toMatchObject({ applicantName: '张**', idNumber: '1101**********0011', contact: '138****5678' });
    // A company's name is not personal data; its phone is still masked.
    expect(rev.body.items.find((i) => i.id === ids.D)).toMatchObject({ applicantName: '青禾某某科技有限公司', contact: '139****4321' });
    const off = await officer.json<{ items: Row[] }>('GET', '/api/bodies/yl/applications');
    expect(off.body.items.find((i) => i.id === ids.A)).toMatchObject({ applicantName: '张三', idNumber: '1101**********0011', contact: '138****5678' });
    const detail = await officer.json<Detail>('GET', `/api/applications/${ids.A}`);
    expect(detail.body.applicant).toMatchObject({ name: '张三', idNumber: '110101199003070011', contact: '13812345678' });
    const revDetail = await reviewer.json<Detail>('GET', `/api/applications/${ids.A}`);
    expect(revDetail.body.applicant).toMatchObject({ name: '张**', idNumber: '1101**********0011', contact: '138****5678' });
    expect(revDetail.body.canWrite).toBe(false);
    expect(revDetail.body.allowed).toEqual([]);
  });

  it('lets the reviewer read but not write', async () => {
    expect((await reviewer.json('GET', `/api/applications/${ids.B}`)).status).toBe(200);
    expect((await event(reviewer, 'B', { kind: 'withdrawn', on: '2026-03-01' })).status).toBe(403);
    const add = await reviewer.json('POST', '/api/bodies/yl/applications', { applicant: ZHANG, description: 'x', channel: 'inPerson', arrivedOn: '2026-03-02' });
    expect(add.status).toBe(403);
  });

  it('keeps another body’s officer out of this register', async () => {
    expect((await stranger.json('GET', '/api/bodies/yl/applications')).status).toBe(403);
    expect((await stranger.json('GET', '/api/bodies/yl/applications/due')).status).toBe(403);
    expect((await stranger.request('GET', '/api/bodies/yl/applications.xlsx')).status).toBe(403);
    expect((await stranger.json('GET', `/api/applications/${ids.A}`)).status).toBe(404);
    expect((await stranger.request('GET', `/api/applications/${ids.F}/letter`)).status).toBe(404);
    expect((await event(stranger, 'B', { kind: 'withdrawn', on: '2026-03-01' })).status).toBe(404);
    expect((await stranger.json('POST', '/api/bodies/yl/applications', { applicant: ZHANG, description: 'x', channel: 'inPerson', arrivedOn: '2026-03-02' })).status).toBe(403);
    // Their own register is empty and theirs.
    expect((await stranger.json<{ items: Row[] }>('GET', '/api/bodies/sq/applications')).body.items).toEqual([]);
  });

  it('refuses a write without the CSRF token', async () => {
    const auditBefore = await server.deps.register.auditCount();
    const r = await officer.json<{ error: string }>('POST', `/api/applications/${ids.B}/events`, { kind: 'withdrawn', on: '2026-03-01' }, { csrf: false });
    expect(r.status).toBe(403);
    expect(r.body.error).toContain('CSRF');
    expect(await server.deps.register.auditCount()).toBe(auditBefore);
  });

  it('answers an application and writes the reply letter with its legal basis', async () => {
    const r = await event(officer, 'A', { kind: 'replied', on: '2026-03-02', outcome: 'granted', letterNo: '云政公复〔2026〕1号' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: 'replied', outcomeLabel: '（一）予以公开', late: true });
    expect(r.body.timeline.map((t) => t.kind)).toEqual(['received', 'replied']);
    expect(r.body.timeline[1]!.actor).toBe('off（测试）');
    const letter = await officer.json<{ title: string; number: string; salutation: string; paragraphs: string[]; signature: string[] }>('GET', `/api/applications/${ids.A}/letter?format=json`);
    expect(letter.body.number).toBe('云政公复〔2026〕1号');
    expect(letter.body.salutation).toBe('张三：');
    const text = letter.body.paragraphs.join('');
    for (const fact of ['2026年1月26日', ids.A!, '某村2025年征地补偿方案', '第三十六条第（一）项、第（二）项', '六十日内', '六个月内']) expect(text).toContain(fact);
    expect(letter.body.signature).toEqual(['青禾县云岭镇人民政府', '2026年3月2日']);
    // The reviewer's copy does not name the applicant.
    const masked = await reviewer.json<{ salutation: string }>('GET', `/api/applications/${ids.A}/letter?format=json`);
    expect(masked.body.salutation).toBe('张**：');
  });

  it('serves the letter as inert HTML and as a Word file', async () => {
    const html = await officer.request('GET', `/api/applications/${ids.F}/letter`);
    expect(html.headers.get('content-type')).toContain('text/html');
    const page = await html.text();
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;道路养护合同');
    expect(page).toContain('第三十六条第（四）项');
    const docx = await officer.request('GET', `/api/applications/${ids.F}/letter?format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain('.docx');
    const bytes = new Uint8Array(await docx.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    // No reply yet, no reply letter.
    const none = await officer.json<{ error: string }>('GET', `/api/applications/${ids.C}/letter`);
    expect(none.status).toBe(400);
    expect(none.body.error).toContain('尚未答复');
  });

  it('quotes the information-processing fee of 国办函〔2020〕109号', async () => {
    // 250 pages: 31–100 at 10 元 (700) + 101–200 at 20 元 (2 000) + 201–250 at 40 元 (2 000) = 4 700 元.
    const q = await officer.json<{ amountYuan: number }>('GET', `/api/applications/${ids.C}/fee-quote?method=perVolume&pages=250`);
    expect(q.body.amountYuan).toBe(4700);
    // 张三's applications received in February 2026: B and G (2 Feb), then C (10 Feb); A and E came
    // in January. C is the third of the month: within the free ten.
    const k = await officer.json<{ amountYuan: number; explanation: string }>('GET', `/api/applications/${ids.C}/fee-quote?method=perApplication`);
    expect(k.body.amountYuan).toBe(0);
    expect(k.body.explanation).toContain('第 3 件');
    // A notice of a free application is refused; the amount of a notice is computed, not typed.
    const free = await event(officer, 'G', { kind: 'feeNotice', on: '2026-03-02', method: 'perApplication' });
    expect(free.status).toBe(400);
    expect(free.body.error).toContain('无需发出收费通知');
    const notice = await event(officer, 'G', { kind: 'feeNotice', on: '2026-03-02', method: 'perVolume', pages: 250, amountYuan: 1 });
    expect(notice.status).toBe(200);
    expect(notice.body.timeline.at(-1)).toMatchObject({ kind: 'feeNotice', text: '发出收费通知：按量计收 4700 元' });
    expect(notice.body.allowed).toContain('feePaid');
  });

  it('exports the register to Excel, masked unless the officer asks and the export is audited', async () => {
    const names = async (res: Response) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      const sheet = book.worksheets[0]!;
      const col = (sheet.getRow(1).values as string[]).indexOf('申请人');
      return new Set(Array.from({ length: sheet.rowCount - 1 }, (_, i) => String(sheet.getRow(i + 2).getCell(col).value)));
    };
    const masked = await reviewer.request('GET', '/api/bodies/yl/applications.xlsx');
    expect(masked.status).toBe(200);
    expect(await names(masked)).toEqual(new Set(['张**', '青禾某某科技有限公司']));
    expect((await reviewer.request('GET', '/api/bodies/yl/applications.xlsx?unmasked=1')).status).toBe(403);
    const full = await officer.request('GET', '/api/bodies/yl/applications.xlsx?unmasked=1');
    expect(await names(full)).toEqual(new Set(['张三', '青禾某某科技有限公司']));
    const audit = await server.deps.db.query<{ actor: string; action: string }>("SELECT actor, action FROM audit_log WHERE entity = 'applications' AND entity_id = 'yl'");
    expect(audit).toEqual([{ actor: 'user:off', action: 'export-unmasked' }]);
  });

  it('has an audit row for every change', async () => {
    expect((await auditRows(ids.A!)).map((r) => `${r.entity}:${r.action}`)).toEqual(['application:create', 'application_arrival:create', 'application:event']);
    expect((await auditRows(ids.D!)).map((r) => `${r.entity}:${r.action}`)).toEqual(['application:create', 'application_arrival:create', 'application:event']);
    expect((await auditRows(ids.C!)).map((r) => `${r.entity}:${r.action}`)).toEqual(['application:create', 'application_arrival:create']);
    const events = await server.deps.db.query<{ n: string }>('SELECT count(*) AS n FROM application_events');
    const eventAudits = await server.deps.db.query<{ n: string }>("SELECT count(*) AS n FROM audit_log WHERE entity = 'application' AND action = 'event'");
    expect(Number(eventAudits[0]!.n)).toBe(Number(events[0]!.n));
  });
});
