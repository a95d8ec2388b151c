/**
 * The figures behind the supervisor's charts and the summary sheets' columns, against the
 * numbers printed in our fixture reports (typed here by hand).
 */
import { describe, expect, it } from 'vitest';
import { figuresOf, OUTCOME_LABELS, sumOrNull } from '../../src/corpus/series.js';
import { columnsUsedBy, summaryColumnsOf, summaryLabels, summaryValues } from '../../src/corpus/summary.js';
import { fixtureModel, YUNLING_2024_FIGURES } from '../support/analysis-fixtures.js';

const yunling = fixtureModel('yunling-2024.tsv.txt');
const linye = fixtureModel('linye-2024-template2019.txt');

describe('chart figures of one report', () => {
  it('reads 云岭镇 2024 as printed', () => {
    expect(figuresOf(yunling)).toEqual(YUNLING_2024_FIGURES);
  });

  it('reads the 2019 template’s single （六） row', () => {
    expect(figuresOf(linye).outcomes).toEqual({ granted: 3, partlyGranted: 0, withheld: 0, unavailable: 1, notProcessed: 0, otherHandling: 0 });
  });

  it('never reads a blank cell as 0', () => {
    const r = structuredClone(yunling);
    r.applications['withheld.stateSecret']!.total = null;
    r.appeals.litigationAfterReconsideration!.total = null;
    const f = figuresOf(r);
    expect(f.outcomes.withheld).toBeNull();
    expect(f.outcomes.granted).toBe(5);
    expect(f.litigation).toBeNull();
    expect(sumOrNull([])).toBeNull();
    expect(sumOrNull([1, 2])).toBe(3);
  });

  it('labels the kinds as the template prints them', () => {
    expect(OUTCOME_LABELS).toEqual({
      granted: '（一）予以公开',
      partlyGranted: '（二）部分公开',
      withheld: '（三）不予公开',
      unavailable: '（四）无法提供',
      notProcessed: '（五）不予处理',
      otherHandling: '（六）其他处理',
    });
  });
});

describe('summary columns', () => {
  it('keeps only the columns the reports carry, in template order', () => {
    const only2021 = columnsUsedBy('proactive', [yunling]);
    expect(only2021).toEqual([
      'regulations.issued', 'regulations.repealed', 'regulations.inForce',
      'normativeDocuments.issued', 'normativeDocuments.repealed', 'normativeDocuments.inForce',
      'licensing.decisions', 'penalty.decisions', 'coercion.decisions', 'fees.amount',
    ]);
    const both = columnsUsedBy('proactive', [yunling, linye]);
    expect(both).toContain('procurement.amount');
    expect(both).toEqual(expect.arrayContaining(['regulations.issued', 'regulations.newlyMade']));
    expect(summaryColumnsOf('proactive')).toEqual(expect.arrayContaining(both));
    // 2021's table 三 has the three （六） sub-rows; 2019's single row joins only with a 2019 report.
    expect(columnsUsedBy('applications', [yunling])).not.toContain('otherHandling.total');
    expect(columnsUsedBy('applications', [yunling, linye])).toContain('otherHandling.total');
  });

  it('reads values and labels from the template', () => {
    expect(summaryValues(yunling, 'applications', ['newReceived.total', 'unavailable.notHeld.naturalPerson', 'nosuch.total'])).toEqual([10, 2, null]);
    expect(summaryLabels('applications', 'withheld.thirdPartyRights.commercial')).toEqual({ row: '（三）不予公开 4.保护第三方合法权益', column: '商业企业' });
    expect(summaryLabels('proactive', 'fees.amount')).toEqual({ row: '行政事业性收费', column: '本年收费金额（单位：万元）' });
    expect(summaryLabels('appeals', 'litigationDirect.pending')).toEqual({ row: '行政诉讼·未经复议直接起诉', column: '尚未审结' });
  });
});
