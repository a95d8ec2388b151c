/**
 * A rollup's blank cells collapse to one line per body and column when a body's report lacks a
 * whole column: four towns, one of which printed table 三 without the “其他” column, give one
 * warning for that town and column — not one per row — while a single blank cell of another town
 * is still named by its row and column.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rollup } from '../../src/corpus/rollup.js';
import type { AnnualReport } from '../../src/model/report.js';
import { parseBytes } from '../../src/parse.js';
import { FIXTURES } from '../support/shared.js';

const yunling = parseBytes(readFileSync(join(FIXTURES, 'reports', 'yunling-2024.tsv.txt'))).report;

const town = (unit: string): AnnualReport => ({ ...structuredClone(yunling), unit });
const TOWNS = ['青禾县东镇人民政府', '青禾县西镇人民政府', '青禾县南镇人民政府', '青禾县北镇人民政府'];

describe('rollup: a missing column is one warning per body and column', () => {
  it('says once that 北镇 has no “其他” column, and names 东镇’s single blank cell by row and column', () => {
    const [east, west, south, north] = TOWNS.map(town) as [AnnualReport, AnnualReport, AnnualReport, AnnualReport];
    const rows = Object.keys(north.applications);
    for (const row of rows) north.applications[row]!.otherOrg = null;
    east.applications.granted!.naturalPerson = null;

    const { report } = rollup([east, west, south, north], { unit: '青禾县' });
    const nulls = report.diagnostics.filter((d) => d.code === 'ROLLUP.NULL_CELL');
    expect(nulls).toHaveLength(2);
    const column = nulls.find((d) => d.message.includes('北镇'))!;
    expect(column.message).toContain('表三“其他”列');
    expect(column.message).toContain(`有${rows.length}行此列为空`);
    expect(column.message).not.toContain('东镇');
    const cell = nulls.find((d) => d.message.includes('东镇'))!;
    expect(cell.at).toBe('applications.granted.naturalPerson');
    expect(cell.message).toContain('表三“（一）予以公开”行“自然人”列');
    expect(cell.message).not.toContain('北镇');
    // The sums stay blank where any town is blank, never read as 0.
    for (const row of rows) expect(report.applications[row]!.otherOrg).toBeNull();
    expect(report.applications.granted!.naturalPerson).toBeNull();
    expect(report.applications.granted!.commercial).toBe(4 * yunling.applications.granted!.commercial!);
  });
});
