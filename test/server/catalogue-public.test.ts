/**
 * The public catalogue API over items written straight into the database (as the back office
 * would leave them): a few published, one in review, one rejected, one draft. A search finds
 * exactly the published items that contain the words (listed by hand below), never the others;
 * an unpublished item answers exactly like an id that never existed, by id, by index number and
 * through its attachments; index-number and 文号 lookups, filters, pagination, the annual-report
 * column, and the download headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemGrams, normalizeForSearch } from '../../src/catalogue/search.js';
import type { Db } from '../../src/store/db.js';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

interface Summary {
  id: number;
  indexNo: string;
  title: string;
  bodyName: string;
  docNo: string | null;
  publishedOn: string;
  reportYear?: number;
}
interface Result {
  items: Summary[];
  total: number | null;
  hasMore: boolean;
  page: number;
  pages: number | null;
}

interface ItemInput {
  body: string;
  indexNo: string;
  title: string;
  summary?: string;
  content?: string;
  docNo?: string;
  topic?: string;
  type?: string;
  status: 'published' | 'inReview' | 'rejected' | 'draft';
  madeOn: string;
  publishedOn?: string;
}

const PUBLISHER: Record<string, string> = { yl: '青禾县云岭镇人民政府', zr: '青禾县自然资源局' };

/** An item as the back office stores it, grams made with the shared function. */
async function addItem(db: Db, it: ItemInput): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO catalogue_items (body_id, index_no, title, summary, content, made_on, published_on, publisher, doc_no, topic, doc_type, disclosure, status, search_grams, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'proactive', $12, $13, 'test') RETURNING id::text AS id`,
    [
      it.body,
      it.indexNo,
      it.title,
      it.summary ?? '',
      it.content ?? '',
      it.madeOn,
      it.publishedOn ?? null,
      PUBLISHER[it.body],
      it.docNo ?? null,
      it.topic ?? null,
      it.type ?? null,
      it.status,
      itemGrams(it.title, it.summary, it.content, it.indexNo, it.docNo),
    ],
  );
  return Number(rows[0]!.id);
}

async function addAttachment(db: Db, itemId: number, fileName: string, mediaType: string, text: string): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO catalogue_attachments (item_id, file_name, media_type, bytes, sha256) VALUES ($1, $2, $3, $4, 'x') RETURNING id::text AS id`,
    [itemId, fileName, mediaType, new TextEncoder().encode(text)],
  );
  return Number(rows[0]!.id);
}

