/**
 * The passages two years of a body's narrative share, to be highlighted in both: the measure is
 * SIM.DUPLICATE's (`rules/similarity.ts`: Jaccard of character 5-grams of the stripped narrative
 * of sections 一, 五, 六), and the passages are where those 5-grams sit in the text as written.
 *
 * Each text is reduced as `narrativeOf` reduces it — Chinese characters only, figures and the
 * characters of dates left out, so “2023年” and “2024年” do not break a copied sentence — with
 * each kept character's place in the original. A kept character is shared when a 5-gram covering
 * it occurs in the other year; runs of at least MIN_RUN shared characters are the passages,
 * mapped back to the original text (what lies between their first and last character included).
 * Pure.
 */
import type { AnnualReport } from '../model/report.js';
import { jaccard, narrativeOf, shingles } from '../rules/similarity.js';

const GRAM = 5;
/** Shorter runs are stock phrases (“政府信息公开申请”), not copied passages. */
export const MIN_RUN = 12;
const NARRATIVE_SECTIONS = [1, 5, 6];
const DROPPED = /[\d０-９一二三四五六七八九十〇零年月日]/;
const KEPT = /[\u4e00-\u9fff]/;

/** A piece of a section's text, shared with the other year or not. */
export interface Segment {
  text: string;
  shared: boolean;
}

export interface NarrativeSection {
  no: number;
  title: string;
  segments: Segment[];
}

export interface SharedNarrative {
  /** SIM.DUPLICATE's score: Jaccard of the two stripped narratives' 5-grams (0 when either is too short), 0–1. */
  score: number;
  /** Share of each year's kept characters inside a shared passage, 0–1. */
  coverage: { current: number; previous: number };
  current: NarrativeSection[];
  previous: NarrativeSection[];
}

/** The kept characters of a text and each one's index in it. */
function reduce(text: string): { chars: string; at: number[] } {
  let chars = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (KEPT.test(c) && !DROPPED.test(c)) {
      chars += c;
      at.push(i);
    }
  }
  return { chars, at };
}

const gramsOf = (chars: string): Set<string> => {
  const out = new Set<string>();
  for (let i = 0; i + GRAM <= chars.length; i++) out.add(chars.slice(i, i + GRAM));
  return out;
};

/** The text cut into shared and other pieces, against the other year's 5-grams; with the kept and shared character counts. */
function segmentsOf(text: string, other: ReadonlySet<string>): { segments: Segment[]; kept: number; shared: number } {
  const { chars, at } = reduce(text);
  const covered = new Uint8Array(chars.length);
  for (let i = 0; i + GRAM <= chars.length; i++) if (other.has(chars.slice(i, i + GRAM))) covered.fill(1, i, i + GRAM);
  const ranges: [number, number][] = [];
  let sharedChars = 0;
  for (let i = 0; i < chars.length; ) {
    if (!covered[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && covered[j]) j++;
    if (j - i >= MIN_RUN) {
      ranges.push([at[i]!, at[j - 1]! + 1]);
      sharedChars += j - i;
    }
    i = j;
  }
  const segments: Segment[] = [];
  let pos = 0;
  for (const [from, to] of ranges) {
    if (from > pos) segments.push({ text: text.slice(pos, from), shared: false });
    segments.push({ text: text.slice(from, to), shared: true });
    pos = to;
  }
  if (pos < text.length) segments.push({ text: text.slice(pos), shared: false });
  return { segments, kept: chars.length, shared: sharedChars };
}

const narrativeSections = (r: Pick<AnnualReport, 'sections'>) => r.sections.filter((s) => NARRATIVE_SECTIONS.includes(s.no));

function side(r: AnnualReport, other: ReadonlySet<string>): { sections: NarrativeSection[]; coverage: number } {
  let kept = 0;
  let shared = 0;
  const sections = narrativeSections(r).map((s) => {
    const cut = segmentsOf(s.text, other);
    kept += cut.kept;
    shared += cut.shared;
    return { no: s.no, title: s.title, segments: cut.segments };
  });
  return { sections, coverage: kept === 0 ? 0 : shared / kept };
}

/** The two years' narratives with their shared passages marked, and how alike they are. */
export function sharedNarrative(current: AnnualReport, previous: AnnualReport): SharedNarrative {
  const gramsNow = gramsOf(narrativeSections(current).map((s) => reduce(s.text).chars).join(''));
  const gramsBefore = gramsOf(narrativeSections(previous).map((s) => reduce(s.text).chars).join(''));
  const now = side(current, gramsBefore);
  const before = side(previous, gramsNow);
  return {
    score: jaccard(shingles(narrativeOf(current)), shingles(narrativeOf(previous))),
    coverage: { current: now.coverage, previous: before.coverage },
    current: now.sections,
    previous: before.sections,
  };
}
