/**
 * A corpus of many reports made from the fixtures: each copy gets its own body name, its
 * numbers scaled (so every table stays consistent) and its own narrative sentence, and is
 * written as text by gongkai's renderer. Used by the batch benchmark and tests.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnualReport } from '../src/model/report.js';
import { parseBytes } from '../src/parse.js';
import { renderText } from '../src/render/text.js';

export function baseModels(fixtures: string): AnnualReport[] {
  return ['yunling-2024.tsv.txt', 'linye-2020-template2019.txt'].map((f) => parseBytes(readFileSync(join(fixtures, 'reports', f))).report);
}

export function variant(base: AnnualReport, i: number): AnnualReport {
  const r = structuredClone(base);
  const k = 1 + (i % 7);
  for (const table of [r.applications, r.appeals]) {
    for (const row of Object.values(table)) for (const c of Object.keys(row)) if (row[c] !== null) row[c] = row[c]! * k;
  }
  r.unit = `测试县第${i}镇人民政府`;
  r.title = `${r.unit}${r.year}年政府信息公开工作年度报告`;
  r.sections = r.sections.map((s) => (s.no === 1 ? { ...s, text: `${s.text}\n本镇第${i}号便民服务点于当年投入使用，编号${(i * 7919) % 100000}。` } : s));
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
    writeFileSync(path, renderText(variant(bases[i % bases.length]!, i)));
    paths.push(path);
  }
  return paths;
}
