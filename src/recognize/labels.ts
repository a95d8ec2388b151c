/**
 * Find the template's row labels in a stream of text items.
 *
 * A label may be written exactly, with another numbering, with a known variant wording, with
 * a typo (`2.其他法律行政止公开`), or split over several cells (`1、申请人无正当理由逾期不补` /
 * `正、行政机关…`). Each hit says how it matched, so loose matches become diagnostics.
 */
import { bigramSimilarity, normalizeLabel, stripNumbering } from '../template/normalize.js';
import type { Item } from './stream.js';

export type MatchKind = 'exact' | 'variant' | 'prefix' | 'fuzzy';

export interface LabelDef {
  key: string;
  /** The template's label, as printed. */
  label: string;
  /** What identifies the row (numbering stripped unless `numbered`). */
  core: string;
  numbered?: boolean;
  variants: readonly string[];
}

export interface LabelHit {
  key: string;
  kind: MatchKind;
  /** Index of the (first) text item of the label in the stream. */
  index: number;
  /** Indices of every item the label spans. */
  span: number[];
  /** The label as written. */
  written: string;
  /** Source line of the label's first cell. */
  line: number;
}

interface PreparedDef extends LabelDef {
  coreNorm: string;
  variantNorms: string[];
}

/** Minimum bigram similarity for a typo'd label to count, and minimum length for a prefix. */
const FUZZY_MIN = 0.6;
const PREFIX_MIN = 5;

export interface LabelMatcher {
  match(norm: string): { key: string; kind: MatchKind } | null;
}

/**
 * @param containment whether a label may sit inside a longer cell (table 三's merged group
 *   labels: `三、本年度办理结果（一）予以公开`); table 二's short labels must match whole.
 */
export function labelMatcher(defs: readonly LabelDef[], containment: boolean): LabelMatcher {
  const prepared: PreparedDef[] = defs.map((d) => ({
    ...d,
    coreNorm: normalizeLabel(d.core),
    variantNorms: d.variants.map(normalizeLabel),
  }));
  const byLength = [...prepared].sort((a, b) => b.coreNorm.length - a.coreNorm.length);

  const fits = (text: string, core: string): boolean =>
    containment ? text.includes(core) : text === core || (text.startsWith(core) && text.length <= core.length + 2);

  // Reports repeat the same labels: remember answers (bounded, so a corpus cannot grow it without limit).
  const memo = new Map<string, { key: string; kind: MatchKind } | null>();
  const MEMO_LIMIT = 50_000;
  const compute = (norm: string): { key: string; kind: MatchKind } | null => {
      const bare = stripNumbering(norm);
      for (const d of byLength) {
        if (d.numbered ? norm.endsWith(d.coreNorm) && norm.length <= d.coreNorm.length + 8 : fits(bare, d.coreNorm)) {
          return { key: d.key, kind: 'exact' };
        }
      }
      for (const d of prepared) {
        if (d.variantNorms.some((v) => fits(bare, v))) return { key: d.key, kind: 'variant' };
      }
      if (bare.length >= PREFIX_MIN) {
        const starts = prepared.filter((d) => !d.numbered && d.coreNorm.startsWith(bare) && bare.length < d.coreNorm.length);
        if (starts.length === 1) return { key: starts[0]!.key, kind: 'prefix' };
      }
      if (bare.length >= 4 && /[\u4e00-\u9fff]/.test(bare)) {
        let best: PreparedDef | null = null;
        let score = 0;
        for (const d of prepared) {
          // Only labels of comparable length can be a typo of each other.
          if (d.numbered || bare.length * 2 < d.coreNorm.length || bare.length > d.coreNorm.length * 2) continue;
          const s = bigramSimilarity(bare, d.coreNorm);
          if (s > score) {
            score = s;
            best = d;
          }
        }
        if (best && score >= FUZZY_MIN) return { key: best.key, kind: 'fuzzy' };
      }
      return null;
  };
  return {
    match(norm: string) {
      let answer = memo.get(norm);
      if (answer === undefined) {
        answer = compute(norm) ?? withoutInstructions(norm, compute);
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(norm, answer);
      }
      return answer;
    },
  };
}

/** A parenthetical after a label's first characters: a filling instruction or a pinyin gloss. */
const PARENTHETICAL = /(?<=.)\([^()]*\)|(?<=.)\([^()]*$/g;

/**
 * Labels that carry filling instructions (`规章(设区的市、自治州人民政府应提供相关数据)`) or
 * pinyin glosses (`行政许可(xíng zhèng xǔ kě)`): matched without them, as a variant wording.
 */
function withoutInstructions(
  norm: string,
  compute: (norm: string) => { key: string; kind: MatchKind } | null,
): { key: string; kind: MatchKind } | null {
  if (!norm.includes('(')) return null;
  const bare = norm.replace(PARENTHETICAL, '');
  if (bare === norm || !bare) return null;
  const hit = compute(bare);
  return hit && hit.kind !== 'fuzzy' ? { key: hit.key, kind: 'variant' } : null;
}

/** Matches that only resemble a label: a whole label found later replaces them. */
const LOOSE: ReadonlySet<MatchKind> = new Set(['prefix', 'fuzzy']);

/**
 * Every label hit in the items, first occurrence of each key only. A label split over
 * consecutive text items is found by joining them (up to four).
 */
export function findLabels(items: readonly Item[], matcher: LabelMatcher): LabelHit[] {
  const hits: LabelHit[] = [];
  /** Index into hits of each key's hit. */
  const seen = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== 'text') continue;
    let joined = item.norm;
    let written = item.cell.text;
    const span = [i];
    let hit = matcher.match(joined);
    // A prefix hit may complete in the next cells; an exact hit on the joined text is better.
    for (let j = i + 1; j < items.length && span.length < 4 && hit?.kind === 'prefix'; j++) {
      const next = items[j]!;
      if (next.kind === 'break') continue;
      if (next.kind !== 'text') break;
      const longer = matcher.match(joined + next.norm);
      if (!longer || longer.key !== hit.key) break;
      joined += next.norm;
      written += next.cell.text;
      span.push(j);
      hit = longer;
    }
    if (!hit) continue;
    const found: LabelHit = { key: hit.key, kind: hit.kind, index: i, span, written, line: item.cell.line };
    const earlier = seen.get(hit.key);
    if (earlier === undefined) {
      seen.set(hit.key, hits.length);
      hits.push(found);
    } else if (LOOSE.has(hits[earlier]!.kind) && !LOOSE.has(hit.kind)) {
      // A header cell (`结转下年度`) may begin a row's label: the row's whole label, found later, wins.
      hits[earlier] = found;
    } else continue;
    i = span[span.length - 1]!;
  }
  return hits;
}
