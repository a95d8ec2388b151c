/**
 * `npm run bench` (public catalogue part): 100,000 published items (plus 2,000 unpublished ones)
 * with Chinese titles, summaries and texts made from word lists, across 40 bodies, every topic
 * and document type, seven years of dates; then the public search API under load with autocannon
 * — text queries of 2–6 characters, index-number lookups, 文号 lookups, category + date filters —
 * on PGlite and, when GONGKAI_BENCH_DATABASE_URL (or GONGKAI_TEST_DATABASE_URL) names a server,
 * on PostgreSQL in a fresh database. Prints, per kind of query, the p50/p99 latency with one
 * visitor at a time, the requests per second and p50/p99 with 4 connections flat out, and the
 * peak memory. Measured, never asserted; the target is p99 < 100 ms on 2 cores.
 *
 * The server (startServer on port 0, the data loaded in its `prepare`) runs in a worker thread,
 * so it has an event loop (and on 2 cores a core) of its own, apart from the load generator.
 * GONGKAI_BENCH_EXPLAIN=1 also prints EXPLAIN ANALYZE of one query of each kind.
 *
 * Run alone: npx tsx bench/catalogue.ts
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { itemGrams, normalizeForSearch } from '../src/catalogue/search.js';
import { DOC_TYPES, TOPICS } from '../src/catalogue/vocabulary.js';
import type { AppDeps } from '../src/server/context.js';

const ITEMS = 100_000;
const UNPUBLISHED = 2_000;
const BATCH = 2_000;
const DURATION_S = 8;
/** Concurrent connections of the load generator's flat-out run. */
const CONNECTIONS = 4;

// ---------------------------------------------------------------------------------------------
// Word lists and a seeded generator (the same catalogue on every run)

let seed = 20260302;
/** A linear congruential generator; its high bits (the low ones have short periods). */
const rand = (n: number) => {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return Math.floor((seed / 0x80000000) * n);
};
const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)]!;

const TOWNS = ['云岭', '松溪', '白鹭', '东湖', '西山', '石桥', '桃源', '龙泉', '清河', '枫林', '柳塘', '金沙', '凤凰', '青石', '梅岭', '竹溪'];
const DEPARTMENTS = [
  ['自然资源局', '自然资', '自然资源'],
  ['财政局', '财', '财政金融审计'],
  ['教育局', '教', '教育'],
  ['卫生健康局', '卫健', '卫生健康'],
  ['农业农村局', '农', '农业农村'],
  ['住房和城乡建设局', '住建', '城乡建设'],
  ['交通运输局', '交', '交通运输'],
  ['市场监督管理局', '市监', '商贸市场监管'],
  ['人力资源和社会保障局', '人社', '社会保障'],
  ['民政局', '民', '民政'],
  ['生态环境局', '环', '生态环境'],
  ['应急管理局', '应急', '应急管理'],
  ['水利局', '水', '水利'],
  ['文化和旅游局', '文旅', '文化旅游体育'],
  ['司法局', '司', '司法'],
  ['统计局', '统', '国民经济管理'],
  ['退役军人事务局', '退役', '社会保障'],
  ['医疗保障局', '医保', '卫生健康'],
  ['林业局', '林', '农业农村'],
  ['审计局', '审', '财政金融审计'],
] as const;
const VILLAGES = ['和平村', '新华村', '大坪村', '河口村', '红星社区', '朝阳社区', '三合村', '永丰村', '长岭村', '高桥村'];
const OBJECTS = [
  '森林防火', '城乡居民基本医疗保险参保缴费', '耕地保护', '土地整治', '农村人居环境整治', '防汛抗旱', '安全生产大检查', '义务教育招生入学',
  '最低生活保障资金发放', '高标准农田建设', '乡村振兴衔接资金项目', '老旧小区改造', '道路交通安全整治', '生活垃圾分类', '河湖长制',
  '食品安全监督抽检', '农村危房改造', '退役军人优抚', '重大行政决策事项', '行政执法公示', '政府采购意向', '财政预算', '财政决算', '三公经费',
  '征地补偿安置', '招商引资项目', '营商环境优化', '地质灾害防治', '饮用水水源保护', '城乡环境卫生', '农业保险保费补贴', '特困人员救助供养',
  '残疾人两项补贴', '就业创业补贴', '职业技能培训', '疫苗接种', '医疗救助', '农村饮水安全', '秸秆禁烧', '文物保护', '全民健身', '消防安全',
];
const ACTIONS = ['开展', '做好', '加强', '进一步规范', '组织实施', '调整', '公布', '启动', '推进', '落实'];
const PLANS = ['实施方案', '工作方案', '管理办法', '实施细则', '应急预案', '三年行动计划', '工作要点', '考核办法'];
const REPORTS = ['工作总结', '工作计划', '执行情况', '情况公示', '绩效自评报告', '情况通报', '结果公告'];
const GOALS = ['切实保障人民群众生命财产安全', '进一步提高公共服务水平', '规范资金管理和使用', '推动工作落到实处', '回应群众关切', '持续优化营商环境', '巩固拓展脱贫攻坚成果'];
const BASES = ['《中华人民共和国政府信息公开条例》', '上级有关文件精神', '《中华人民共和国预算法》', '县委县政府工作部署', '省市有关规定', '《中华人民共和国土地管理法》'];
const DETAILS = [
  '请各村（社区）、各单位结合实际认真贯彻执行。',
  '相关资金已按规定程序拨付到位。',
  '公示期为7个自然日，如有异议请及时向本机关反映。',
  '具体内容详见附件。',
  '各责任单位要明确专人负责，确保按期完成。',
  '本方案自印发之日起施行。',
  '对工作中发现的问题，已督促整改到位。',
  '群众可通过政务服务大厅窗口或者电话咨询。',
];

