/**
 * The corpus detector of `gongkai similar` on a synthetic corpus of 2,000+ reports built from the
 * 云岭镇 fixture: each report has its own random narrative; near-duplicates are planted across
 * bodies and across years of one body, with sentences edited and numbers and years changed.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  bandingFor,
  candidateProbability,
  clustersOf,
  findSimilar,
  itemOf,
  longestSharedPassage,
  signature,
  type CorpusItem,
} from '../../src/corpus/minhash.js';
import { similarCommand } from '../../src/cli/similar.js';
import type { AnnualReport } from '../../src/model/report.js';
import { parseBytes } from '../../src/parse.js';
import { jaccard, shingles } from '../../src/rules/similarity.js';
import { FIXTURES } from '../support/shared.js';

const FIXTURE = parseBytes(readFileSync(join(FIXTURES, 'reports', 'yunling-2024.tsv.txt'))).report;
const THRESHOLD = 0.8;

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences of the fixture's narrative, and some of our own. */
const FIXTURE_SENTENCES = FIXTURE.sections
  .filter((s) => [1, 5, 6].includes(s.no))
  .flatMap((s) => s.text.split(/(?<=[。；])/))
  .map((s) => s.trim())
  .filter((s) => s.length > 8);
const OWN_SENTENCES = [
  '坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。',
  '围绕乡村振兴、安全生产、生态环境保护等重点领域，及时发布相关政策和工作进展。',
  '严格落实公文公开属性源头认定制度，拟制公文时同步确定公开方式。',
  '进一步规范依申请公开办理流程，做到登记、审核、答复、归档全程留痕。',
  '加强政策解读工作，坚持政策文件与解读材料同步组织、同步审签、同步部署。',
  '在政务服务大厅设置政府信息公开查阅点，方便群众查阅相关信息。',
  '组织开展政务公开业务培训，提升工作人员的公开意识和业务能力。',
  '对照政务公开标准目录，逐项梳理公开事项，确保应公开尽公开。',
  '部分工作人员对政务公开工作认识不足，业务水平有待提高。',
  '政策解读的形式还不够丰富，群众对部分政策的知晓度不高。',
  '政务新媒体更新频率不高，信息发布的及时性有待加强。',
  '下一步将加大培训力度，推动政务公开工作规范化、标准化。',
];
/** Words for the random part of each narrative: two characters each, none of them stripped as digits. */
const WORDS = (
  '政策文件工作动态通知公告财政预算重大项目公共服务社会救助就业创业教育卫生住房保障环境保护' +
  '安全生产食品药品市场监管农业农村水利设施交通运输城乡建设自然资源应急管理人才引进文化旅游' +
  '民生实事营商环境审批服务执法监督统计数据规划计划会议纪要人事信息机构职能权责清单收费目录' +
  '采购项目征收补偿扶贫救助养老服务医疗保障残疾帮扶退役军人科技创新招商引资基层治理网格管理' +
  '便民热线群众来信窗口服务网上办理掌上查询材料清单办事指南流程优化时限压缩质量提升督查考核' +
  '宣传培训档案管理保密审查发布审核栏目维护网站建设新媒体号政务微博解读材料图解视频问答专栏'
).match(/../g)!;

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** A sentence of 6–11 random words, sometimes with a number in it. */
function randomSentence(r: () => number): string {
  const words = Array.from({ length: 6 + Math.floor(r() * 6) }, () => pick(r, WORDS));
  if (r() < 0.4) words.splice(2, 0, `${1 + Math.floor(r() * 500)}项`);
  return `${words.join('')}。`;
}

interface Draft {
  unit: string;
  year: number;
  /** Sentences; `{UNIT}`, `{YEAR}` and `{N}` are filled in per report. */
  sentences: string[];
  numbers: number[];
}

/** ~15 sentences: two or three from the pools, the rest random. */
function randomDraft(r: () => number, unit: string, year: number): Draft {
  const sentences = Array.from({ length: 12 }, () => randomSentence(r));
  sentences.splice(0, 0, `{YEAR}年，{UNIT}共办理各类事项{N}件，${randomSentence(r)}`);
  for (let k = 0; k < 2; k++) sentences.splice(1 + Math.floor(r() * sentences.length), 0, pick(r, [...FIXTURE_SENTENCES, ...OWN_SENTENCES]));
  return { unit, year, sentences, numbers: [Math.floor(r() * 1000)] };
}

