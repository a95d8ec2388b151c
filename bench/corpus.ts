/**
 * A corpus of many reports made from the fixtures: each copy gets its own body name, its
 * numbers scaled (so every table stays consistent) and its own narrative, and is written as
 * text by gongkai's renderer. Used by the batch and similarity benchmarks and by tests.
 *
 * Narratives: every copy keeps its base report's text and adds passages of its own, drawn from
 * a vocabulary of the trade by a seeded generator, several times longer than the base text, so
 * two ordinary copies share well under half their 5-character shingles. Planted near-duplicates
 * (`plantedPairs`) repeat the narrative of the report before them with a sentence or three
 * added: a copy from another body, or the same body's report of the next year.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnualReport } from '../src/model/report.js';
import { parseBytes } from '../src/parse.js';
import { renderText } from '../src/render/text.js';

export function baseModels(fixtures: string): AnnualReport[] {
  return ['yunling-2024.tsv.txt', 'linye-2020-template2019.txt'].map((f) => parseBytes(readFileSync(join(fixtures, 'reports', f))).report);
}

/**
 * Words of a work report. No digits and none of the characters the similarity measure drops
 * (一…十、〇、零、年、月、日), no 件 or 申请 (the narrative rules would read them as figures).
 */
const WORDS = (
  '推进 深化 落实 完善 健全 加强 规范 优化 提升 强化 统筹 整合 创新 细化 压实 夯实 拓展 畅通 巩固 聚焦 ' +
  '政务服务 便民服务 基层治理 乡村振兴 营商环境 法治政府 数字政府 惠民政策 民生实事 重点领域 ' +
  '公开专栏 门户网站 微信公众号 政务新媒体 公开目录 公开指南 公告栏 查阅点 服务窗口 热线电话 ' +
  '财政预决算 重大项目 行政执法 安全生产 生态环境 义务教育 医疗卫生 社会救助 就业创业 养老服务 ' +
  '农村集体 土地征收 棚户区改造 防汛抗旱 应急管理 食品安全 市场监管 文化旅游 交通运输 水利设施 ' +
  '解读回应 政策问答 图文解读 视频解读 舆情回应 意见征集 听证座谈 满意度测评 考核评议 监督检查 ' +
  '保密审查 发布审核 信息更新 栏目维护 内容保障 队伍建设 业务培训 制度建设 台账管理 归档整理 ' +
  '村务公开 居务公开 党务公开 办事流程 办事指南 权责清单 服务事项 收费标准 补助资金 惠农补贴 ' +
  '群众关切 企业诉求 社会关注 热点问题 难点问题 薄弱环节 工作机制 责任分工 协调联动 长效机制 ' +
  '及时准确 公开透明 便捷高效 依法依规 实事求是 有序推进 全面覆盖 动态调整 常态长效 提质增效'
)
  .split(' ')
  .filter((w) => !/[\d一二三四五六七八九十〇零年月日件]|申请/.test(w));

const LINKS = ['，', '，', '、', '，进一步', '，持续', '，着力', '，不断'];

/** A small seeded generator (mulberry32): the same corpus on every run and machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` sentences of the trade's words, the same for the same seed. */
export function sentences(seed: number, count: number): string {
  const next = random(seed * 2654435761 + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const out: string[] = [];
  for (let s = 0; s < count; s++) {
    const words = 6 + Math.floor(next() * 6);
    let sentence = pick(WORDS);
    for (let w = 1; w < words; w++) sentence += (next() < 0.4 ? pick(LINKS) : '') + pick(WORDS);
    out.push(`${sentence}。`);
  }
  return out.join('');
}

/** Sentences added to section 一 and to section 五 of every copy. */
const OWN_SECTION_1 = 24;
const OWN_SECTION_5 = 6;

/** A planted near-duplicate follows every PLANT_EVERY-th report: it repeats that report's narrative. */
export const PLANT_EVERY = 50;
const PLANT_AT = 7;

/** The planted near-duplicate pairs of a corpus of `n` reports, as indices [original, copy]. */
export function plantedPairs(n: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = PLANT_AT; i + 1 < n; i += PLANT_EVERY) pairs.push([i, i + 1]);
  return pairs;
}

const isCopy = (i: number) => i % PLANT_EVERY === PLANT_AT + 1;

/**
 * Copy `i` of a base report. A planted copy (`isCopy`) takes the narrative of copy i − 1 and adds
 * one to three sentences of its own; every other one of them is the same body's next year.
 */
export function variant(base: AnnualReport, i: number): AnnualReport {
  const r = structuredClone(base);
  const k = 1 + (i % 7);
  for (const table of [r.applications, r.appeals]) {
    for (const row of Object.values(table)) for (const c of Object.keys(row)) if (row[c] !== null) row[c] = row[c]! * k;
  }
  const copy = isCopy(i);
  const sameBody = copy && Math.floor(i / PLANT_EVERY) % 2 === 1;
  const seed = copy ? i - 1 : i;
  r.unit = `测试县第${sameBody ? i - 1 : i}镇人民政府`;
  if (sameBody && r.year !== null) r.year += 1;
  r.title = `${r.unit}${r.year}年政府信息公开工作年度报告`;
  const added = copy ? sentences(1_000_000 + i, 1 + (i % 3)) : '';
  r.sections = r.sections.map((s) => {
    if (s.no === 1) return { ...s, text: `${s.text}\n${sentences(seed, OWN_SECTION_1)}${added}` };
    if (s.no === 5) return { ...s, text: `${s.text}\n${sentences(seed + 7_777_777, OWN_SECTION_5)}` };
    return s;
  });
  r.provenance = {};
  r.diagnostics = [];
  return r;
}

/** Write `n` report files into `dir`; returns their paths. */
export function writeCorpus(dir: string, n: number, fixtures: string): string[] {
  mkdirSync(dir, { recursive: true });
  const bases = baseModels(fixtures);
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const path = join(dir, `r${String(i).padStart(6, '0')}.txt`);
    // A planted copy is made from its original's base report, so only the added sentences differ.
    const base = bases[(isCopy(i) ? i - 1 : i) % bases.length]!;
    writeFileSync(path, renderText(variant(base, i)));
    paths.push(path);
  }
  return paths;
}