for (const kind of DB_KINDS) {
  describe(`the public catalogue API on ${kind}`, () => {
    let server: RunningServer;
    let client: ApiClient;
    const id: Record<string, number> = {};
    const attachment: Record<string, number> = {};

    beforeAll(async () => {
      server = await testServer({ db: kind });
      const { register, db } = server.deps;
      await register.addBody('yl', '青禾县云岭镇人民政府', 'test', { level: 'township' });
      await register.addBody('zr', '青禾县自然资源局', 'test', { level: 'department' });
      id.budget = await addItem(db, {
        body: 'yl',
        indexNo: 'yl-2025-00001',
        title: '云岭镇2025年财政预算公开说明',
        summary: '公开本镇2025年一般公共预算收支情况',
        docNo: '云政发〔2025〕3号',
        topic: '财政金融审计',
        type: '财政预决算',
        status: 'published',
        madeOn: '2025-02-01',
        publishedOn: '2025-02-10',
      });
      id.fire = await addItem(db, {
        body: 'yl',
        indexNo: 'yl-2025-00002',
        title: '关于开展森林防火检查的通知',
        summary: '各村做好森林防火巡查',
        content: '所需经费由镇财政资金保障。',
        docNo: '云政办〔2025〕12号',
        topic: '应急管理',
        type: '通知公告',
        status: 'published',
        madeOn: '2025-03-01',
        publishedOn: '2025-03-05',
      });
      id.report2024 = await addItem(db, {
        body: 'zr',
        indexNo: 'zr/2025-00001',
        title: '青禾县自然资源局2024年政府信息公开工作年度报告',
        type: '年度报告',
        topic: '综合政务',
        status: 'published',
        madeOn: '2025-01-15',
        publishedOn: '2025-01-20',
      });
      id.land = await addItem(db, {
        body: 'zr',
        indexNo: 'zr/2025-00002',
        title: '和平村土地征收补偿安置方案',
        summary: '和平村土地征收补偿标准和安置办法',
        docNo: '青自然资〔2025〕5号',
        topic: '自然资源',
        type: '其他文件',
        status: 'published',
        madeOn: '2025-03-25',
        publishedOn: '2025-04-01',
      });
      id.report2023 = await addItem(db, {
        body: 'yl',
        indexNo: 'yl-2024-00009',
        title: '云岭镇人民政府2023年政府信息公开工作年度报告',
        type: '年度报告',
        topic: '综合政务',
        status: 'published',
        madeOn: '2024-01-10',
        publishedOn: '2024-01-25',
      });
      // Holds 政府, 府信 and 信息 but not the phrase 政府信息: the bigram index alone would find it.
      id.decoy = await addItem(db, {
        body: 'yl',
        indexNo: 'yl-2025-00003',
        title: '府信大厦物业服务政府采购结果',
        summary: '采购信息详见附件',
        topic: '综合政务',
        type: '通知公告',
        status: 'published',
        madeOn: '2025-02-20',
        publishedOn: '2025-02-21',
      });
      id.tax = await addItem(db, {
        body: 'zr',
        indexNo: 'zr/2025-00003',
        title: '耕地占用有关政策问答',
        summary: '耕地占用税的减免情形',
        topic: '自然资源',
        type: '政策解读',
        status: 'published',
        madeOn: '2025-05-01',
        publishedOn: '2025-05-06',
      });
      // Not public: rejected at 保密审查, in review, a draft.
      id.rejected = await addItem(db, {
        body: 'yl',
        indexNo: 'yl-2025-00004',
        title: '云岭镇2025年财政预算调整方案（内部讨论稿）',
        summary: '财政预算调整的内部测算',
        docNo: '云政发〔2025〕9号',
        topic: '财政金融审计',
        type: '财政预决算',
        status: 'rejected',
        madeOn: '2025-03-10',
      });
      id.inReview = await addItem(db, {
        body: 'yl',
        indexNo: 'yl-2025-00005',
        title: '关于财政预算执行情况的报告',
        topic: '财政金融审计',
        type: '其他文件',
        status: 'inReview',
        madeOn: '2025-03-12',
      });
      id.draft = await addItem(db, { body: 'zr', indexNo: 'zr/2025-00004', title: '土地征收补偿标准调整草案', status: 'draft', madeOn: '2025-03-15' });
      attachment.budget = await addAttachment(db, id.budget, '2025年预算说明.html', 'text/html', '<script>alert(1)</script><p>预算</p>');
      attachment.rejected = await addAttachment(db, id.rejected, '测算表.csv', 'text/csv', '内部,测算');
      // 25 patrol bulletins, one a day from 2025-06-01: for the pages.
      for (let i = 1; i <= 25; i++) {
        id[`patrol${i}`] = await addItem(db, {
          body: 'zr',
          indexNo: `zr/2025-1${String(i).padStart(4, '0')}`,
          title: `执法巡查通报第${i}期`,
          topic: '自然资源',
          type: '工作动态',
          status: 'published',
          madeOn: '2025-06-01',
          publishedOn: `2025-06-${String(i).padStart(2, '0')}`,
        });
      }
      client = new ApiClient(server.url);
    }, 60_000);
    afterAll(async () => {
      await server?.close();
    });

    const find = async (params: Record<string, string>) => {
      const r = await client.json<Result>('GET', `/api/catalogue/items?${new URLSearchParams(params)}`);
      expect(r.status).toBe(200);
      return r.body;
    };
    const titles = async (params: Record<string, string>) => (await find(params)).items.map((i) => i.title);

    it('finds exactly the published items containing the words, newest first, never the unpublished ones', async () => {
      // 财政预算: the budget note; the rejected draft and the item in review also say it.
      expect(await titles({ q: '财政预算' })).toEqual(['云岭镇2025年财政预算公开说明']);
      // 财政: also in the content of the fire-prevention notice.
      expect(await titles({ q: '财政' })).toEqual(['关于开展森林防火检查的通知', '云岭镇2025年财政预算公开说明']);
      // Two terms, both required. (A bare 2024 would also find the 2023 report: its index number is yl-2024-00009.)
      expect(await titles({ q: '年度报告 2024年' })).toEqual(['青禾县自然资源局2024年政府信息公开工作年度报告']);
      expect(await titles({ q: '土地征收' })).toEqual(['和平村土地征收补偿安置方案']);
      expect(await titles({ q: '调整' })).toEqual([]);
      expect(await titles({ q: '内部讨论稿' })).toEqual([]);
    });

    it('drops the bigram false positives with the exact phrase check', async () => {
      // The decoy holds 政府 / 府信 / 信息 apart; only the two annual reports hold 政府信息.
      expect(await titles({ q: '政府信息' })).toEqual(['青禾县自然资源局2024年政府信息公开工作年度报告', '云岭镇人民政府2023年政府信息公开工作年度报告']);
      expect(await titles({ q: '府信大厦' })).toEqual(['府信大厦物业服务政府采购结果']);
    });

    it('answers one-character queries from the stored single characters', async () => {
      expect(await titles({ q: '税' })).toEqual(['耕地占用有关政策问答']);
    });

    it('ignores punctuation, width and case as the shared normalisation does', async () => {
      expect(await titles({ q: '云政发〔２０２５〕３号' })).toEqual(['云岭镇2025年财政预算公开说明']);
      expect(await titles({ q: 'ZR/2025-00002' })).toEqual(['和平村土地征收补偿安置方案']);
    });

    it('looks up an index number and a 文号 exactly, whatever brackets are typed', async () => {
      expect(await titles({ indexNo: 'zr/2025-00002' })).toEqual(['和平村土地征收补偿安置方案']);
      expect(await titles({ indexNo: 'zr/2025-0000' })).toEqual([]);
      expect(await titles({ docNo: '云政发[2025]3号' })).toEqual(['云岭镇2025年财政预算公开说明']);
      expect(await titles({ docNo: '云政发（2025）3号' })).toEqual(['云岭镇2025年财政预算公开说明']);
      // The rejected item's index number and 文号 find nothing.
      expect(await titles({ indexNo: 'yl-2025-00004' })).toEqual([]);
      expect(await titles({ docNo: '云政发〔2025〕9号' })).toEqual([]);
    });

    it('filters by body, level, topic, type and date range', async () => {
      expect(await titles({ body: 'yl' })).toEqual([
        '关于开展森林防火检查的通知',
        '府信大厦物业服务政府采购结果',
        '云岭镇2025年财政预算公开说明',
        '云岭镇人民政府2023年政府信息公开工作年度报告',
      ]);
      expect(await titles({ level: 'township' })).toHaveLength(4);
      expect(await titles({ topic: '财政金融审计' })).toEqual(['云岭镇2025年财政预算公开说明']);
      expect(await titles({ from: '2025-02-01', to: '2025-03-31' })).toEqual(['关于开展森林防火检查的通知', '府信大厦物业服务政府采购结果', '云岭镇2025年财政预算公开说明']);
      expect(await titles({ q: '巡查', from: '2025-06-24' })).toEqual(['执法巡查通报第25期', '执法巡查通报第24期']);
      // 巡查 is also in the fire notice's summary.
      expect((await find({ q: '巡查' })).total).toBe(26);
    });

    it('lists the annual reports of past years with the year each is about', async () => {
      const r = await find({ type: '年度报告' });
      expect(r.items.map((i) => [i.reportYear, i.bodyName])).toEqual([
        [2024, '青禾县自然资源局'],
        [2023, '青禾县云岭镇人民政府'],
      ]);
    });

    it('pages through the results, 20 a page', async () => {
      const first = await find({ q: '巡查通报' });
      expect(first).toMatchObject({ total: 25, hasMore: true, page: 1, pages: 2 });
      expect(first.items).toHaveLength(20);
      expect(first.items[0]!.title).toBe('执法巡查通报第25期');
      const second = await find({ q: '巡查通报', page: '2' });
      expect(second).toMatchObject({ total: 25, hasMore: false, page: 2 });
      expect(second.items.map((i) => i.title)).toEqual(['执法巡查通报第5期', '执法巡查通报第4期', '执法巡查通报第3期', '执法巡查通报第2期', '执法巡查通报第1期']);
      const beyond = await client.json<{ error: string }>('GET', '/api/catalogue/items?page=51');
      expect(beyond.status).toBe(400);
      expect(beyond.body.error).toContain('缩小范围');
    });

    it('opens a published item by its id and by its index number', async () => {
      const r = await client.json<Summary & { content: string; attachments: { id: number; fileName: string }[] }>('GET', `/api/catalogue/items/${id.fire}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ id: id.fire, indexNo: 'yl-2025-00002', title: '关于开展森林防火检查的通知', content: '所需经费由镇财政资金保障。', docNo: '云政办〔2025〕12号' });
      const byIndex = await client.json<Summary>('GET', `/api/catalogue/items/${encodeURIComponent('zr/2025-00002')}`);
      expect(byIndex.status).toBe(200);
      expect(byIndex.body.id).toBe(id.land);
      const budget = await client.json<{ attachments: { id: number; fileName: string; size: number }[] }>('GET', `/api/catalogue/items/${id.budget}`);
      expect(budget.body.attachments).toEqual([{ id: attachment.budget, fileName: '2025年预算说明.html', mediaType: 'text/html', size: 38 }]);
    });

    it('answers an unpublished item exactly like an id that never existed', async () => {
      const never = await client.request('GET', '/api/catalogue/items/987654321');
      const neverBody = await never.text();
      expect(never.status).toBe(404);
      expect(neverBody).toContain('没有找到该政府信息');
      for (const path of [`${id.rejected}`, `${id.inReview}`, `${id.draft}`, encodeURIComponent('yl-2025-00004'), encodeURIComponent('zr/2025-00004')]) {
        const r = await client.request('GET', `/api/catalogue/items/${path}`);
        expect(r.status, path).toBe(404);
        expect(await r.text(), path).toBe(neverBody);
      }
      // Not even through the public side's other doors: no search, no filter reaches them.
      const all = await find({ q: '' });
      expect(all.items.map((i) => i.id)).not.toContain(id.rejected);
      expect(all.total).toBe(7 + 25);
    });

    it('serves a published item\'s attachment from /files as a download typed by its bytes (a stored page with a script is bytes), nosniff and a sandbox', async () => {
      const res = await client.request('GET', `/files/catalogue/items/${id.budget}/attachments/${attachment.budget}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="2025_____.html"; filename*=UTF-8''${encodeURIComponent('2025年预算说明.html')}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/);
      expect(await res.text()).toBe('<script>alert(1)</script><p>预算</p>');
    });

    it('types a stored file by its bytes (a text with its charset), never by the stored type, which cannot reach the headers', async () => {
      const plain = await addAttachment(server.deps.db, id.fire!, '说明.txt', 'text/plain; charset=utf-8', '巡查说明');
      const odd = await addAttachment(server.deps.db, id.fire!, 'odd.bin', 'text/html\r\nX-Injected: 1', 'x');
      const a = await client.request('GET', `/files/catalogue/items/${id.fire}/attachments/${plain}`);
      expect(a.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      const b = await client.request('GET', `/files/catalogue/items/${id.fire}/attachments/${odd}`);
      expect(b.status).toBe(200);
      expect(b.headers.get('content-type')).toBe('application/octet-stream');
      expect(b.headers.get('x-injected')).toBeNull();
    });

    it('gives no attachment of an unpublished item, nor one asked for under another item', async () => {
      const never = await client.request('GET', `/files/catalogue/items/${id.budget}/attachments/987654`);
      expect(never.status).toBe(404);
      const neverBody = await never.text();
      for (const path of [`${id.rejected}/attachments/${attachment.rejected}`, `${id.budget}/attachments/${attachment.rejected}`, `${id.fire}/attachments/${attachment.budget}`]) {
        const r = await client.request('GET', `/files/catalogue/items/${path}`);
        expect(r.status, path).toBe(404);
        expect(await r.text(), path).toBe(neverBody);
      }
    });

    it('keeps in the database the same normalised text as the shared search function', async () => {
      const fields = ['ＡＢＣ全角（括号）〔2025〕 Ⅱ ①', '“引号”·中点—破折号 Café Ünïcode', '𠀀扩展字 ㈠ 第１条', 'yl-2025-00099', '云政发[2025]99号'];
      const itemId = await addItem(server.deps.db, { body: 'yl', indexNo: fields[3]!, title: fields[0]!, summary: fields[1], content: fields[2], docNo: fields[4], status: 'draft', madeOn: '2025-01-01' });
      const row = (await server.deps.db.query<{ search_text: string }>('SELECT search_text FROM catalogue_items WHERE id = $1', [itemId]))[0]!;
      expect(row.search_text).toBe(fields.map(normalizeForSearch).join('|'));
    });

    it('refuses a malformed search with a Chinese message', async () => {
      const r = await client.json<{ error: string }>('GET', '/api/catalogue/items?from=2025-05-01&to=2025-01-01');
      expect(r.status).toBe(400);
      expect(r.body.error).toContain('起始日期晚于截止日期');
    });
  });
}

/**
 * A catalogue larger than the probe reads (2,000 items), so both ways of a text search are taken:
 * a common word is answered from the newest items (not counted), a word found only in old items
 * through the GIN index (counted exactly). Item i (1…2,100) is published on day i after
 * 2020-01-01, so newer means a larger i; the expected pages follow from the rules below.
 */
describe('text search over more items than the probe reads', () => {
  let server: RunningServer;
  let client: ApiClient;
  const N = 2100;

  beforeAll(async () => {
    server = await testServer();
    await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test', { level: 'township' });
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const rows = Array.from({ length: N }, (_, k) => {
      const i = k + 1;
      // Every 7th item is about 防汛; the first 50 hold 旧档案 in their text.
      const summary = i % 7 === 0 ? '开展防汛检查' : '日常工作';
      const content = i <= 50 ? '附旧档案目录' : '';
      return { i, title: `第${i}期工作简报`, summary, content, indexNo: `yl-big-${i}` };
    });
    await server.deps.db.query(
      `INSERT INTO catalogue_items (body_id, index_no, title, summary, content, made_on, published_on, publisher, disclosure, status, search_grams, created_by)
       SELECT 'yl', x, t, s, c, p, p, '青禾县云岭镇人民政府', 'proactive', 'published', string_to_array(g, ' '), 'test'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(x, t, s, c, p, g)`,
      [
        rows.map((r) => r.indexNo),
        rows.map((r) => r.title),
        rows.map((r) => r.summary),
        rows.map((r) => r.content),
        rows.map((r) => day(r.i)),
        rows.map((r) => itemGrams(r.title, r.summary, r.content, r.indexNo).join(' ')),
      ],
    );
    // Newer than all of them, about 防汛 too, but not published.
    for (const [n, status] of [[1, 'rejected'], [2, 'inReview'], [3, 'draft']] as const) {
      await addItem(server.deps.db, { body: 'yl', indexNo: `yl-hidden-${n}`, title: `第${N + n}期工作简报`, summary: '开展防汛检查（未发布）', status, madeOn: '2026-01-01' });
    }
    client = new ApiClient(server.url);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  const find = async (params: Record<string, string>) => (await client.json<Result>('GET', `/api/catalogue/items?${new URLSearchParams(params)}`)).body;
  const ids = (r: Result) => r.items.map((i) => Number(/第(\d+)期/.exec(i.title)![1]));

  it('answers a common word from the newest items, newest first, without a count', async () => {
    const first = await find({ q: '防汛' });
    // The 20 largest multiples of 7 up to 2,100.
    expect(ids(first)).toEqual(Array.from({ length: 20 }, (_, k) => 2100 - 7 * k));
    expect(first).toMatchObject({ total: null, hasMore: true, pages: null });
    const second = await find({ q: '防汛', page: '2' });
    expect(ids(second)).toEqual(Array.from({ length: 20 }, (_, k) => 1960 - 7 * k));
    // One character, in every title.
    expect(ids(await find({ q: '简' }))).toEqual(Array.from({ length: 20 }, (_, k) => 2100 - k));
  });

  it('finds a word of old items only through the index, counted exactly', async () => {
    const r = await find({ q: '旧档案' });
    expect(r).toMatchObject({ total: 50, hasMore: true, pages: 3 });
    expect(ids(r)).toEqual(Array.from({ length: 20 }, (_, k) => 50 - k));
    const last = await find({ q: '旧档案', page: '3' });
    expect(ids(last)).toEqual(Array.from({ length: 10 }, (_, k) => 10 - k));
    expect(last.hasMore).toBe(false);
  });
});

describe('the guide API', () => {
  let server: RunningServer;
  const as: Record<string, ApiClient> = {};
  const settings = { officeName: '云岭镇党政综合办公室', address: '青禾县云岭镇和平路1号', officeHours: '工作日8:30—17:30', phone: '0871-65551234', hotline: '0871-65559999' };

  beforeAll(async () => {
    server = await testServer();
    await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test', { level: 'township' });
    await server.deps.register.addBody('sx', '青禾县松溪乡人民政府', 'test', { level: 'township' });
    for (const [name, role, bodies] of [['yl-off', 'officer', ['yl']], ['yl-rev', 'reviewer', ['yl']], ['sx-off', 'officer', ['sx']], ['boss', 'admin', []]] as const) {
      await addAccount(server.deps, name, role, bodies);
      as[name] = new ApiClient(server.url);
      await as[name]!.signIn(name);
    }
    as.public = new ApiClient(server.url);
    await as.public.refresh();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  interface GuideAnswer {
    canEdit: boolean;
    guide: { title: string; sections: { heading: string; parts: { facts?: [string, string][] }[] }[]; missing: string[] };
  }

  it('lets the body\'s officer and an administrator save it, and audits the change', async () => {
    const saved = await as['yl-off']!.json<GuideAnswer>('PUT', '/api/bodies/yl/guide', settings);
    expect(saved.status).toBe(200);
    expect(saved.body.guide.missing).toEqual([]);
    const office = saved.body.guide.sections[1]!.parts[0]!.facts!;
    expect(office).toContainEqual(['联系电话', '0871-65551234']);
    expect(office).toContainEqual(['办公地址', '青禾县云岭镇和平路1号']);
    const byAdmin = await as.boss!.json('PUT', '/api/bodies/yl/guide', { ...settings, fax: '0871-65551235' });
    expect(byAdmin.status).toBe(200);
    const audit = await server.deps.db.query<{ actor: string; action: string }>(`SELECT actor, action FROM audit_log WHERE entity = 'guide-settings' AND entity_id = 'yl' ORDER BY seq`);
    expect(audit).toEqual([
      { actor: 'user:yl-off', action: 'create' },
      { actor: 'user:boss', action: 'update' },
    ]);
  });

  it('refuses a reviewer, another body\'s officer and the public', async () => {
    expect((await as['yl-rev']!.json('PUT', '/api/bodies/yl/guide', settings)).status).toBe(403);
    expect((await as['sx-off']!.json('PUT', '/api/bodies/yl/guide', settings)).status).toBe(403);
    expect((await as.public!.json('PUT', '/api/bodies/yl/guide', settings)).status).toBe(401);
  });

  it('refuses malformed settings field by field', async () => {
    const r = await as['yl-off']!.json<{ fields: Record<string, string> }>('PUT', '/api/bodies/yl/guide', { ...settings, phone: '12', postalCode: 'abc' });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.fields).sort()).toEqual(['phone', 'postalCode']);
  });

  it('serves the guide to the public, with what is missing named for a body that filled nothing in', async () => {
    const yl = await as.public!.json<GuideAnswer>('GET', '/api/bodies/yl/guide');
    expect(yl.status).toBe(200);
    expect(yl.body.canEdit).toBe(false);
    expect(JSON.stringify(yl.body.guide)).toContain('0871-65559999');
    const sx = await as.public!.json<GuideAnswer>('GET', '/api/bodies/sx/guide');
    expect(sx.body.guide.missing).toEqual(['政府信息公开工作机构', '办公地址', '办公时间', '联系电话']);
    expect((await as.public!.json('GET', '/api/bodies/nowhere/guide')).status).toBe(404);
  });
});
