/**
 * A body's page, the quality assessment and the public region page at a province's scale: the
 * directory of bench/indicators.ts (3,000 bodies, 1 province, 10 cities, 100 counties) × 5 years
 * of its balanced tables, each report with a late publication and a blank cell found. Measured on
 * PGlite (and PostgreSQL when GONGKAI_BENCH_DATABASE_URL is set): one body's page (5 years side
 * by side, changes, narrative, findings, indicators against its county), the county's and the
 * province's assessment in Word, the province's public page and its CSV. Also, pure: the shared
 * passages of two years' narratives. Times are printed, never asserted.
 */
import { publicRegionData, publicRegionReports } from '../src/app/public-region.js';
import { regionAssessment } from '../src/app/supervision/assessment.js';
import { bodyPage } from '../src/app/supervision/body-page.js';
import { sharedNarrative } from '../src/corpus/shared-passages.js';
import { emptyReport } from '../src/model/report.js';
import { BodyYearsStore } from '../src/store/body-years-store.js';
import type { Db } from '../src/store/db.js';
import { onEachDatabase } from './databases.js';
import { loadProvince, YEARS } from './indicators.js';

const PARAGRAPH = '坚持以公开促落实、以公开强监管、以公开优服务，全面推进决策、执行、管理、服务、结果公开，持续深化重点领域信息公开。';

const sections = (i: number, year: number) => [
  { no: 1, title: '一、总体情况', text: `${year}年，本单位${PARAGRAPH.repeat(4)}第${i}号单位新建公开栏${year % 7}处。` },
  { no: 5, title: '五、存在的主要问题及改进情况', text: `政策解读形式还比较单一，${year % 2 ? '下一步将增加图解' : '将推进视频解读'}。` },
  { no: 6, title: '六、其他需要报告的事项', text: '本年未收取信息处理费。' },
];

const findings = (id: string, year: number) => [
  { code: 'PUB.LATE', severity: 'warning', at: 'publishedOn', message: `发布日期晚于期限 ${year + 1}年1月31日`, fingerprint: `${id}${year}late`.padEnd(16, '0').slice(0, 16) },
  { code: 'VALUE.BLANK', severity: 'warning', at: 'applications.newReceived.naturalPerson', message: '应填数字处空白', fingerprint: `${id}${year}blank`.padEnd(16, '0').slice(0, 16) },
];

function benchPure(): void {
  const a = { ...emptyReport('2021'), sections: sections(1, 2024) };
  const b = { ...emptyReport('2021'), sections: sections(1, 2023) };
  const n = 2000;
  const start = performance.now();
  for (let k = 0; k < n; k++) sharedNarrative(a, b);
  const ms = performance.now() - start;
  console.log(`雷同段落 shared passages (pure): ${(ms / n).toFixed(2)} ms/对 per pair of ${a.sections.reduce((x, s) => x + s.text.length, 0)}-character narratives`);
}

async function time<T>(runs: number, f: () => Promise<T>): Promise<{ median: number; max: number }> {
  const xs: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await f();
    xs.push(performance.now() - start);
  }
  xs.sort((p, q) => p - q);
  return { median: xs[Math.floor(xs.length / 2)]!, max: xs[xs.length - 1]! };
}

async function measure(name: string, db: Db): Promise<void> {
  try {
    const { s, ids, admin } = await loadProvince(db, (id, i, y) => ({ published: `${y + 1}-02-10`, findings: findings(id, y), sections: sections(i, y) }));
    await s.db.transaction((tx) => BodyYearsStore.setPublicRegion(tx, '990000', true, 'bench'));
    const county = (await db.query<{ id: string }>("SELECT id FROM bodies WHERE region_code LIKE '990101%' ORDER BY id LIMIT 1"))[0]!.id;
    const ms = (t: { median: number; max: number }) => `中位 ${t.median.toFixed(0)} ms，最慢 ${t.max.toFixed(0)} ms`;
    const body = await time(5, () => bodyPage(s, admin, { id: county }));
    const countyDoc = await time(5, () => regionAssessment(s, admin, { region: '990101', year: 2024, format: 'docx' }));
    const provinceDoc = await time(3, () => regionAssessment(s, admin, { region: '990000', year: 2024, format: 'docx' }));
    const page = await time(5, () => publicRegionReports(s, { code: '990000', year: 2024 }));
    const csv = await time(3, () => publicRegionData(s, { code: '990000', year: 2024, format: 'csv' }));
    console.log(
      `机关页与评估 body page & assessment on ${name} (${ids.length} 个机关 × ${YEARS.length} 年): 机关页（5 年并列）${ms(body)}; ` +
        `县评估 Word ${ms(countyDoc)}; 全省评估 Word ${ms(provinceDoc)}; 全省公开页 ${ms(page)}; 全省 CSV ${ms(csv)}`,
    );
  } finally {
    await db.close();
  }
}

export async function benchBodyPage(): Promise<void> {
  benchPure();
  await onEachDatabase('gongkai_bench_body', measure);
}

// `tsx bench/body-page.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) await benchBodyPage();
