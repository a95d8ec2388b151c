/**
 * Near-duplicate reports in a large corpus (`gongkai similar`): the SIM.DUPLICATE measure of
 * `rules/similarity.ts` (exact Jaccard of character 5-gram sets of `narrativeOf(report)`), found
 * without comparing every pair.
 *
 * 1. MinHash: each text's shingle set becomes a signature of PERMUTATIONS minima, one per hash
 *    function of a fixed seeded family (two 32-bit hashes of the shingle, FNV-1a and a
 *    murmur3-style one, combined by double hashing h1 + i·h2 and finished with the murmur3
 *    mixer). Two signatures agree at one position with probability ≈ their Jaccard J.
 *    Deterministic: no randomness, same signature on every run and machine.
 * 2. LSH banding: the signature is cut into `bands` bands of `rows` rows; texts sharing one whole
 *    band are candidates. A pair is proposed with probability 1 − (1 − J^rows)^bands.
 *    `bandingFor` picks, for the threshold t, the most selective split (largest rows) with that
 *    probability > 0.999 at J = t. For t = 0.8: 25 bands × 5 rows (125 of the 128 hashes),
 *    P(found | J = 0.8) ≈ 0.99995, while pairs at J = 0.3 are proposed with P ≈ 0.06 and at
 *    J = 0.1 with P ≈ 0.0003 — near-linear work on a corpus of unrelated reports.
 * 3. Every candidate is screened with the Jaccard of the two texts' sorted 32-bit shingle hashes
 *    and, when that is near or above the threshold, confirmed with the exact Jaccard (`jaccard`
 *    of similarity.ts, which also refuses texts too short to call copied), so no reported pair is
 *    below the threshold and no shingle set of the whole corpus is held at once.
 *
 * Pure: no I/O.
 */
import type { AnnualReport } from '../model/report.js';
import { DEFAULT_SIMILARITY_THRESHOLD, jaccard, narrativeOf, shingles } from '../rules/similarity.js';

export const PERMUTATIONS = 128;
/** The least probability of proposing a pair whose Jaccard is exactly the threshold. */
export const TARGET_RECALL = 0.999;

export interface CorpusItem {
  id: string;
  unit: string | null;
  year: number | null;
  /** The stripped narrative: `narrativeOf(report)`. */
  text: string;
}

export interface SimilarPair {
  /** Ids in order a < b. */
  a: string;
  b: string;
  /** Exact Jaccard of the two shingle sets. */
  score: number;
  /** The same issuing body (names compared without spaces), in different reports. */
  sameBody: boolean;
}

export interface Banding {
  bands: number;
  rows: number;
  /** P(candidate | Jaccard = threshold) = 1 − (1 − t^rows)^bands. */
  probability: number;
}

export interface SimilarResult {
  /** Best score first, then by ids. */
  pairs: SimilarPair[];
  /** Connected components of the pairs: ids sorted, clusters ordered by their first id. */
  clusters: string[][];
  /** Distinct candidate pairs proposed by LSH (each confirmed exactly). */
  candidates: number;
  banding: Banding;
}

export function itemOf(id: string, report: AnnualReport): CorpusItem {
  return { id, unit: report.unit, year: report.year, text: narrativeOf(report) };
}

export function candidateProbability(jaccardValue: number, bands: number, rows: number): number {
  return 1 - (1 - jaccardValue ** rows) ** bands;
}

/** The largest `rows` (fewest spurious candidates) whose recall at `threshold` exceeds `target`. */
export function bandingFor(threshold: number, permutations = PERMUTATIONS, target = TARGET_RECALL): Banding {
  let best: Banding = { bands: permutations, rows: 1, probability: candidateProbability(threshold, permutations, 1) };
  for (let rows = 2; rows <= permutations; rows++) {
    const bands = Math.floor(permutations / rows);
    const probability = candidateProbability(threshold, bands, rows);
    if (probability > target) best = { bands, rows, probability };
  }
  return best;
}

