/**
 * The 年度报告质量评估 as words, from findings and flags typed by hand: a body without a report,
 * a clean report, a region's ranking (errors first, then warnings, 提示 alone not ranked) — the
 * same input always the same text.
 */
import { describe, expect, it } from 'vitest';
import { writeAssessment, type AssessedBody, type AssessedFinding } from '../../src/render/quality-assessment.js';

const finding = (code: string, severity: AssessedFinding['severity'], family: AssessedFinding['family'], status: AssessedFinding['status'] = 'new'): AssessedFinding => ({
  code, severity, family, status, place: '表三“总计”列', message: `${code} 的说明`, reason: null,
});
const body = (name: string, findings: AssessedFinding[] = [], more: Partial<AssessedBody> = {}): AssessedBody => ({
  name, reported: true, publishedOn: '2025-01-20', template: '2021', findings, flags: [], corrections: 0, version: 1, ...more,
});
const common = { year: 2024, from: '某县政务公开办', date: '2025-04-01' };
const texts = (a: ReturnType<typeof writeAssessment>) => a.sections.map((s) => `${s.heading}｜${s.paragraphs.join('')}`);

describe('writeAssessment', () => {
  it('a body that published nothing: said so, and what to do', () => {
    const a = writeAssessment({ ...common, kind: 'body', body: body('甲镇人民政府', [], { reported: false, publishedOn: null, template: null }) });
    expect(a.title).toBe('甲镇人民政府2024年度政府信息公开工作年度报告质量评估');
    expect(texts(a)).toEqual([
      '一、总体情况｜截至评估之日，未见甲镇人民政府发布2024年度政府信息公开工作年度报告，无法对报告质量作出评估。',
      '二、意见建议｜请按《中华人民共和国政府信息公开条例》第四十九条的规定，尽快编制并公布2024年度政府信息公开工作年度报告。',
    ]);
    expect(a.signature).toEqual(['某县政务公开办', '2025年4月1日']);
  });

  it('a clean report: every aspect says nothing was found, and the advice is to keep on', () => {
    const a = writeAssessment({ ...common, kind: 'body', body: body('乙乡人民政府') });
    expect(texts(a)).toEqual([
      '一、总体情况｜乙乡人民政府于2025年1月20日发布《2024年政府信息公开工作年度报告》（按2021年模板填报）。经逐项检查，未发现问题。',
      '二、完整性｜报告六个部分和三张统计表齐全，应填数字处均已填写。',
      '三、一致性｜表内、表间、正文与表格、本年与上年报告之间的勾稽关系均未发现问题。',
      '四、及时性｜报告于2025年1月20日发布，未晚于规定期限。',
      '五、内容雷同｜第一、五、六部分未发现与上年报告或其他机关报告内容雷同。',
      '六、指标预警｜各项指标均未达到预警阈值（分母过小、不作评判的指标除外）。',
      '七、问题处理情况｜问题清单中该机关本年度没有问题。',
      '八、意见建议｜一是保持现有工作质量，继续按规定格式和期限编制、公布年度报告。',
    ]);
  });

  it('a region ranks bodies by errors, then warnings; a body with only 提示 is not ranked; dismissed findings do not count', () => {
    const bodies = [
      body('丙街道办事处', [finding('VALUE.BLANK', 'warning', 'value'), finding('PUB.LATE', 'warning', 'publication')]),
      body('甲镇人民政府', [finding('T3.BALANCE', 'error', 'arithmetic'), finding('T3.ROW_TOTAL', 'error', 'arithmetic', 'dismissed')]),
      body('乙乡人民政府', [finding('STRUCT.LABEL_VARIANT', 'info', 'structure')]),
      body('丁局', [], { reported: false }),
    ];
    const a = writeAssessment({ ...common, kind: 'region', region: '某县', bodies });
    const ranking = a.sections.find((s) => s.heading.endsWith('问题较多的机关'))!;
    expect(ranking.paragraphs).toEqual(['1. 甲镇人民政府：错误1个。', '2. 丙街道办事处：警告2个。']);
    expect(a.sections[0]!.paragraphs[0]).toBe('本地区纳入评估的机关4个，已发布2024年度报告3个，未发布1个；逾期发布1个；存在错误的1个。共发现问题：错误1个、警告2个、提示1个。');
    // 乙乡's label worded otherwise (提示) is no gap; 丙's blank cell is.
    expect(a.sections[1]!.paragraphs[0]).toMatch(/^1个机关的报告存在完整性问题，共1个，例如：丙街道办事处，/);
    expect(writeAssessment({ ...common, kind: 'region', region: '某县', bodies })).toEqual(a);
  });
});
