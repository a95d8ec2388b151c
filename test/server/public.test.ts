/**
 * The public API: an online application gets a number and a query code; the code opens its status
 * (timeline, due date); a wrong code and an unknown number look alike; CSRF and the rate limit
 * refuse; online 补正 restarts the clock; withdrawal closes it; parallel submissions get distinct
 * numbers; every change is in the audit log.
 *
 * Due dates are counted by hand on the State Council's 2026 schedule (清明 4–6 Apr, no 调休 day
 * near March or April); the day of receipt is not counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../src/app/register/writes.js';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { ID_NUMBER, publicForm as form } from '../support/public-form.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

interface Submitted {
  id: string;
  queryCode: string;
  bodyName: string;
  receivedOn: string;
  due: { date: string; provisional: boolean };
}

interface Status {
  id: string;
  bodyName: string;
  applicant: { typeLabel: string; name: string; idKindLabel: string; idNumber: string; contact: string };
  description: string;
  status: string;
  statusLabel: string;
  closed: boolean;
  timeline: { date: string; label: string; note?: string }[];
  due: { date: string; provisional: boolean; steps: { date: string; label: string; note?: string }[] };
  correction?: { requestedOn: string; note?: string; receivedOn?: string; text?: string };
  canCorrect: boolean;
  canWithdraw: boolean;
}

for (const kind of DB_KINDS) {
  describe(`the public application API on ${kind}`, () => {
    let server: RunningServer;
    let today = '2026-03-02';
    let citizen: ApiClient;

    beforeAll(async () => {
      server = await testServer({ db: kind, today: () => today, config: { publicRateLimit: { max: 1000, windowMs: 3_600_000 } } });
      await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
      citizen = new ApiClient(server.url);
      await citizen.refresh();
    }, 60_000);
    afterAll(async () => {
      await server?.close();
    });

    const submit = async (client = citizen, body = form()) => client.json<Submitted>('POST', '/api/public/applications', body);
    const statusOf = (id: string, code: string, client = citizen) => client.json<Status>('POST', `/api/public/applications/${encodeURIComponent(id)}/status`, { code });

    it('answers a submission with its number, a query code and the due date', async () => {
      today = '2026-03-02';
      const r = await submit();
      expect(r.status).toBe(200);
      expect(r.body.id).toMatch(/^yl-2026-\d{4}$/);
      // 12 characters from the unambiguous alphabet, shown in groups of four.
      expect(r.body.queryCode).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      expect(r.body.receivedOn).toBe('2026-03-02');
      expect(r.body.bodyName).toBe('青禾县云岭镇人民政府');
      // Received Mon 2 Mar 2026: Mar 3–6 = 4; 9–13 = 9; 16–20 = 14; 23–27 = 19; Mon 30 = 20.
      expect(r.body.due).toEqual({ date: '2026-03-30', provisional: false });
    });

    it('keeps only a hash of the query code', async () => {
      const r = await submit();
      const rows = await server.deps.db.query<{ code_hash: string }>('SELECT code_hash FROM public_applications WHERE application_id = $1', [r.body.id]);
      expect(rows).toHaveLength(1);
      const plain = r.body.queryCode.replace(/-/g, '');
      expect(rows[0]!.code_hash).not.toContain(plain);
      const dump = JSON.stringify(await server.deps.db.query('SELECT * FROM audit_log WHERE entity_id = $1', [r.body.id]));
      expect(dump).not.toContain(plain);
    });

    it('shows the status with the timeline and the due date to the holder of the code, in any spelling', async () => {
      const { body: sub } = await submit();
      const r = await statusOf(sub.id, sub.queryCode.toLowerCase().replace(/-/g, ' '));
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ id: sub.id, bodyName: '青禾县云岭镇人民政府', status: 'processing', statusLabel: '办理中', closed: false, canWithdraw: true, canCorrect: false });
      expect(r.body.description).toBe('2025年云岭镇和平村土地征收补偿安置方案（文号不详）');
      expect(r.body.timeline).toEqual([{ date: '2026-03-02', label: '收到申请', note: expect.stringContaining('第三十一条') }]);
      expect(r.body.due.date).toBe('2026-03-30');
      expect(r.body.due.steps.map((s) => `${s.date} ${s.label}`)).toEqual([
        '2026-03-02 收到申请',
        // Art. 30: a 补正 notice within 7 working days (Mar 3–6 = 4, 9–11 = 7).
        '2026-03-11 补正告知期限（7个工作日）',
        '2026-03-30 20个工作日届满',
      ]);
    });

    it('shows the applicant their own name but masks the ID number and the phone', async () => {
      const { body: sub } = await submit();
      const { body } = await statusOf(sub.id, sub.queryCode);
      expect(body.applicant.name).toBe('李秀英');
      expect(body.applicant.typeLabel).toBe('自然人');
      expect(body.applicant.idKindLabel).toBe('居民身份证');
      expect(body.applicant.idNumber).toBe('1101**********002X');
      expect(body.applicant.contact).toBe('电话 138****5678；地址（不显示）');
      expect(JSON.stringify(body)).not.toContain('和平路8号');
      expect(JSON.stringify(body)).not.toContain(ID_NUMBER);
      expect(JSON.stringify(body)).not.toContain('13812345678');
    });

    it('answers a wrong code and an unknown number with the same 404', async () => {
      const { body: sub } = await submit();
      const other = new ApiClient(server.url);
      await other.refresh();
      const wrongCode = await statusOf(sub.id, 'ABCD-EFGH-JKMN', other);
      const unknownId = await statusOf('yl-2026-9999', 'ABCD-EFGH-JKMN', other);
      const malformed = await statusOf(sub.id, 'not a code', other);
      // Another application's (valid) code does not open this one.
      const { body: second } = await submit();
      const someoneElses = await statusOf(sub.id, second.queryCode, other);
      for (const r of [wrongCode, unknownId, malformed, someoneElses]) {
        expect(r.status).toBe(404);
        expect(r.body).toEqual(wrongCode.body);
      }
      expect((wrongCode.body as unknown as { error: string }).error).toContain('没有找到该申请');
      // The same for changes.
      const w = await other.json('POST', `/api/public/applications/${sub.id}/withdraw`, { code: 'ABCD-EFGH-JKMN' });
      const w2 = await other.json('POST', '/api/public/applications/yl-2026-9999/withdraw', { code: 'ABCD-EFGH-JKMN' });
      expect([w.status, w2.status]).toEqual([404, 404]);
      expect(w.body).toEqual(w2.body);
      expect(w.body).toEqual(wrongCode.body);
    });

    it('refuses a submission without the CSRF token (403) and records nothing', async () => {
      const before = await server.deps.register.applications('yl');
      const r = await citizen.json<{ error: string }>('POST', '/api/public/applications', form(), { csrf: false });
      expect(r.status).toBe(403);
      expect(r.body.error).toContain('CSRF');
      expect(await server.deps.register.applications('yl')).toHaveLength(before.length);
    });

    it('refuses an invalid form with a Chinese message per field', async () => {
      const r = await citizen.json<{ error: string; fields: Record<string, string> }>(
        'POST',
        '/api/public/applications',
        form({ idNumber: '110105194912310021', phone: '12345', description: '', delivery: 'email', bodyId: 'nowhere' }),
      );
      expect(r.status).toBe(400);
      expect(Object.keys(r.body.fields).sort()).toEqual(['bodyId', 'description', 'email', 'idNumber', 'phone']);
      expect(r.body.fields.idNumber).toContain('校验码');
      expect(r.body.fields.email).toContain('电子邮箱');
      expect(r.body.fields.bodyId).toContain('机关不存在');
    });

    it('takes an application of an organisation with its 统一社会信用代码', async () => {
      // 91350100M000100Y43: the example code of GB 32100-2015.
      const r = await submit(citizen, form({ applicantType: 'legalService', name: '青禾律师事务所', idKind: 'uscc', idNumber: '91350100M000100Y43', contactPerson: '王律师', delivery: 'email', email: 'office@example.com' }));
      expect(r.status).toBe(200);
      const app = (await server.deps.register.application(r.body.id))!;
      expect(app.applicant).toMatchObject({ type: 'legalService', name: '青禾律师事务所', idNumber: '91350100M000100Y43' });
      expect(app.applicant.contact).toContain('王律师');
      expect(app).toMatchObject({ channel: 'online', form: '纸质', delivery: '电子邮件', receivedOn: '2026-03-02' });
    });

    it('takes a 补正 after the officer asked for one, and the clock restarts from it', async () => {
      today = '2026-03-02';
      const { body: sub } = await submit();
      const path = `/api/public/applications/${sub.id}/correction`;
      // Before any notice: nothing to correct.
      const early = await citizen.json<{ error: string }>('POST', path, { code: sub.queryCode, text: '补充：文号为青云政〔2025〕8号' });
      expect(early.status).toBe(400);
      expect(early.body.error).toContain('没有要求补正');

      await appendEvent(server.deps, 'user:officer', sub.id, { kind: 'correctionRequested', on: '2026-03-04', note: '请写明方案的发文日期或文号' });
      const asked = await statusOf(sub.id, sub.queryCode);
      expect(asked.body).toMatchObject({ status: 'awaitingCorrection', statusLabel: '待补正', canCorrect: true });
      expect(asked.body.correction).toEqual({ requestedOn: '2026-03-04', note: '请写明方案的发文日期或文号' });
      expect(asked.body.timeline.map((t) => t.label)).toEqual(['收到申请', '行政机关发出补正通知']);

      today = '2026-03-10';
      const r = await citizen.json<Status>('POST', path, { code: sub.queryCode, text: '文号为青云政〔2025〕8号，2025年6月印发' });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'processing', canCorrect: false });
      expect(r.body.correction).toMatchObject({ receivedOn: '2026-03-10', text: '文号为青云政〔2025〕8号，2025年6月印发' });
      expect(r.body.timeline.map((t) => `${t.date} ${t.label}`)).toEqual(['2026-03-02 收到申请', '2026-03-04 行政机关发出补正通知', '2026-03-10 收到补正后的申请']);
      // From Tue 10 Mar (not counted): Mar 11–13 = 3; 16–20 = 8; 23–27 = 13; Mar 30–Apr 3 = 18;
      // Apr 4–6 清明 off; Tue 7 = 19, Wed 8 = 20. (It was 2026-03-30 before the correction.)
      expect(r.body.due.date).toBe('2026-04-08');
      expect(r.body.due.steps.map((s) => s.label)).toContain('收到补正后的申请');
      const app = (await server.deps.register.application(sub.id))!;
      expect(app.events.filter((e) => e.kind === 'correctionReceived')).toEqual([{ kind: 'correctionReceived', on: '2026-03-10' }]);

      const again = await citizen.json<{ error: string }>('POST', path, { code: sub.queryCode, text: '再补充一点' });
      expect(again.status).toBe(400);
      expect(again.body.error).toContain('不能重复提交');

      // The officer reads the applicant's text in the application's timeline.
      if (!(await server.deps.accounts.credentials('officer-yl'))) await addAccount(server.deps, 'officer-yl', 'officer', ['yl']);
      const officer = new ApiClient(server.url);
      await officer.signIn('officer-yl');
      const detail = await officer.json<{ timeline: { kind: string; text: string }[] }>('GET', `/api/applications/${sub.id}`);
      expect(detail.body.timeline.find((t) => t.kind === 'correctionReceived')?.text).toContain('申请人在线提交的补正内容：文号为青云政〔2025〕8号，2025年6月印发');
      today = '2026-03-02';
    });

    it('withdraws an open application once, and refuses the second withdrawal and a late correction', async () => {
      today = '2026-03-05';
      const { body: sub } = await submit();
      const path = `/api/public/applications/${sub.id}/withdraw`;
      const r = await citizen.json<Status>('POST', path, { code: sub.queryCode });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回', closed: true, canWithdraw: false, canCorrect: false });
      expect(r.body.timeline.at(-1)).toEqual({ date: '2026-03-05', label: '申请人撤回申请' });
      const again = await citizen.json<{ error: string }>('POST', path, { code: sub.queryCode });
      expect(again.status).toBe(400);
      expect(again.body.error).toContain('已于 2026-03-05 撤回');
      const late = await citizen.json<{ error: string }>('POST', `/api/public/applications/${sub.id}/correction`, { code: sub.queryCode, text: '补充说明' });
      expect(late.status).toBe(400);
      expect(late.body.error).toContain('撤回，不能再补正');
      const app = (await server.deps.register.application(sub.id))!;
      expect(app.events).toEqual([{ kind: 'withdrawn', on: '2026-03-05' }]);
      today = '2026-03-02';
    });

    it('shows the outcome once the officer replied, and refuses a withdrawal then', async () => {
      const { body: sub } = await submit();
      await appendEvent(server.deps, 'user:officer', sub.id, { kind: 'replied', on: '2026-03-12', outcome: 'withheld.processInfo', letterNo: '云政信复〔2026〕3号' });
      const { body } = await statusOf(sub.id, sub.queryCode);
      expect(body).toMatchObject({ status: 'replied', statusLabel: '已答复', closed: true, canWithdraw: false });
      expect((body as unknown as { outcome: unknown }).outcome).toEqual({ on: '2026-03-12', label: '不予公开：属于四类过程性信息', letterNo: '云政信复〔2026〕3号' });
      const w = await citizen.json<{ error: string }>('POST', `/api/public/applications/${sub.id}/withdraw`, { code: sub.queryCode });
      expect(w.status).toBe(400);
      expect(w.body.error).toContain('答复办结');
    });

    it('tells the applicant of a consultation, a fee notice and an extension in Chinese, with the due date they make', async () => {
      const { body: sub } = await submit();
      await appendEvent(server.deps, 'user:officer', sub.id, { kind: 'consultation', from: '2026-03-05', to: '2026-03-11', party: 'third-party' });
      await appendEvent(server.deps, 'user:officer', sub.id, { kind: 'feeNotice', on: '2026-03-12', amountYuan: 100, method: 'perApplication' });
      await appendEvent(server.deps, 'user:officer', sub.id, { kind: 'extended', on: '2026-03-25', approvedBy: '王主任' });
      const { body } = await statusOf(sub.id, sub.queryCode);
      expect(body).toMatchObject({ status: 'awaitingFee', statusLabel: '待缴费', closed: false });
      expect(body.timeline.map((t) => `${t.date} ${t.label}`)).toEqual([
        '2026-03-02 收到申请',
        '2026-03-05 征求第三方意见',
        '2026-03-12 发出收费通知',
        '2026-03-25 延长答复期限',
      ]);
      expect(body.timeline[1]!.note).toContain('不计入答复期限');
      expect(body.timeline[2]!.note).toContain('100 元');
      // Who approved the extension is internal.
      expect(JSON.stringify(body)).not.toContain('王主任');
      // Mar 3 = 1, 4 = 2; Mar 5–11 consulted (5 working days not counted); 12 = 3, 13 = 4; 16–20 = 9; 23–27 = 14;
      // Mar 30–Apr 3 = 19; 清明 Apr 4–6; Apr 7 = 20. Extension: Apr 8–10 = 3; 13–17 = 8; 20–24 = 13;
      // 27–30 = 17; 劳动节 May 1–5; May 6 = 18, 7 = 19, 8 = 20.
      expect(body.due).toMatchObject({ date: '2026-05-08', provisional: false });
      expect(body.due.steps.map((s) => `${s.date} ${s.label}`)).toEqual([
        '2026-03-02 收到申请',
        '2026-03-05 征求第三方意见（不计入期限）',
        // The 补正 notice period counts working days from receipt, consultation or not.
        '2026-03-11 补正告知期限（7个工作日）',
        '2026-04-07 20个工作日届满',
        '2026-05-08 延长20个工作日',
      ]);
    });

    it('answers a request that is not a form with a Chinese 400', async () => {
      const r = await citizen.json<{ error: string }>('POST', '/api/public/applications', { name: '李秀英' });
      expect(r.status).toBe(400);
      expect(r.body.error).toContain('请求内容有误');
      expect(r.body.error).toContain('bodyId');
    });

    it('describes its routes in the OpenAPI document', async () => {
      const { body } = await citizen.json<{ paths: Record<string, unknown> }>('GET', '/api/openapi.json');
      for (const path of ['/api/public/form', '/api/public/applications', '/api/public/applications/{id}/status', '/api/public/applications/{id}/correction', '/api/public/applications/{id}/withdraw']) {
        expect(body.paths, path).toHaveProperty([path]);
      }
    });

    it('gives 20 parallel submissions 20 distinct numbers', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => submit()));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      const ids = results.map((r) => r.body.id);
      expect(new Set(ids).size).toBe(20);
      expect(new Set(results.map((r) => r.body.queryCode)).size).toBe(20);
      // Every one is in the register, with its own code.
      for (const r of results.slice(0, 3)) expect((await statusOf(r.body.id, r.body.queryCode)).body.id).toBe(r.body.id);
      const stored = new Set((await server.deps.register.applications('yl')).map((a) => a.id));
      for (const id of ids) expect(stored.has(id)).toBe(true);
    });

    it('writes every change to the audit log under the applicant’s client id', async () => {
      today = '2026-03-02';
      const { body: sub } = await submit();
      await appendEvent(server.deps, 'user:officer', sub.id, { kind: 'correctionRequested', on: '2026-03-03' });
      await citizen.json('POST', `/api/public/applications/${sub.id}/correction`, { code: sub.queryCode, text: '补正内容：2025年第二季度' });
      await citizen.json('POST', `/api/public/applications/${sub.id}/withdraw`, { code: sub.queryCode });
      const rows = await server.deps.db.query<{ actor: string; action: string; entity: string; new_value: { kind?: string } | null }>(
        'SELECT actor, action, entity, new_value FROM audit_log WHERE entity_id = $1 ORDER BY seq',
        [sub.id],
      );
      const entries = rows.map((r) => `${r.actor.startsWith('public:') ? 'public' : r.actor} ${r.action} ${r.entity}${r.new_value?.kind ? ` ${r.new_value.kind}` : ''}`);
      expect(entries).toEqual([
        'public create application',
        'public create public-query-code',
        'user:officer event application correctionRequested',
        'public event application correctionReceived',
        'public create public-correction',
        'public event application withdrawn',
      ]);
      // One browser, one actor.
      expect(new Set(rows.filter((r) => r.actor.startsWith('public:')).map((r) => r.actor)).size).toBe(1);
    });

    it('publishes the notice and the choices of the form', async () => {
      const { status, body } = await citizen.json<{ notice: { heading: string; text: string }[]; applicantTypes: { key: string; label: string }[] }>('GET', '/api/public/form');
      expect(status).toBe(200);
      const all = body.notice.map((n) => n.text).join('');
      expect(all).toContain('20个工作日');
      expect(all).toContain('国办函〔2020〕109号');
      expect(all).toContain('查询码');
      expect(body.applicantTypes.map((t) => t.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他法人或其他组织']);
    });
  });
}

describe('the rate limit of the public form', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await testServer({ config: { publicRateLimit: { max: 3, windowMs: 3_600_000 } } });
    await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('answers 429 with a Chinese message and Retry-After after the configured number, whatever the browser', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      // A fresh cookie jar each time: the limit is per address, not per browser.
      const client = new ApiClient(server.url);
      await client.refresh();
      statuses.push((await client.json('POST', '/api/public/applications', form())).status);
    }
    expect(statuses).toEqual([200, 200, 200]);
    const client = new ApiClient(server.url);
    await client.refresh();
    const res = await client.request('POST', '/api/public/applications', form());
    expect(res.status).toBe(429);
    const retry = Number(res.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(3600);
    expect(((await res.json()) as { error: string }).error).toContain('提交过于频繁');
    expect(await server.deps.register.applications('yl')).toHaveLength(3);
  });
});
