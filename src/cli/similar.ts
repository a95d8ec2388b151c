/**
 * `gongkai similar PATH...`: near-duplicate reports across a corpus (files, or folders walked
 * recursively). Groups of reports whose narrative (sections 一, 五, 六, template text, digits and
 * years removed) is at least the threshold similar, with the passage they share; or `--json`
 * `{ "pairs": [...], "clusters": [...] }`. Exit code: 0, or 2 when a file could not be read.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { findSimilar, itemOf, longestSharedPassage, type CorpusItem, type SimilarPair } from '../corpus/minhash.js';
import { DEFAULT_SIMILARITY_THRESHOLD } from '../rules/similarity.js';
import { loadReport } from './check.js';
import { complain, describeError, writeOutput } from './io.js';

export interface SimilarCommandOptions {
  threshold?: string;
  json?: boolean;
}

/** Pairs listed per group before “另有 N 对”. */
const MAX_PAIRS_SHOWN = 10;
/** Characters of the shared passage shown. */
const MAX_PASSAGE = 120;

/** Every file under the inputs, folders walked recursively in name order. */
async function collectFiles(inputs: readonly string[]): Promise<{ files: string[]; failed: boolean }> {
  const files: string[] = [];
  let failed = false;
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      complain(dir, describeError(error));
      failed = true;
      return;
    }
    entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) files.push(path);
      else if (entry.isSymbolicLink()) {
        // Linked files are read; linked folders are not followed (no loops).
        const target = await stat(path).catch(() => null);
        if (target?.isFile()) files.push(path);
      }
    }
  };
  for (const input of inputs) {
    if (input === '-') {
      files.push(input);
      continue;
    }
    try {
      if ((await stat(input)).isDirectory()) await walk(input);
      else files.push(input);
    } catch (error) {
      complain(input, describeError(error));
      failed = true;
    }
  }
  return { files, failed };
}

const percent = (score: number) => `${Math.floor(score * 100)}%`;

function describe(item: CorpusItem | undefined): string {
  return `${item?.unit ?? '（机关未知）'} ${item?.year ?? '？'}年度`;
}

function renderText(items: ReadonlyMap<string, CorpusItem>, pairs: readonly SimilarPair[], clusters: readonly string[][], threshold: number): string {
  const lines: string[] = [
    `共比较 ${items.size} 份报告，发现 ${clusters.length} 组内容雷同的报告（第一、五、六部分文字相似度 ≥ ${percent(threshold)}）`,
    `Compared ${items.size} reports: ${clusters.length} group(s) at similarity ≥ ${percent(threshold)}.`,
    '',
  ];
  clusters.forEach((cluster, index) => {
    const members = new Set(cluster);
    const inside = pairs.filter((p) => members.has(p.a));
    const bodies = new Set(cluster.map((id) => items.get(id)?.unit?.replace(/\s+/g, '') ?? id));
    const kind = bodies.size === 1 ? '同一机关 same body' : `${bodies.size} 个机关 bodies`;
    const label = new Map(cluster.map((id, i) => [id, `[${i + 1}]`]));
    lines.push(`━━ 第 ${index + 1} 组 group ${index + 1} · ${cluster.length} 份报告 reports · ${kind}`);
    for (const id of cluster) lines.push(`   ${label.get(id)} ${describe(items.get(id))}  ${id}`);
    lines.push('   相似度 similarity:');
    for (const p of inside.slice(0, MAX_PAIRS_SHOWN)) {
      lines.push(`     ${percent(p.score).padStart(4)}  ${label.get(p.a)} ↔ ${label.get(p.b)}${p.sameBody ? '（同一机关 same body）' : '（不同机关 different bodies）'}`);
    }
    if (inside.length > MAX_PAIRS_SHOWN) lines.push(`     …另有 ${inside.length - MAX_PAIRS_SHOWN} 对 (${inside.length - MAX_PAIRS_SHOWN} more pairs)`);
    const top = inside[0];
    if (top) {
      const passage = longestSharedPassage(items.get(top.a)?.text ?? '', items.get(top.b)?.text ?? '');
      const shown = passage.length > MAX_PASSAGE ? `${passage.slice(0, MAX_PASSAGE)}……` : passage;
      lines.push(`   共同段落 shared passage（${passage.length} 字，已去除标点、数字和年份）：`);
      lines.push(`     “${shown}”`);
    }
    lines.push('');
  });
  if (clusters.length === 0) lines.push('✓ 未发现内容雷同的报告 (no near-duplicates found)', '');
  return `${lines.join('\n')}\n`;
}

export async function similarCommand(inputs: string[], opts: SimilarCommandOptions): Promise<number> {
  const threshold = opts.threshold === undefined ? DEFAULT_SIMILARITY_THRESHOLD : Number(opts.threshold);
  if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1) {
    complain('--threshold', `阈值应是 0 到 1 之间的小数，如 0.8 (expected a number in (0, 1]): ${opts.threshold}`);
    return 2;
  }
  const { files, failed } = await collectFiles(inputs);
  let code = failed ? 2 : 0;
  const items = new Map<string, CorpusItem>();
  for (const file of files) {
    const loaded = await loadReport(file);
    if ('error' in loaded) {
      complain(file, loaded.error);
      code = 2;
    } else items.set(file, itemOf(file, loaded.report));
  }
  const { pairs, clusters } = findSimilar([...items.values()], threshold);
  if (opts.json) await writeOutput(undefined, `${JSON.stringify({ pairs, clusters }, null, 2)}\n`);
  else await writeOutput(undefined, renderText(items, pairs, clusters, threshold));
  return code;
}
