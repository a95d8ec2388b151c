/**
 * The opinion box over HTTP: an opinion left by the public reaches the body's officer, who
 * answers it; the writer reads the answer with the query code; another writer's code, a wrong code
 * and an unknown number all get the same 404. Only the body's officer sees the name and contact in
 * full; another body's staff see nothing; every change is in the audit log; the submissions are
 * rate-limited per address; the year's figures equal a hand count.
 *
 * Working days on the 2026 schedule (清明 4–6 April; no 调休 day in March or April), the day of
 * receipt not counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

interface Submitted {
  refNo: string;
  queryCode: string;
  bodyName: string;
  receivedOn: string;
}
interface View {
  refNo: string;
  kind: string;
  kindLabel: string;
  subject: string;
  text: string;
  name: string | null;
  contact: string | null;
  receivedOn: string;
  answer: string | null;
  answeredOn: string | null;
}
interface OfficerView extends View {
  state: 'open' | 'answered';
  days: { days: number; provisional: boolean };
}
interface List {
  canAnswer: boolean;
  personal: boolean;
  opinions: OfficerView[];
}

const opinion = (overrides: Record<string, string> = {}) => ({
  bodyId: 'yl',
  kind: 'complaint',
  subject: '财政预算未公开',
  text: '镇政府网站上2025年的财政预算至今没有公开，请予公开。',
  name: '王秀兰',
  contact: '13912345678',
  ...overrides,
});

for (const kind of DB_KINDS) {
  describe(`the opinion box API on ${kind}`, () => {
    let server: RunningServer;
    let today = '2026-03-02';
    let citizen: ApiClient;
    const staff: Record<string, ApiClient> = {};

    beforeAll(async () => {
      server = await testServer({ db: kind, today: () => today, config: { publicRateLimit: { max: 1000, windowMs: 3_600_000 } } });
      const { deps } = server;
      await deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test', { level: 'township' });
      await deps.register.addBody('sx', '青禾县松溪乡人民政府', 'test', { level: 'township' });
      await deps.register.addBody('fg', '青禾县枫岗镇人民政府', 'test', { level: 'township' });
      const accounts: [string, 'officer' | 'reviewer' | 'supervisor', string[]][] = [
        ['yl-off', 'officer', ['yl']],
        ['yl-rev', 'reviewer', ['yl']],
        ['sx-off', 'officer', ['sx']],
        ['fg-off', 'officer', ['fg']],
        ['sup', 'supervisor', ['fg']],
      ];
      for (const [name, role, bodies] of accounts) {
        await addAccount(deps, name, role, bodies);
        staff[name] = new ApiClient(server.url);
        await staff[name]!.signIn(name);
      }
      citizen = new ApiClient(server.url);
      await citizen.refresh();
    }, 60_000);
    afterAll(async () => {
      await server?.close();
    });

    const submit = (body = opinion(), client = citizen) => client.json<Submitted>('POST', '/api/opinions', body);
    const lookUp = (refNo: string, code: string, client = citizen) => client.json<View>('POST', `/api/opinions/${encodeURIComponent(refNo)}/status`, { code });
    const list = (who: string, body = 'yl', q = '') => staff[who]!.json<List>('GET', `/api/bodies/${body}/opinions${q}`);
    const answer = (who: string, refNo: string, text: string, body = 'yl') => staff[who]!.json<OfficerView>('POST', `/api/bodies/${body}/opinions/${refNo}/answer`, { text });

    it('takes an opinion to the officer, the answer back to the writer, and nowhere else', async () => {
      today = '2026-03-02';
      const mine = await submit();
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ bodyName: '青禾县云岭镇人民政府', receivedOn: '2026-03-02' });
      expect(mine.body.refNo).toMatch(/^yl-YJ-2026-\d{4}$/);
      expect(mine.body.queryCode).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      const theirs = await submit(opinion({ subject: '网站栏目打不开', name: '赵六', contact: 'zhao@example.com' }));

      // The officer's list: open, waiting 0 working days on the day of receipt; then 4 by Friday.
      today = '2026-03-06';
      const seen = await list('yl-off');
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ canAnswer: true, personal: true });
      const row = seen.body.opinions.find((o) => o.refNo === mine.body.refNo)!;
      expect(row).toMatchObject({ state: 'open', kindLabel: '投诉', subject: '财政预算未公开', name: '王秀兰', contact: '13912345678', days: { days: 4, provisional: false } });
      expect((await list('yl-off', 'yl', '?status=open')).body.opinions.map((o) => o.refNo)).toContain(mine.body.refNo);

      // Answered on Fri 6 March: 3, 4, 5, 6 March = 4 working days.
      const answered = await answer('yl-off', mine.body.refNo, '2025年预算已在公开目录“财政预决算”栏目公开，感谢监督。');
      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({ state: 'answered', answeredOn: '2026-03-06', days: { days: 4, provisional: false } });
      expect((await list('yl-off', 'yl', '?status=open')).body.opinions.map((o) => o.refNo)).not.toContain(mine.body.refNo);

      // The writer, with the code in any spelling: the answer; name and contact masked.
      const view = await lookUp(mine.body.refNo, mine.body.queryCode.toLowerCase().replace(/-/g, ''));
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({ answer: '2025年预算已在公开目录“财政预决算”栏目公开，感谢监督。', answeredOn: '2026-03-06', name: '王**', contact: '139****5678' });

      // Another writer's valid code, a made-up code, an unknown number: the same 404.
      const stranger = new ApiClient(server.url);
      await stranger.refresh();
      const other = await lookUp(mine.body.refNo, theirs.body.queryCode, stranger);
      const wrong = await lookUp(mine.body.refNo, 'ABCD-EFGH-JKMN', stranger);
      const unknown = await lookUp('yl-YJ-2026-9999', 'ABCD-EFGH-JKMN', stranger);
      const malformed = await lookUp(mine.body.refNo, 'nonsense', stranger);
      for (const r of [other, wrong, unknown, malformed]) {
        expect(r.status).toBe(404);
        expect(r.body).toEqual(wrong.body);
      }
      expect(JSON.stringify(other.body)).not.toContain('感谢监督');
      expect((wrong.body as unknown as { error: string }).error).toContain('没有找到该意见');
    });

    it('keeps only a hash of the query code', async () => {
      const { body } = await submit();
      const plain = body.queryCode.replace(/-/g, '');
      const rows = await server.deps.db.query<Record<string, unknown>>('SELECT * FROM opinions WHERE ref_no = $1', [body.refNo]);
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(plain);
      const audit = await server.deps.db.query('SELECT * FROM audit_log WHERE entity_id = $1', [body.refNo]);
      expect(JSON.stringify(audit)).not.toContain(plain);
    });

    it('masks the writer\'s name and contact for a reviewer and lets only the officer answer', async () => {
      today = '2026-03-06';
      const { body } = await submit(opinion({ subject: '公开栏内容陈旧' }));
      const r = await list('yl-rev');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ canAnswer: false, personal: false });
      const row = r.body.opinions.find((o) => o.refNo === body.refNo)!;
      expect(row.name).toBe('王**');
      expect(row.contact).toBe('139****5678');
      expect(JSON.stringify(r.body)).not.toContain('13912345678');
      expect(JSON.stringify(r.body)).not.toContain('王秀兰');
      expect((await answer('yl-rev', body.refNo, '已更新')).status).toBe(403);
    });

    it('shows another body\'s staff nothing and lets them change nothing', async () => {
      const { body } = await submit(opinion({ subject: '另一机关不应看到' }));
      expect((await list('sx-off')).status).toBe(403);
      expect((await answer('sx-off', body.refNo, '越权答复')).status).toBe(403);
      // Their own body's path does not reach another body's opinion.
      expect((await answer('sx-off', body.refNo, '越权答复', 'sx')).status).toBe(404);
      const anonymous = new ApiClient(server.url);
      expect((await anonymous.json('GET', '/api/bodies/yl/opinions')).status).toBe(401);
    });

    it('audits the opinion and its answer, and corrects an answer keeping its date', async () => {
      today = '2026-03-09';
      const { body } = await submit(opinion({ subject: '审计测试' }));
      today = '2026-03-10';
      await answer('yl-off', body.refNo, '第一次答复');
      today = '2026-03-11';
      const corrected = await answer('yl-off', body.refNo, '更正后的答复');
      expect(corrected.body).toMatchObject({ answer: '更正后的答复', answeredOn: '2026-03-10', days: { days: 1 } });
      const audit = await server.deps.db.query<{ actor: string; action: string; entity: string }>('SELECT actor, action, entity FROM audit_log WHERE entity_id = $1 ORDER BY seq', [body.refNo]);
      expect(audit.map((a) => [a.action, a.entity, a.actor.startsWith('public:') ? 'public' : a.actor])).toEqual([
        ['create', 'opinion', 'public'],
        ['answer', 'opinion', 'user:yl-off'],
        ['amend-answer', 'opinion', 'user:yl-off'],
      ]);
    });

    it('refuses an incomplete form with a message per field, and a submission without the CSRF token', async () => {
      const r = await citizen.json<{ error: string; fields: Record<string, string> }>('POST', '/api/opinions', opinion({ kind: 'gossip', text: '短' }));
      expect(r.status).toBe(400);
      expect(Object.keys(r.body.fields).sort()).toEqual(['kind', 'text']);
      const noBody = await citizen.json<{ fields: Record<string, string> }>('POST', '/api/opinions', opinion({ bodyId: 'nowhere' }));
      expect(noBody.body.fields.bodyId).toContain('机关不存在');
      expect((await citizen.json('POST', '/api/opinions', opinion(), { csrf: false })).status).toBe(403);
    });

    it('gives the year\'s figures equal to a hand count', async () => {
      const fg = (overrides: Record<string, string>) => submit(opinion({ bodyId: 'fg', ...overrides }));
      today = '2026-03-02';
      const a = await fg({ kind: 'suggestion', subject: 'A' });
      const g = await fg({ kind: 'report', subject: 'G' });
      await answer('fg-off', g.body.refNo, '当日答复', 'fg'); // 0 days
      today = '2026-03-06';
      const b = await fg({ kind: 'suggestion', subject: 'B' });
      await answer('fg-off', a.body.refNo, '答复A', 'fg'); // Mon 2 → Fri 6 March: 4 days
      today = '2026-03-13';
      await answer('fg-off', b.body.refNo, '答复B', 'fg'); // Fri 6 → Fri 13 March: 5 days
      today = '2026-03-31';
      const c = await fg({ kind: 'complaint', subject: 'C' });
      today = '2026-04-08';
      await answer('fg-off', c.body.refNo, '答复C', 'fg'); // 1–3 April, 清明 4–6 off, 7–8 April: 5 days
      today = '2026-05-06';
      await fg({ kind: 'report', subject: 'E' }); // open
      const r = await staff.sup!.json<{ kinds: unknown[]; total: unknown; sentence: string; provisional: boolean }>('GET', '/api/bodies/fg/opinions/figures?year=2026');
      expect(r.status).toBe(200);
      expect(r.body.kinds).toEqual([
        { kind: 'suggestion', label: '意见建议', received: 2, answered: 2, open: 0, averageDays: 4.5, longestDays: 5 },
        { kind: 'complaint', label: '投诉', received: 1, answered: 1, open: 0, averageDays: 5, longestDays: 5 },
        { kind: 'report', label: '举报', received: 2, answered: 1, open: 1, averageDays: 0, longestDays: 0 },
      ]);
      // (0 + 4 + 5 + 5) / 4 = 3.5.
      expect(r.body.total).toEqual({ received: 5, answered: 4, open: 1, averageDays: 3.5, longestDays: 5 });
      expect(r.body.sentence).toBe(
        '2026年，本机关通过政府信息公开意见箱、监督信箱和举报电话等渠道接受社会监督，共收到公众意见5件，其中意见建议2件、投诉1件、举报2件，年内已答复4件，尚有1件正在办理，平均答复用时3.5个工作日，最长5个工作日。',
      );
      // Another body's officer may not read them.
      expect((await staff['sx-off']!.json('GET', '/api/bodies/fg/opinions/figures?year=2026')).status).toBe(403);
      // The same sentence is drafted into section 一 of the body's 2026 report, under （五）监督保障.
      const report = await staff['fg-off']!.json<{ report: { sections: { no: number; text: string }[] } }>('GET', '/api/bodies/fg/reports/2026');
      expect(report.body.report.sections.find((x) => x.no === 1)!.text).toContain(`（五）监督保障。${r.body.sentence}`);
    });
  });
}

describe('the rate limit of the opinion box', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await testServer({ config: { publicRateLimit: { max: 3, windowMs: 3_600_000 } } });
    await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('answers 429 with Retry-After after the configured number, whatever the browser', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      // A fresh cookie jar each time: the limit is per address, not per browser.
      const client = new ApiClient(server.url);
      await client.refresh();
      statuses.push((await client.json('POST', '/api/opinions', opinion())).status);
    }
    expect(statuses).toEqual([200, 200, 200]);
    const client = new ApiClient(server.url);
    await client.refresh();
    const res = await client.request('POST', '/api/opinions', opinion());
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res.json()) as { error: string }).error).toContain('提交过于频繁');
    const rows = await server.deps.db.query('SELECT ref_no FROM opinions');
    expect(rows).toHaveLength(3);
  });
});
