/**
 * `npm run bench` (register part): applications registered per second one by one, a bulk
 * import, and the time to produce a year's report from 100,000 applications — on PGlite, and
 * on PostgreSQL when GONGKAI_BENCH_DATABASE_URL names a server.
 */
import { registerReport } from '../src/app/register/records.js';
import { appendEvent, logApplication, logImportedApplications } from '../src/app/register/writes.js';
import { openServices } from '../src/app/services.js';
import type { Db } from '../src/store/db.js';
import { onEachDatabase } from './databases.js';
import { APPLICANT_TYPES, OUTCOME_KEYS, type Application } from '../src/register/types.js';

const iso = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

function generated(n: number, prefix: string): Application[] {
  let seed = 7;
  const r = (k: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % k);
  return Array.from({ length: n }, (_, i) => {
    const day = r(2 * 365);
    const closed = r(10) > 1;
    return {
      id: `${prefix}${i}`,
      applicant: { type: APPLICANT_TYPES[r(APPLICANT_TYPES.length)]!, name: '申请人' },
      description: '某项政府信息',
      channel: 'online' as const,
      receivedOn: iso(day),
      events: closed ? [{ kind: 'replied' as const, on: iso(day + r(40)), outcome: OUTCOME_KEYS[r(OUTCOME_KEYS.length)]! }] : [],
    };
  });
}

async function measure(name: string, db: Db): Promise<void> {
  const s = await openServices(db);
  try {
    await s.register.addBody('bench', '基准镇人民政府', 'bench');
    const single = generated(500, 'S');
    let start = performance.now();
    for (const a of single) {
      await logApplication(s, 'bench', 'bench', a);
      for (const e of a.events) await appendEvent(s, 'bench', a.id, e);
    }
    const perSecond = single.length / ((performance.now() - start) / 1000);
    const bulk = generated(100_000, 'B');
    start = performance.now();
    await logImportedApplications(s, 'bench', 'bench', bulk);
    const importMs = performance.now() - start;
    start = performance.now();
    const report = await registerReport(s, 'bench', 2025);
    const reportMs = performance.now() - start;
    console.log(
      `台账 register on ${name}: 逐件登记 ${perSecond.toFixed(0)} 件/秒 applications/s (with their reply events); ` +
        `批量导入 10万件 bulk import of 100,000 ${(importMs / 1000).toFixed(1)} s; ` +
        `由 100,500 件生成年度报告 year report from 100,500 ${reportMs.toFixed(0)} ms (新收 ${report.applications.newReceived!.total})`,
    );
  } finally {
    await db.close();
  }
}

export async function benchRegister(): Promise<void> {
  await onEachDatabase('gongkai_bench', measure);
}