function reportOf(d: Draft): AnnualReport {
  const short = d.unit.replace(/人民政府$/, '');
  const fill = (s: string) => s.replaceAll('{UNIT}', short).replaceAll('{YEAR}', String(d.year)).replaceAll('{N}', String(d.numbers[0]));
  const text = d.sentences.map(fill);
  const parts = [text.slice(0, 9).join(''), text.slice(9, 13).join(''), text.slice(13).join('')];
  const report = structuredClone(FIXTURE);
  report.unit = d.unit;
  report.year = d.year;
  let k = 0;
  for (const s of report.sections) if ([1, 5, 6].includes(s.no)) s.text = parts[k++] ?? '';
  return report;
}

/** A near-duplicate: one sentence rewritten, or one word in each of two sentences; numbers changed. */
function copyOf(r: () => number, d: Draft, unit: string, year: number): Draft {
  const sentences = [...d.sentences];
  const at = () => 1 + Math.floor(r() * (sentences.length - 1));
  if (r() < 0.5) sentences[at()] = randomSentence(r);
  else {
    for (let k = 0; k < 2; k++) {
      const i = at();
      const s = sentences[i]!;
      const p = Math.floor(r() * Math.max(1, s.length - 4));
      sentences[i] = `${s.slice(0, p)}${pick(r, WORDS)}${s.slice(p + 2)}`;
    }
  }
  const renumbered = sentences.map((s) => s.replace(/\d+/g, (n) => String(Number(n) + 1 + Math.floor(r() * 50))));
  return { unit, year, sentences: renumbered, numbers: [d.numbers[0]! + 17] };
}

const unitName = (i: number) => `青禾县${WORDS[i % WORDS.length]}${WORDS[Math.floor(i / WORDS.length) % WORDS.length]}镇人民政府`;

interface Corpus {
  reports: Map<string, AnnualReport>;
  planted: [string, string][];
  chain: [string, string, string];
}

function buildCorpus(size: number, plantedCount: number): Corpus {
  const r = rng(20240601);
  const reports = new Map<string, AnnualReport>();
  const drafts: Draft[] = [];
  for (let i = 0; i < size; i++) {
    const draft = randomDraft(r, unitName(i), 2019 + (i % 6));
    drafts.push(draft);
    reports.set(`r${String(i).padStart(5, '0')}`, reportOf(draft));
  }
  const planted: [string, string][] = [];
  for (let k = 0; k < plantedCount; k++) {
    const source = k * 37; // distinct sources
    const d = drafts[source]!;
    const crossBody = k % 2 === 0;
    const copy = crossBody ? copyOf(r, d, unitName(size + k), d.year) : copyOf(r, d, d.unit, d.year + 1);
    const id = `p${String(k).padStart(3, '0')}`;
    reports.set(id, reportOf(copy));
    planted.push([`r${String(source).padStart(5, '0')}`, id]);
  }
  // A chain a ~ b ~ c, each step one sentence rewritten.
  const a = randomDraft(r, '青禾县链条镇人民政府', 2022);
  const b = { ...a, year: 2023, sentences: a.sentences.map((s, i) => (i === 3 ? randomSentence(r) : s)) };
  const c = { ...a, year: 2024, sentences: b.sentences.map((s, i) => (i === 8 ? randomSentence(r) : s)) };
  reports.set('chain-a', reportOf(a));
  reports.set('chain-b', reportOf(b));
  reports.set('chain-c', reportOf(c));
  return { reports, planted, chain: ['chain-a', 'chain-b', 'chain-c'] };
}

const exact = (items: Map<string, CorpusItem>, a: string, b: string) => jaccard(shingles(items.get(a)!.text), shingles(items.get(b)!.text));

