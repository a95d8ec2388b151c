/**
 * The reader never throws: random text, random bytes and mutated real layouts always give a
 * model that satisfies the schema, with diagnostics for what could not be read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../../src/model/schema.js';
import { parseBytes, parseText } from '../../src/parse.js';
import { FIXTURES, HAVE_SHARED, SHARED } from '../support/shared.js';

/** Every fixture and seed as text (the readers' tests cover decoding; mutations work on text). */
const sources = [
  ...readdirSync(join(FIXTURES, 'reports')).map((f) => join(FIXTURES, 'reports', f)),
  ...(HAVE_SHARED ? readdirSync(join(SHARED, 'seeds')).map((f) => join(SHARED, 'seeds', f)) : []),
];
const texts = sources.map((path) => {
  const bytes = readFileSync(path);
  const encoding = bytes[0] === 0xff ? 'utf-16le' : path.includes('gbk') ? 'gb18030' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
});

/** A small seeded generator (mulberry32), so a failing case replays from fast-check's seed. */
function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

function assertModel(result: ReturnType<typeof parseText>): void {
  const v = validateReport(JSON.parse(JSON.stringify(result.report)));
  if (!v.ok) throw new Error(v.errors.join('\n'));
  if (!result.readable) expect(result.reason).toBeTruthy();
}

type Mutation = (lines: string[], rnd: (n: number) => number) => string[];

const MUTATIONS: Mutation[] = [
  (l, r) => l.map((x) => [r(1000), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x), // shuffle lines
  (l, r) => l.filter(() => r(10) > 0), // drop lines
  (l, r) => l.map((x) => (r(5) === 0 ? x.split('\t').filter(() => r(4) > 0).join('\t') : x)), // drop cells
  (l, r) => l.map((x) => x.replace(/\d+/g, (d) => (r(7) === 0 ? '9'.repeat(10 + r(30)) : d))), // huge numbers
  (l, r) => l.map((x) => x.replace(/\d/g, (d) => (r(11) === 0 ? ['/', '-', '—', '+1', '１', '3.5', '-7', 'x'][r(8)]! : d))), // odd cells
  (l, r) => l.slice(0, r(l.length + 1)), // truncate
  (l, r) => l.flatMap((x) => (r(9) === 0 ? [x, x] : [x])), // repeated lines (headers repeated on a new page)
  (l, r) => l.map((x) => (r(13) === 0 ? [...x].reverse().join('') : x)), // garbled lines
];

describe('the reader never throws', () => {
  it('on random unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => assertModel(parseText(s))), { numRuns: 500 });
  });

  it('on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => assertModel(parseBytes(b))), { numRuns: 500 });
  });

  it('on empty and whitespace-only input, with a clear reason', () => {
    for (const input of ['', '   ', '\n\n\t\n']) {
      const r = parseText(input);
      expect(r.readable).toBe(false);
      expect(r.reason).toContain('空');
    }
    expect(parseBytes(new Uint8Array()).reason).toContain('0 字节');
  });

  it(`on ${texts.length} real and own layouts mutated thousands of times`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.array(fc.integer({ min: 0, max: MUTATIONS.length - 1 }), { minLength: 1, maxLength: 3 }),
        fc.integer(),
        (which, mutations, seed) => {
          const rnd = random(seed);
          let lines = texts[which]!.split('\n');
          for (const m of mutations) lines = MUTATIONS[m]!(lines, rnd);
          assertModel(parseText(lines.join('\n')));
        },
      ),
      { numRuns: 3000, endOnFailure: true },
    );
  });
});

describe('regressions found by the fuzzer', () => {
  it('reads a label followed by a very long digit run and a stray letter (once a catastrophic regex backtrack)', () => {
    const text = `二、主动公开政府信息情况\n第二十条第（五）项\n行政许可 ${'9'.repeat(5000)}x\n`;
    const result = parseText(text);
    expect(result.readable).toBe(true);
    expect(result.report.proactive.licensing!.decisions).toBeNull();
  });
});
