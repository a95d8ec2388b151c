/**
 * The arithmetic rules are a property of the sums: change any one cell of table 三 or 四 of a
 * consistent report by any amount, and some arithmetic finding names that cell's row or column
 * — every time. Where the smallest correction is unique, it must be the mutated cell.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../src/model/report.js';
import { parseBytes, parseText } from '../../src/parse.js';
import { ARITHMETIC_CODES, checkReport } from '../../src/rules/check.js';
import { FIXTURES, HAVE_SHARED, haveCommand, pdfText, SHARED } from '../support/shared.js';

function consistentFixtures(): [string, AnnualReport][] {
  const own = ['yunling-2024.tsv.txt', 'linye-2020-template2019.txt', 'shiquan-2024-defects.txt'].map(
    (n) => [n, parseBytes(readFileSync(join(FIXTURES, 'reports', n))).report] as [string, AnnualReport],
  );
  const seeds = HAVE_SHARED
    ? readdirSync(join(SHARED, 'seeds'))
        .filter((f) => /^00[0234]_/.test(f))
        .map((f) => [f, parseBytes(readFileSync(join(SHARED, 'seeds', f))).report] as [string, AnnualReport])
    : [];
  const pdfs =
    HAVE_SHARED && haveCommand('pdftotext')
      ? ['huaian-city-2024', 'hongze-district-2024'].map((n) => [n, parseText(pdfText(n, 'layout')).report] as [string, AnnualReport])
      : [];
  return [...own, ...seeds, ...pdfs];
}

const arithmetic = (r: AnnualReport) => checkReport(r).filter((f) => ARITHMETIC_CODES.has(f.code));
const DELTAS = [1, 2, 9, 10, 100, 1234];

/** Row and column of a dotted path: `applications.withheld.stateSecret.total` → [withheld.stateSecret, total]. */
function rowColumn(path: string): [string, string] {
  const parts = path.split('.');
  return [parts.slice(1, -1).join('.'), parts[parts.length - 1]!];
}

describe('mutation: every one-cell change of a consistent table is found', () => {
  const fixtures = consistentFixtures();

  it('finds no arithmetic problem in any unmutated consistent fixture', () => {
    for (const [name, r] of fixtures) expect(arithmetic(r), name).toEqual([]);
  });

  it('finds every mutation, naming its row or column; the unique suggestion is the mutated cell', () => {
    let mutations = 0;
    let unique = 0;
    let uniqueRight = 0;
    const missed: string[] = [];
    for (const [name, base] of fixtures) {
      for (const table of ['applications', 'appeals'] as const) {
        for (const [row, cells] of Object.entries(base[table])) {
          for (const [column, value] of Object.entries(cells)) {
            if (value === null) continue;
            for (const delta of [...DELTAS, ...(value > 0 ? [-value] : [])]) {
              const r = structuredClone(base);
              r[table][row]![column] = value + delta;
              mutations++;
              const found = arithmetic(r);
              const names = found.some((f) => {
                const [fr, fc] = rowColumn(f.at);
                return f.at.startsWith(table) && (fr === row || fc === column);
              });
              if (!names) missed.push(`${name} ${table}.${row}.${column} ${delta > 0 ? '+' : ''}${delta}`);
              const s = found.find((f) => f.suggestion)?.suggestion;
              if (s?.certainty === 'unique') {
                unique++;
                const [cell] = s.cells;
                if (s.cells.length === 1 && cell!.at === `${table}.${row}.${column}` && cell!.suggested === value) uniqueRight++;
              }
            }
          }
        }
      }
    }
    console.log(
      `[mutation] ${mutations} one-cell mutations over ${fixtures.length} fixtures: all found = ${missed.length === 0}; ` +
        `unique minimal correction in ${unique} (${((unique / mutations) * 100).toFixed(1)} %), of which the mutated cell in ${uniqueRight}`,
    );
    expect(missed).toEqual([]);
    expect(uniqueRight).toBe(unique);
    expect(unique).toBeGreaterThan(0);
  });
});