describe('banding', () => {
  it('finds pairs at the default threshold with probability > 0.999', () => {
    const b = bandingFor(0.8);
    expect(b).toMatchObject({ bands: 25, rows: 5 });
    expect(b.probability).toBeGreaterThan(0.999);
    expect(candidateProbability(0.3, b.bands, b.rows)).toBeLessThan(0.1);
  });
  it('adapts to other thresholds and never needs more than 128 hashes', () => {
    for (const t of [0.5, 0.6, 0.7, 0.9, 0.95]) {
      const b = bandingFor(t);
      expect(b.probability, String(t)).toBeGreaterThan(0.999);
      expect(b.bands * b.rows).toBeLessThanOrEqual(128);
    }
  });
  it('gives the same signature on every run, and agreement near the Jaccard', () => {
    const x = shingles('坚持以公开为常态不公开为例外持续推进决策执行管理服务结果公开围绕乡村振兴安全生产生态环境保护等重点领域及时发布相关政策');
    expect([...signature(x)]).toEqual([...signature(new Set(x))]);
    const y = new Set([...x].slice(0, Math.floor(x.size * 0.8)));
    const sx = signature(x);
    const sy = signature(y);
    const agree = sx.filter((v, i) => v === sy[i]).length / sx.length;
    expect(Math.abs(agree - jaccard(x, y))).toBeLessThan(0.15);
  });
});

describe('findSimilar on a synthetic corpus', () => {
  const corpus = buildCorpus(2000, 50);
  const items = new Map([...corpus.reports].map(([id, report]) => [id, itemOf(id, report)]));
  const result = findSimilar([...items.values()], THRESHOLD);
  const n = items.size;
  console.log(
    `minhash: ${n} reports, ${result.candidates} candidate pairs vs ${(n * (n - 1)) / 2} pairs in all ` +
      `(${((100 * result.candidates) / ((n * (n - 1)) / 2)).toFixed(3)}%), ${result.pairs.length} kept, ` +
      `banding ${result.banding.bands}×${result.banding.rows}`,
  );

  it('plants what it means to: every planted pair is at least the threshold similar', () => {
    for (const [a, b] of corpus.planted) expect(exact(items, a, b), `${a} ${b}`).toBeGreaterThanOrEqual(THRESHOLD);
    const unrelated = exact(items, 'r00001', 'r00002');
    expect(unrelated).toBeLessThan(0.2);
  });

  it('finds every planted pair, telling same-body copies from cross-body ones', () => {
    const found = new Map(result.pairs.map((p) => [`${p.a}|${p.b}`, p]));
    for (const [a, b] of corpus.planted) {
      const pair = found.get([a, b].sort().join('|'));
      expect(pair, `${a} ${b}`).toBeDefined();
      const sameUnit = corpus.reports.get(a)!.unit === corpus.reports.get(b)!.unit;
      expect(pair!.sameBody).toBe(sameUnit);
    }
    expect(corpus.planted.filter(([a, b]) => corpus.reports.get(a)!.unit === corpus.reports.get(b)!.unit)).toHaveLength(25);
  });

  it('reports no pair below the threshold, and nothing but what was planted', () => {
    for (const p of result.pairs) expect(exact(items, p.a, p.b), `${p.a} ${p.b}`).toBeGreaterThanOrEqual(THRESHOLD);
    for (const p of result.pairs) expect(p.score).toBe(exact(items, p.a, p.b));
    const planted = new Set(corpus.planted.map((pair) => [...pair].sort().join('|')));
    const unexpected = result.pairs.filter((p) => !planted.has(`${p.a}|${p.b}`) && !p.a.startsWith('chain-'));
    expect(unexpected).toEqual([]);
  });

  it('joins a chain a ~ b ~ c into one cluster, even when a and c are further apart', () => {
    const [a, b, c] = corpus.chain;
    expect(exact(items, a, b)).toBeGreaterThanOrEqual(THRESHOLD);
    expect(exact(items, b, c)).toBeGreaterThanOrEqual(THRESHOLD);
    expect(exact(items, a, c)).toBeLessThan(THRESHOLD);
    expect(result.pairs.some((p) => p.a === a && p.b === c)).toBe(false);
    expect(result.clusters).toContainEqual([a, b, c]);
    expect(result.clusters).toHaveLength(corpus.planted.length + 1);
    for (const [x, y] of corpus.planted) expect(result.clusters).toContainEqual([x, y].sort());
  });

  it('proposes far fewer candidates than all pairs', () => {
    expect(result.candidates).toBeLessThan((n * (n - 1)) / 2 / 20);
  });

  it('is deterministic', () => {
    const subset = [...items.values()].slice(0, 300).concat([...items.values()].filter((i) => i.id.startsWith('p0')));
    expect(findSimilar(subset, THRESHOLD)).toEqual(findSimilar([...subset].reverse(), THRESHOLD));
  });
});