interface Body {
  id: string;
  name: string;
  level: 'county' | 'township' | 'department';
  org: string;
  abbr: string;
  topic: string;
}

export function bodies(): Body[] {
  const list: Body[] = [{ id: 'qh', name: '青禾县人民政府', level: 'county', org: '115300QH00000001', abbr: '青政', topic: '综合政务' }];
  TOWNS.slice(0, 19).forEach((t, i) =>
    list.push({ id: `t${i}`, name: `青禾县${t}镇人民政府`, level: 'township', org: `115300QH1${String(i).padStart(7, '0')}`, abbr: `${t.slice(0, 1)}政`, topic: '综合政务' }),
  );
  DEPARTMENTS.forEach(([name, abbr, topic], i) =>
    list.push({ id: `d${i}`, name: `青禾县${name}`, level: 'department', org: `115300QH2${String(i).padStart(7, '0')}`, abbr: `青${abbr}`, topic }),
  );
  return list;
}

interface Generated {
  body: Body;
  indexNo: string;
  title: string;
  summary: string;
  content: string;
  docNo: string | null;
  topic: string;
  type: string;
  madeOn: string;
  publishedOn: string;
}

const DAY = 86_400_000;
const START = Date.UTC(2019, 0, 1);
const SPAN_DAYS = Math.floor((Date.UTC(2026, 1, 28) - START) / DAY);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function titleOf(body: Body, year: number, type: string): string {
  const place = body.level === 'township' ? body.name.replace(/^青禾县|人民政府$/g, '') : pick(['青禾县', '全县', pick(VILLAGES)]);
  const object = pick(OBJECTS);
  switch (type) {
    case '年度报告':
      return `${body.name}${year - 1}年政府信息公开工作年度报告`;
    case '政策解读':
      return `《${place}${object}${pick(PLANS)}》政策解读`;
    case '规章':
    case '行政规范性文件':
      return `${body.name}关于印发《${place}${object}${pick(PLANS)}》的通知`;
    case '通知公告':
      return pick([`关于${pick(ACTIONS)}${object}工作的通知`, `关于${object}有关事项的公告`]);
    default:
      return pick([`${place}${year}年${object}${pick(REPORTS)}`, `关于${pick(ACTIONS)}${object}工作的通知`, `${year}年${place}${object}${pick(REPORTS)}`]);
  }
}

