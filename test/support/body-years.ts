/**
 * The indicator region of test/support/indicator-region.ts with what a body's page and the public
 * region page read beyond the tables, typed by hand: 甲镇's narrative of 2023 and 2024 (2024's
 * first section ends with a passage copied from 2023's), publication dates, and findings —
 * 甲镇 2024 published late (PUB.LATE), a row total that does not add up (T3.ROW_TOTAL, an
 * error), a blank cell (VALUE.BLANK); 乙乡 2024 published late too, which the tests dismiss.
 */
import { fingerprintOf } from '../../src/app/supervision/fingerprint.js';
import type { Section } from '../../src/model/report.js';
import type { Finding } from '../../src/rules/finding.js';
import type { AppDeps } from '../../src/server/context.js';
import { seedRegion } from './indicator-region.js';

/** The passage 甲镇 wrote in 2023 and copied into 2024 (no figure or date character at its ends). */
export const COPIED = '坚持以公开促落实、以公开强监管、以公开优服务，全面推进决策、执行、管理、服务、结果公开，持续深化重点领域信息公开，切实保障人民群众的知情权、参与权、表达权和监督权。';
export const OWN_2023 = '本镇新建村务公开栏，调整信息发布流程。';
export const OWN_2024 = '今年我们重点做好征地拆迁补偿标准的公开工作，';
/** Both years' section 六: too short to count as copied. */
export const FEES = '本年未收取信息处理费。';

const sections = (one: string, five: string): Section[] => [
  { no: 1, title: '一、总体情况', text: one },
  { no: 5, title: '五、存在的主要问题及改进情况', text: five },
  { no: 6, title: '六、其他需要报告的事项', text: FEES },
];

export const JIA_FINDINGS = [
  { code: 'T3.ROW_TOTAL', severity: 'error', at: 'applications.newReceived.total', message: '本年新收：总计 20 不等于六类申请人之和 0' },
  { code: 'PUB.LATE', severity: 'warning', at: 'publishedOn', message: '发布日期 2025年3月5日 晚于期限 2025年1月31日' },
  { code: 'VALUE.BLANK', severity: 'warning', at: 'applications.newReceived.naturalPerson', message: '表三本年新收的自然人一格空白，应填 0' },
] as const;
export const YI_LATE = { code: 'PUB.LATE', severity: 'warning', at: 'publishedOn', message: '发布日期 2025年2月3日 晚于期限 2025年1月31日' } as const;

const withFingerprint = (bodyId: string, unit: string, year: number, fs: readonly Pick<Finding, 'code' | 'severity' | 'at' | 'message'>[]) =>
  fs.map((f) => ({ ...f, fingerprint: fingerprintOf({ bodyId, unit }, year, f) }));

export const yiLateFingerprint = () => fingerprintOf({ bodyId: 'yi', unit: '乙乡人民政府' }, 2024, YI_LATE);

/** seedRegion, then the narratives, dates and findings above. */
export async function seedBodyYears(deps: AppDeps): Promise<Record<string, number>> {
  const ids = await seedRegion(deps);
  const { db } = deps;
  const setModel = (id: number, patch: object) => db.query("UPDATE published_reports SET model = model || $2::jsonb WHERE id = $1", [id, JSON.stringify(patch)]);
  await setModel(ids['jia-2023']!, { sections: sections(`${COPIED}${OWN_2023}`, '部分村务公开栏信息更新不及时。') });
  await setModel(ids['jia-2024']!, { sections: sections(`${OWN_2024}${COPIED}`, '政策解读的形式还比较单一，下一步将增加图解和视频解读。') });
  const set = (id: number, publishedOn: string | null, findings: unknown[]) =>
    db.query('UPDATE published_reports SET published_on = $2, findings = $3 WHERE id = $1', [id, publishedOn, JSON.stringify(findings)]);
  await set(ids['jia-2024']!, '2025-03-05', withFingerprint('jia', '甲镇人民政府', 2024, JIA_FINDINGS));
  await set(ids['jia-2023']!, '2024-01-20', []);
  await set(ids['yi-2024']!, '2025-02-03', withFingerprint('yi', '乙乡人民政府', 2024, [YI_LATE]));
  await set(ids['bing-2024']!, null, []);
  await set(ids['ding-2024']!, '2025-01-10', []);
  await set(ids['hk-2024']!, '2025-01-15', []);
  return ids;
}
