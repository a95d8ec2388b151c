/**
 * The check of a report being written (the web editor, in the browser and on the server): every
 * rule of `checkReport`, and a warning for each empty cell. A parsed report gets VALUE.BLANK
 * from its reader; a draft has no reader, and an empty cell prints as “/” — so the officer is
 * told, cell by cell, rather than finding out from the county.
 */
import { forEachCell, type AnnualReport } from '../model/report.js';
import { checkReport } from './check.js';
import { sortFindings, type Finding } from './finding.js';
import { placeName } from './labels.js';

function blankFindings(report: AnnualReport, already: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  forEachCell(report, (table, row, column, value) => {
    const at = `${table}.${row}.${column}`;
    if (value !== null || already.has(at)) return;
    findings.push({
      code: 'VALUE.BLANK',
      severity: 'warning',
      message: `${placeName(at)}没有填写，发布时将印作“/”；应填数字，确实没有请填 0`,
      at,
      expected: null,
      found: null,
    });
  });
  return findings;
}

export function checkDraft(report: AnnualReport, previous: AnnualReport | null = null): Finding[] {
  const findings = checkReport(report, previous ? { previous } : {});
  const already = new Set(findings.filter((f) => f.code === 'VALUE.BLANK').map((f) => f.at));
  return sortFindings([...findings, ...blankFindings(report, already)]);
}
