/**
 * Matching a published report's unit name to the directory, inside a supervisor's scope. Names
 * are compared by a key: NFKC, invisible characters removed, common lookalikes folded to the
 * character they imitate, spaces and punctuation removed. Then, in order:
 *
 * 1. 全称 — the key equals a body's full name;
 * 2. 别名 — the key equals one of a body's aliases (short or former names);
 * 3. 地区+简称 — the name written without (part of) its region chain: 石泉街道办事处 under 青禾县 is
 *    青禾县石泉街道办事处; also the other way round (省市县 prefixed to the body's name).
 *
 * The first step that finds exactly one body decides; a step that finds several stops with
 * those candidates (the supervisor chooses); none found anywhere is 待匹配 with no candidate.
 * Nothing here creates a body: a lookalike of a known name matches it, never makes a new one.
 */
import { normalizeName } from './names.js';
import type { BodyRecord, RegionRecord } from './tree.js';

export type MatchMethod = 'fullName' | 'alias' | 'regionShortName';

export const MATCH_METHOD_LABELS: Record<MatchMethod, string> = {
  fullName: '全称',
  alias: '别名',
  regionShortName: '地区+简称',
};

export type MatchResult =
  | { kind: 'matched'; bodyId: string; method: MatchMethod }
  | { kind: 'ambiguous'; method: MatchMethod; candidates: string[] }
  | { kind: 'none' };

/**
 * Characters that look like another one a unit name uses and that NFKC leaves alone: katakana
 * and radicals passing for ideographs, Cyrillic and Greek letters passing for Latin, dashes and
 * circles passing for 一 and 〇. Folded before comparing (never kept).
 */
const CONFUSABLES: Record<string, string> = {
  // Katakana that read as ideographs
  'エ': '工', 'カ': '力', 'タ': '夕', 'ニ': '二', 'ハ': '八', 'ト': '卜', 'ロ': '口', 'ヒ': '匕', 'メ': '乂', 'チ': '千',
  // Radicals and variants
  '⺁': '厂', '⺇': '几', '⺈': '刀', '⺌': '小', '⺍': '小', '⺝': '月', '⺼': '月', '⻊': '足', '⻖': '阜', '⻏': '邑', '⻗': '雨',
  '囗': '口', '戶': '户', '戸': '户', '黒': '黑', '県': '县',
  // Dashes and circles
  'ー': '一', '—': '一', '―': '一', '─': '一', '━': '一', '㇐': '一', '‐': '一', '○': '〇', '◯': '〇',
  // Cyrillic and Greek letters that look Latin
  'а': 'a', 'в': 'b', 'е': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c', 'т': 't', 'у': 'y', 'х': 'x', 'і': 'i',
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'І': 'I',
  'α': 'a', 'ο': 'o', 'ρ': 'p', 'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Χ': 'X',
};

const CONFUSABLE = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'gu');

/** Spaces, punctuation and symbols: 青禾县（县政务公开办） = 青禾县县政务公开办. */
const NOT_NAME = /[\p{P}\p{S}\p{Z}\p{C}]/gu;

/** The key names are compared by. */
export function matchKey(name: string | null | undefined): string {
  // Fold after NFKC (which makes full-width letters ASCII), then NFKC again for what the fold made.
  const folded = normalizeName(name ?? '').replace(CONFUSABLE, (c) => CONFUSABLES[c] ?? c);
  return folded.normalize('NFKC').replace(NOT_NAME, '').toLowerCase();
}

/** The region chains above and at a region, as the prefixes a name may carry: 青禾县, 某市青禾县, 某省某市青禾县, …, and 石泉街道. */
function prefixes(code: string | null, regions: ReadonlyMap<string, RegionRecord>): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let r = code ? regions.get(code) : undefined; r && !seen.has(r.code); r = r.parentCode ? regions.get(r.parentCode) : undefined) {
    seen.add(r.code);
    chain.unshift(matchKey(r.name));
  }
  const out = new Set<string>();
  for (let i = 0; i < chain.length; i++) for (let j = i + 1; j <= chain.length; j++) out.add(chain.slice(i, j).join(''));
  return [...out].filter(Boolean);
}

/** What is left of a government's name without its region: no name of its own. */
const GENERIC = new Set(['', '人民政府', '政府', '办事处', '街道办事处', '街道办']);

/** An index of the bodies in scope, built once per upload and asked once per report. */
export class Matcher {
  private readonly full = new Map<string, Set<string>>();
  private readonly alias = new Map<string, Set<string>>();
  private readonly regional = new Map<string, Set<string>>();

  constructor(bodies: readonly BodyRecord[], regions: readonly RegionRecord[]) {
    const byCode = new Map(regions.map((r) => [r.code, r]));
    const add = (map: Map<string, Set<string>>, key: string, id: string) => {
      if (key) map.set(key, (map.get(key) ?? new Set()).add(id));
    };
    for (const b of bodies) {
      const names = [b.name, ...b.aliases].map(matchKey);
      add(this.full, names[0]!, b.id);
      for (const a of names.slice(1)) add(this.alias, a, b.id);
      for (const p of prefixes(b.regionCode, byCode)) {
        for (const n of names) {
          // 青禾县 + 石泉街道办事处 = 青禾县石泉街道办事处 (the short name written), and the long name written.
          if (n.startsWith(p) && !GENERIC.has(n.slice(p.length))) add(this.regional, n.slice(p.length), b.id);
          add(this.regional, p + n, b.id);
        }
      }
    }
  }

  /** The body a unit name is, how it was found, or the candidates when it is not one. */
  match(unit: string | null | undefined): MatchResult {
    const key = matchKey(unit);
    if (!key) return { kind: 'none' };
    const steps: [MatchMethod, Map<string, Set<string>>][] = [
      ['fullName', this.full],
      ['alias', this.alias],
      ['regionShortName', this.regional],
    ];
    for (const [method, map] of steps) {
      const found = [...(map.get(key) ?? [])].sort();
      if (found.length === 1) return { kind: 'matched', bodyId: found[0]!, method };
      if (found.length > 1) return { kind: 'ambiguous', method, candidates: found };
    }
    return { kind: 'none' };
  }
}