describe('helpers', () => {
  it('clusters connected pairs, sorted', () => {
    expect(clustersOf([{ a: 'd', b: 'c' }, { a: 'b', b: 'a' }, { a: 'c', b: 'e' }])).toEqual([['a', 'b'], ['c', 'd', 'e']]);
    expect(clustersOf([])).toEqual([]);
  });
  it('finds the longest shared passage', () => {
    expect(longestSharedPassage('甲乙丙丁戊己庚辛', '子丑丙丁戊己寅卯')).toBe('丙丁戊己');
    expect(longestSharedPassage('abcabcabd', 'xxabcabdyy')).toBe('abcabd');
    expect(longestSharedPassage('甲乙', '丙丁')).toBe('');
    expect(longestSharedPassage('', '丙丁')).toBe('');
  });
  it('ignores texts too short to call copied', () => {
    const items = ['a', 'b', 'c'].map((id) => ({ id, unit: null, year: null, text: '政策解读形式较单' }));
    expect(findSimilar(items).pairs).toEqual([]);
  });
});

describe('similarCommand', () => {
  let dir = '';
  afterEach(() => {
    vi.restoreAllMocks();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function setUp(): string {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-similar-'));
    mkdirSync(join(dir, 'sub'));
    const r = rng(7);
    const draft = randomDraft(r, '青禾县云岭镇人民政府', 2023);
    const copy = copyOf(r, draft, '青禾县云岭镇人民政府', 2024);
    writeFileSync(join(dir, '2023.json'), JSON.stringify(reportOf(draft)));
    writeFileSync(join(dir, 'sub', '2024.json'), JSON.stringify(reportOf(copy)));
    writeFileSync(join(dir, 'sub', 'other.json'), JSON.stringify(reportOf(randomDraft(r, '青禾县石泉镇人民政府', 2024))));
    return dir;
  }

  function capture() {
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    });
    return { out: () => out, err: () => err };
  }

  it('prints the group in Chinese, walking folders', async () => {
    const root = setUp();
    const io = capture();
    const code = await similarCommand([root], {});
    expect(code).toBe(0);
    expect(io.out()).toContain('共比较 3 份报告，发现 1 组内容雷同的报告');
    expect(io.out()).toContain('青禾县云岭镇人民政府 2023年度');
    expect(io.out()).toContain('同一机关');
    expect(io.out()).toContain('共同段落');
    expect(io.out()).not.toContain('石泉镇');
    expect(io.err()).toBe('');
  });

  it('prints --json pairs and clusters', async () => {
    const root = setUp();
    const io = capture();
    expect(await similarCommand([root], { json: true, threshold: '0.8' })).toBe(0);
    const json = JSON.parse(io.out()) as { pairs: { a: string; b: string; score: number; sameBody: boolean }[]; clusters: string[][] };
    expect(Object.keys(json)).toEqual(['pairs', 'clusters']);
    expect(json.clusters).toEqual([[join(root, '2023.json'), join(root, 'sub', '2024.json')]]);
    expect(json.pairs).toHaveLength(1);
    expect(json.pairs[0]!.sameBody).toBe(true);
    expect(json.pairs[0]!.score).toBeGreaterThanOrEqual(0.8);
  });

  it('skips unreadable files with a message and exits 2', async () => {
    const root = setUp();
    writeFileSync(join(root, 'notes.txt'), '这不是年度报告。');
    const io = capture();
    expect(await similarCommand([root, join(root, 'missing.pdf')], { json: true })).toBe(2);
    expect(io.err()).toContain('notes.txt');
    expect(io.err()).toContain('missing.pdf');
    expect((JSON.parse(io.out()) as { clusters: string[][] }).clusters).toHaveLength(1);
  });

  it('refuses a threshold that is not a number in (0, 1]', async () => {
    const io = capture();
    expect(await similarCommand([], { threshold: 'abc' })).toBe(2);
    expect(io.err()).toContain('--threshold');
  });
});
