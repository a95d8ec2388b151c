/**
 * NUL bytes, control characters and lone surrogates in an uploaded report's text are removed
 * with a diagnostic, and the report is read as without them (no database column takes a NUL; a
 * file with one must not fail the upload it came in).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/ingest.js';
import { cleanString, cleanStrings } from '../../src/read/clean.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url));

describe('cleaning extracted text', () => {
  it('removes NUL, C0 controls and lone surrogates, keeps tabs, line breaks, form feeds and surrogate pairs', () => {
    expect(cleanString('甲\u0000乙\u0007\t丙\n丁\f\r\ud800戊\udc00𠀀')).toEqual({ text: '甲乙\t丙\n丁\f\r戊𠀀', removed: 4 });
  });

  it('cleans every string of a nested structure in place and counts them', () => {
    const data = { a: ['x\u0000', { b: 'y\u0000\u0000' }], c: 3, d: null };
    expect(cleanStrings(data)).toBe(3);
    expect(data).toEqual({ a: ['x', { b: 'y' }], c: 3, d: null });
  });
});

describe('a report with NUL bytes in its text', () => {
  it('is read as the same report without them, with a warning saying how many were removed', async () => {
    const clean = fixture('yunling-2023.tsv.txt');
    const text = clean.toString('utf8');
    // Three NULs: one in the title line, two inside the first table's rows.
    const lines = text.split('\n');
    lines[0] = `${lines[0]}\u0000`;
    lines[10] = `\u0000${lines[10]}\u0000`;
    const dirty = new TextEncoder().encode(lines.join('\n'));
    const [a, b] = [await parseFile(clean), await parseFile(dirty)];
    expect(b.readable).toBe(true);
    const { diagnostics: da, provenance: pa, ...readA } = a.report;
    const { diagnostics: db, provenance: pb, ...readB } = b.report;
    expect(readB).toEqual(readA);
    expect(Object.keys(pb)).toEqual(Object.keys(pa));
    expect(readB.unit).toBe('青禾县云岭镇人民政府');
    expect(db.filter((d) => d.code !== 'INPUT.CONTROL_CHARS')).toEqual(da);
    expect(b.report.diagnostics.find((d) => d.code === 'INPUT.CONTROL_CHARS')?.message).toContain('3 个');
    expect(JSON.stringify(b)).not.toContain('\\u0000');
    expect(a.report.diagnostics.some((d) => d.code === 'INPUT.CONTROL_CHARS')).toBe(false);
  });
});