// ── hashing ────────────────────────────────────────────────────────────────────────────────

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** The murmur3 finaliser: a bijection on 32-bit integers with full avalanche. */
function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function murmur32(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    let k = Math.imul(s.charCodeAt(i), 0xcc9e2d51);
    k = rotl(k, 15);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = rotl(h, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return fmix32(h ^ s.length);
}

const SEED = 0x9747b28c;

/** MinHash signature of a shingle set: PERMUTATIONS minima. */
export function signature(set: ReadonlySet<string>, permutations = PERMUTATIONS): Uint32Array {
  const sig = new Uint32Array(permutations).fill(0xffffffff);
  for (const s of set) {
    const h1 = fnv1a(s);
    const h2 = murmur32(s, SEED) | 1;
    for (let i = 0; i < permutations; i++) {
      const v = fmix32((h1 + Math.imul(i + 1, h2)) | 0);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** One band of a signature as a number: band index in the high bits, a 32-bit hash of its rows below. */
function bandKey(sig: Uint32Array, band: number, rows: number): number {
  let h = band + 0x27d4eb2f;
  for (let r = 0; r < rows; r++) h = fmix32((Math.imul(h, 0x01000193) ^ sig[band * rows + r]!) | 0);
  return band * 0x100000000 + h;
}

// ── search ─────────────────────────────────────────────────────────────────────────────────

const bodyKey = (unit: string | null) => unit?.replace(/\s+/g, '') || null;

/**
 * The least number of distinct shingles `jaccard` compares (below it a text is too short to call
 * copied), found once from `jaccard` itself so the two never disagree.
 */
const MIN_SHINGLES = (() => {
  const setOf = (n: number) => new Set(Array.from({ length: n }, (_, i) => String(i)));
  let n = 1;
  while (n < 10_000 && jaccard(setOf(n), setOf(n)) === 0) n++;
  return n;
})();

/** The distinct 32-bit hashes of a shingle set, sorted: 4 bytes a shingle instead of a string each. */
function hashesOf(set: ReadonlySet<string>): Uint32Array {
  const out = new Uint32Array(set.size);
  let i = 0;
  for (const s of set) out[i++] = fnv1a(s);
  out.sort();
  let k = 0;
  for (let j = 0; j < out.length; j++) if (j === 0 || out[j] !== out[k - 1]) out[k++] = out[j]!;
  return out.subarray(0, k);
}

/** Jaccard of two sorted hash arrays: the exact Jaccard but for the rare 32-bit collision. */
function hashedJaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

/**
 * A hash collision moves a hashed Jaccard by about one shingle in the union: candidates this
 * close below the threshold are still measured exactly, so none is lost to a collision.
 */
const SCREEN_MARGIN = 0.02;

/**
 * Memory stays small per report: its signature is folded into the band buckets at once and only
 * the sorted shingle hashes are kept to screen candidates; the few that pass the screen are
 * measured with the exact `jaccard` on shingle sets made again from their texts.
 */
export function findSimilar(items: readonly CorpusItem[], threshold = DEFAULT_SIMILARITY_THRESHOLD): SimilarResult {
  const banding = bandingFor(threshold);
  const hashes: (Uint32Array | null)[] = [];
  const buckets = new Map<number, number[]>();
  items.forEach((item, index) => {
    const set = shingles(item.text);
    if (set.size < MIN_SHINGLES) {
      hashes.push(null); // too short to call copied: never reported
      return;
    }
    hashes.push(hashesOf(set));
    const sig = signature(set);
    for (let band = 0; band < banding.bands; band++) {
      const key = bandKey(sig, band, banding.rows);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    }
  });

  const n = items.length;
  const seen = new Set<number>();
  const pairs: SimilarPair[] = [];
  for (const bucket of buckets.values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const i = bucket[x]!;
        const j = bucket[y]!;
        const key = i * n + j; // i < j: buckets are filled in index order
        if (seen.has(key)) continue;
        seen.add(key);
        if (hashedJaccard(hashes[i]!, hashes[j]!) < threshold - SCREEN_MARGIN) continue;
        const score = jaccard(shingles(items[i]!.text), shingles(items[j]!.text));
        if (score < threshold) continue;
        const [first, second] = items[i]!.id <= items[j]!.id ? [items[i]!, items[j]!] : [items[j]!, items[i]!];
        const unit = bodyKey(first.unit);
        pairs.push({ a: first.id, b: second.id, score, sameBody: unit !== null && unit === bodyKey(second.unit) });
      }
    }
  }
  pairs.sort((p, q) => q.score - p.score || compare(p.a, q.a) || compare(p.b, q.b));
  return { pairs, clusters: clustersOf(pairs), candidates: seen.size, banding };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Connected components of the pairs (union–find), deterministic order. */
export function clustersOf(pairs: readonly Pick<SimilarPair, 'a' | 'b'>[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let node = x;
    while (node !== root) {
      const up = parent.get(node)!;
      parent.set(node, root);
      node = up;
    }
    return root;
  };
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const group = groups.get(root);
    if (group) group.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()].map((g) => g.sort(compare)).sort((g, h) => compare(g[0]!, h[0]!));
}

/**
 * The longest passage two texts share (longest common substring), for display: a suffix
 * automaton of `a`, walked with `b` — time and memory linear in the lengths.
 */
export function longestSharedPassage(a: string, b: string): string {
  const len: number[] = [0];
  const link: number[] = [-1];
  const next: Map<number, number>[] = [new Map()];
  let last = 0;
  for (let k = 0; k < a.length; k++) {
    const c = a.charCodeAt(k);
    const cur = len.length;
    len.push(len[last]! + 1);
    link.push(0);
    next.push(new Map());
    let p = last;
    while (p !== -1 && !next[p]!.has(c)) {
      next[p]!.set(c, cur);
      p = link[p]!;
    }
    if (p !== -1) {
      const q = next[p]!.get(c)!;
      if (len[p]! + 1 === len[q]) link[cur] = q;
      else {
        const clone = len.length;
        len.push(len[p]! + 1);
        link.push(link[q]!);
        next.push(new Map(next[q]!));
        while (p !== -1 && next[p]!.get(c) === q) {
          next[p]!.set(c, clone);
          p = link[p]!;
        }
        link[q] = clone;
        link[cur] = clone;
      }
    }
    last = cur;
  }
  let state = 0;
  let length = 0;
  let best = 0;
  let end = 0;
  for (let k = 0; k < b.length; k++) {
    const c = b.charCodeAt(k);
    while (state !== 0 && !next[state]!.has(c)) {
      state = link[state]!;
      length = len[state]!;
    }
    const to = next[state]!.get(c);
    if (to === undefined) {
      state = 0;
      length = 0;
    } else {
      state = to;
      length++;
    }
    if (length > best) {
      best = length;
      end = k + 1;
    }
  }
  return b.slice(end - best, end);
}
