import { describe, expect, it } from 'vitest';
import { emptyReport } from '../../src/model/report.js';
import { reportJsonSchema, validateReport } from '../../src/model/schema.js';
import { TEMPLATE_2019, TEMPLATE_2021, applicationRowKeys } from '../../src/template/templates.js';

describe('the templates as data', () => {
  it('has the spec row keys of table 三, in template order', () => {
    expect(applicationRowKeys('2021', false)).toHaveLength(25);
    expect(applicationRowKeys('2019', false)).toHaveLength(23);
    expect(applicationRowKeys('2021', true)).toContain('otherHandling');
    expect(TEMPLATE_2021.applicationColumns.map((c) => c.key)).toEqual([
      'naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total',
    ]);
  });
  it('differs between 2019 and 2021 exactly where the notices differ', () => {
    const rows = (t: typeof TEMPLATE_2019) => t.proactive.flatMap((b) => b.rows.map((r) => r.key));
    expect(rows(TEMPLATE_2019)).toEqual(['regulations', 'normativeDocuments', 'licensing', 'otherServices', 'penalty', 'coercion', 'fees', 'procurement']);
    expect(rows(TEMPLATE_2021)).toEqual(['regulations', 'normativeDocuments', 'licensing', 'penalty', 'coercion', 'fees']);
    expect(TEMPLATE_2019.sections[3]!.title).toBe('四、因政府信息公开工作被申请行政复议、提起行政诉讼情况');
  });
  it('gives empty models that satisfy the schema, for both templates', () => {
    expect(validateReport(emptyReport('2019')).ok).toBe(true);
    expect(validateReport(emptyReport('2021', { singleOtherHandling: true })).ok).toBe(true);
    const broken = { ...emptyReport('2021'), applications: {} };
    const v = validateReport(broken);
    expect(v.ok).toBe(false);
  });
  it('exports a JSON Schema with both templates', () => {
    const text = JSON.stringify(reportJsonSchema());
    expect(text).toContain('procurement');
    expect(text).toContain('inForce');
  });
});