export function generate(n: number, all: readonly Body[], serials: Map<string, number>): Generated[] {
  return Array.from({ length: n }, () => {
    const body = pick(all);
    const publishedMs = START + rand(SPAN_DAYS) * DAY;
    const year = new Date(publishedMs).getUTCFullYear();
    const type = rand(100) < 2 ? '年度报告' : pick(DOC_TYPES);
    const key = `${body.id}-${year}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    const object = pick(OBJECTS);
    const sentences = Array.from({ length: 1 + rand(4) }, () => `为${pick(GOALS)}，根据${pick(BASES)}，${pick(ACTIONS)}${pick(OBJECTS)}工作。${pick(DETAILS)}`);
    return {
      body,
      indexNo: `${body.org}/${year}-${String(serial).padStart(5, '0')}`,
      title: titleOf(body, year, type),
      summary: `${body.name}${pick(ACTIONS)}${object}相关工作。${pick(DETAILS)}`,
      content: rand(2) ? sentences.join('') : '',
      docNo: rand(10) < 6 ? `${body.abbr}${pick(['发', '办发', '函'])}〔${year}〕${serial}号` : null,
      topic: rand(3) ? body.topic : pick(TOPICS),
      type,
      madeOn: iso(publishedMs - rand(20) * DAY),
      publishedOn: iso(publishedMs),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The server side (worker thread): load, then serve

/** Multi-row inserts through unnest: one statement per BATCH rows (grams travel space-joined). */
export async function load(deps: AppDeps, items: readonly Generated[], status: string): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) {
    const rows = items.slice(i, i + BATCH);
    const col = <T>(f: (g: Generated) => T) => rows.map(f);
    await deps.db.query(
      `INSERT INTO catalogue_items (body_id, index_no, title, summary, content, made_on, published_on, publisher, doc_no, topic, doc_type, disclosure, status, search_grams, created_by)
       SELECT b, x, t, s, c, m, CASE WHEN $13 = 'published' THEN p END, pub, d, tp, ty, 'proactive', $13, string_to_array(g, ' '), 'bench'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
           AS u(b, x, t, s, c, m, p, pub, d, tp, ty, g)`,
      [
        col((g) => g.body.id),
        col((g) => g.indexNo),
        col((g) => g.title),
        col((g) => g.summary),
        col((g) => g.content),
        col((g) => g.madeOn),
        col((g) => g.publishedOn),
        col((g) => g.body.name),
        col((g) => g.docNo),
        col((g) => g.topic),
        col((g) => g.type),
        col((g) => itemGrams(g.title, g.summary, g.content, g.indexNo, g.docNo).join(' ')),
        status,
      ],
    );
  }
}

interface Pools {
  text: string[];
  indexNo: string[];
  docNo: string[];
  filter: string[];
}

/** Requests of each kind, drawn from the generated catalogue (so most find something). */
function pools(items: readonly Generated[], all: readonly Body[]): Pools {
  const sample = (k: number) => Array.from({ length: k }, () => items[rand(items.length)]!);
  const text = sample(400).map((g) => {
    const chars = Array.from(normalizeForSearch(pick([g.title, g.summary])));
    const len = 2 + rand(5);
    const at = rand(Math.max(1, chars.length - len));
    const page = rand(10) < 8 ? 1 : 2 + rand(3);
    return `/api/catalogue/items?q=${encodeURIComponent(chars.slice(at, at + len).join(''))}&page=${page}`;
  });
  const indexNo = sample(400).map((g) => `/api/catalogue/items?indexNo=${encodeURIComponent(g.indexNo)}`);
  const docNo = sample(800)
    .filter((g) => g.docNo)
    .slice(0, 400)
    .map((g) => `/api/catalogue/items?docNo=${encodeURIComponent(rand(2) ? g.docNo! : g.docNo!.replace('〔', '[').replace('〕', ']'))}`);
  const filter = Array.from({ length: 400 }, () => {
    const from = 2019 + rand(7);
    const params = new URLSearchParams({ topic: pick(TOPICS), from: `${from}-01-01`, to: `${from + rand(2)}-12-31` });
    if (rand(2)) params.set('type', pick(DOC_TYPES));
    if (rand(4) === 0) params.set('body', pick(all).id);
    return `/api/catalogue/items?${params}`;
  });
  return { text, indexNo, docNo, filter };
}

async function explain(deps: AppDeps, p: Pools): Promise<void> {
  const { parseCatalogueQuery } = await import('../src/catalogue/query.js');
  const { BITMAP_ONLY, countSql, pageSql, probeQuery, probeRows, searchConditions } = await import('../src/store/catalogue-search.js');
  const show = async (title: string, sql: string, params: unknown[], settings: readonly string[] = []) => {
    const plan = await deps.db.transaction(async (tx) => {
      for (const s of settings) await tx.query(s);
      return tx.query<Record<string, string>>(`EXPLAIN ANALYZE ${sql}`, params);
    });
    console.log(`\n[${deps.db.kind}] ${title}\n${plan.map((r) => Object.values(r)[0]).join('\n')}`);
  };
  for (const [kind, list] of Object.entries(p)) {
    const params = Object.fromEntries(new URL(list[0]!, 'http://x').searchParams);
    const q = parseCatalogueQuery({ ...params, ...(params.page ? { page: Number(params.page) } : {}) });
    const { where, params: values } = searchConditions(q);
    if (q.terms.length) {
      const probe = probeQuery(q, probeRows(q) ?? 2000);
      await show(`${kind} probe ${JSON.stringify(params)}`, probe.sql, probe.params);
      await show(`${kind} bitmap ${JSON.stringify(params)}`, pageSql(where, values.length, ', count(*) OVER ()'), [...values, q.limit, q.offset], BITMAP_ONLY);
    } else {
      await show(`${kind} page ${JSON.stringify(params)}`, pageSql(where, values.length), [...values, q.limit + 1, q.offset]);
      await show(`${kind} count ${JSON.stringify(params)}`, countSql(where), values);
    }
  }
}

async function serve(databaseUrl: string | undefined): Promise<void> {
  const { startServer } = await import('../src/server/start.js');
  const serials = new Map<string, number>();
  const all = bodies();
  let filled = 0;
  let pooled: Pools | undefined;
  const server = await startServer({
    port: 0,
    ...(databaseUrl ? { databaseUrl } : {}),
    config: { secureCookies: false },
    prepare: async (deps) => {
      const t0 = performance.now();
      for (const b of all) await deps.register.addBody(b.id, b.name, 'bench', { level: b.level });
      // Generate and load in slices: the whole catalogue's grams need not sit in memory at once.
      const kept: Generated[] = [];
      for (let done = 0; done < ITEMS; done += 10_000) {
        const slice = generate(10_000, all, serials);
        await load(deps, slice, 'published');
        for (let i = 0; i < 50; i++) kept.push(slice[rand(slice.length)]!);
      }
      await load(deps, generate(UNPUBLISHED / 2, all, serials), 'rejected');
      await load(deps, generate(UNPUBLISHED / 2, all, serials), 'inReview');
      await deps.db.exec('VACUUM ANALYZE catalogue_items');
      filled = (performance.now() - t0) / 1000;
      pooled = pools(kept, all);
      if (process.env.GONGKAI_BENCH_EXPLAIN) await explain(deps, pooled);
    },
  });
  parentPort!.postMessage({ url: server.url, filled, pools: pooled });
  parentPort!.once('message', () => {
    void server.close().then(() => parentPort!.postMessage({ closed: true }));
  });
}

// ---------------------------------------------------------------------------------------------
// The load side (main thread)

interface Histogram {
  average: number;
  p50: number;
  p99: number;
}
interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  non2xx: number;
  errors: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;

async function hammer(autocannon: Autocannon, url: string, paths: readonly string[], seconds: number, connections: number): Promise<AutocannonResult> {
  let i = 0;
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
}

async function measure(name: string, databaseUrl: string | undefined, autocannon: Autocannon): Promise<void> {
  const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(code, { eval: true, workerData: { gongkaiCatalogueBench: true, databaseUrl } });
  const next = () => new Promise<Record<string, unknown>>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const ready = (await next()) as { url: string; filled: number; pools: Pools };
  console.log(`目录 catalogue on ${name}: 载入 ${ITEMS.toLocaleString('en')} 条已公开 + ${UNPUBLISHED.toLocaleString('en')} 条未公开 loaded in ${ready.filled.toFixed(1)} s (含生成检索字组 incl. grams, VACUUM ANALYZE)`);
  const kinds: [string, string[]][] = [
    ['全文 text 2–6字', ready.pools.text],
    ['索引号 index no.', ready.pools.indexNo],
    ['文号 doc no.', ready.pools.docNo],
    ['分类+日期 topic/type+dates', ready.pools.filter],
  ];
  // Warm the caches with every kind once.
  await hammer(autocannon, ready.url, kinds.flatMap(([, p]) => p), 2, CONNECTIONS);
  for (const [kind, paths] of kinds) {
    // One visitor at a time: the latency of a search itself; then CONNECTIONS at once, flat out:
    // the most the server answers, and the latency with requests queueing.
    const one = await hammer(autocannon, ready.url, paths, DURATION_S, 1);
    const full = await hammer(autocannon, ready.url, paths, DURATION_S, CONNECTIONS);
    const failed = one.non2xx + one.errors + full.non2xx + full.errors;
    console.log(
      `  ${kind}: 单个连接 1 connection p50 ${one.latency.p50} ms, p99 ${one.latency.p99} ms (${one.requests.average.toFixed(0)} 次/秒 req/s); ` +
        `${CONNECTIONS} 个连接满负荷 ${CONNECTIONS} connections flat out ${full.requests.average.toFixed(0)} 次/秒 req/s, p50 ${full.latency.p50} ms, p99 ${full.latency.p99} ms` +
        `${failed ? `; 失败 failed ${failed}` : ''}`,
    );
  }
  worker.postMessage('close');
  await next();
  await worker.terminate();
}

/** The catalogue benchmark on PGlite and, when a server is named, PostgreSQL. */
export async function benchCatalogue(): Promise<void> {
  const { availableParallelism, loadavg } = await import('node:os');
  // Other processes on the machine take their share of the cores: say how busy it was.
  console.log(`目录检索基准 catalogue bench: ${availableParallelism()} 核 cores, 开始时负载 load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  const specifier = 'autocannon';
  const autocannon = ((await import(specifier)) as { default: Autocannon }).default;
  await measure('PGlite', undefined, autocannon);
  const url = process.env.GONGKAI_BENCH_DATABASE_URL ?? process.env.GONGKAI_TEST_DATABASE_URL;
  if (url) {
    const { openPostgres } = await import('../src/store/db.js');
    const admin = await openPostgres(url);
    const name = `gongkai_bench_catalogue_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      await measure('PostgreSQL', url.replace(/\/[^/]*$/, `/${name}`), autocannon);
    } finally {
      // A third of a gigabyte per run: not left behind.
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.close();
    }
  } else console.log('（未设置 GONGKAI_BENCH_DATABASE_URL，跳过 PostgreSQL / PostgreSQL skipped）');
  console.log(`目录 catalogue 峰值内存 peak RSS (server + load generator, both databases): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

if (!isMainThread && (workerData as { gongkaiCatalogueBench?: boolean } | null)?.gongkaiCatalogueBench) {
  void serve((workerData as { databaseUrl?: string }).databaseUrl);
} else if (isMainThread && /bench[/\\]catalogue\.ts$/.test(process.argv[1] ?? '')) {
  await benchCatalogue();
}
