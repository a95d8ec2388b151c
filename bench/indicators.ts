/**
 * Indicators at a province's scale: 3,000 bodies (test/support/directory-file.ts) × 5 years of
 * made-up but balanced tables. Measured: the pure computation of every body's indicators with the
 * distribution, ranks and change on last year for each year; and the whole use case (the tables
 * read from published_reports, the thresholds, the table) for the province and for one county —
 * on PGlite, and on PostgreSQL when GONGKAI_BENCH_DATABASE_URL is set. Times are printed, never
 * asserted.
 */
import { operator, type SessionUser } from '../src/accounts/permissions.js';
import { importDirectory } from '../src/app/directory/index.js';
import { indicatorView } from '../src/app/indicators.js';
import { openServices } from '../src/app/services.js';
import type { ReportTables } from '../src/indicators/compute.js';
import { applicableThresholds, indicatorTable } from '../src/indicators/table.js';
import { emptyReport } from '../src/model/report.js';
import type { Db } from '../src/store/db.js';
import { onEachDatabase } from './databases.js';
import { generatedDirectory } from '../test/support/directory-file.js';

export const YEARS = [2020, 2021, 2022, 2023, 2024];

/** A deterministic, balanced 2021-template table set for body number `i` and a year. */
export function tables(i: number, year: number): ReportTables {
  const r = emptyReport('2021');
  const n = (k: number) => ((i * 7919 + year * 104729 + k * 31) % 97) / 97;
  const received = Math.round(n(1) * 60);
  const carriedOver = Math.round(n(2) * 5);
  const carriedForward = Math.min(received + carriedOver, Math.round(n(3) * 5));
  const closed = received + carriedOver - carriedForward;
  const granted = Math.round(closed * n(4) * 0.7);
  const partly = Math.round((closed - granted) * n(5) * 0.3);
  const withheld = Math.round((closed - granted - partly) * n(6) * 0.3);
  const unavailable = closed - granted - partly - withheld;
  for (const row of Object.values(r.applications)) row.total = 0;
  Object.assign(r.applications.newReceived!, { total: received });
  Object.assign(r.applications.carriedOver!, { total: carriedOver });
  Object.assign(r.applications.granted!, { total: granted });
  Object.assign(r.applications.partlyGranted!, { total: partly });
  Object.assign(r.applications['withheld.processInfo']!, { total: withheld });
  Object.assign(r.applications['unavailable.notHeld']!, { total: unavailable });
  Object.assign(r.applications.total!, { total: closed });
  Object.assign(r.applications.carriedForward!, { total: carriedForward });
  const cases = Math.round(n(7) * 6);
  for (const g of Object.values(r.appeals)) Object.assign(g, { upheld: cases, corrected: Math.round(cases * n(8) * 0.4), other: 0, pending: 0, total: cases + Math.round(cases * n(8) * 0.4) });
  for (const row of Object.values(r.proactive)) for (const k of Object.keys(row)) row[k] = Math.round(n(9) * 10);
  return { template: r.template, proactive: r.proactive, applications: r.applications, appeals: r.appeals };
}

function benchPure(ids: readonly string[]): void {
  const reports = new Map(ids.map((id, i) => [id, new Map(YEARS.map((y) => [y, tables(i, y)]))]));
  const bodies = ids.map((id) => ({ id, name: id }));
  const thresholds = applicableThresholds([]);
  const start = performance.now();
  for (const y of YEARS) indicatorTable(bodies, reports, y, thresholds);
  const ms = performance.now() - start;
  console.log(`指标计算 indicators (pure): ${ids.length} 个机关 × ${YEARS.length} 年，含分布、排名、与上年比 ${ms.toFixed(0)} ms（每年 ${(ms / YEARS.length).toFixed(0)} ms）`);
}

/** What a report of the generated province says beside its tables: its date, findings and text. */
export type ReportDetails = (id: string, index: number, year: number) => { published: string | null; findings: unknown[]; sections: unknown[] };

/**
 * The generated province (3,000 bodies) with five years of reports, written straight into the
 * store 500 at a time, and an administrator to read it as.
 */
export async function loadProvince(db: Db, details: ReportDetails = () => ({ published: null, findings: [], sections: [] })) {
  const s = await openServices(db);
  await importDirectory(s, operator('bench'), { bytes: new TextEncoder().encode(generatedDirectory()), fileName: 'bench.csv' });
  const ids = (await db.query<{ id: string }>('SELECT id FROM bodies ORDER BY id')).map((r) => r.id);
  const userId = await s.accounts.createUser({ username: 'bench-admin', displayName: '基准测试', passwordHash: 'x', role: 'admin', bodies: [] }, 'bench');
  const start = performance.now();
  for (const y of YEARS) {
    for (let from = 0; from < ids.length; from += 500) {
      const rows = ids.slice(from, from + 500).map((id, k) => {
        const d = details(id, from + k, y);
        return {
          sha: `${id}-${y}`, id, year: y, published: d.published, findings: d.findings,
          model: { schema: 'gongkai.report/v1', unit: id, year: y, title: null, publishedOn: d.published, sections: d.sections, diagnostics: [], provenance: {}, ...tables(from + k, y) },
        };
      });
      await db.query(
        `INSERT INTO published_reports (sha256, file_name, format, body_id, unit, year, published_on, template, model, findings, uploaded_by)
         SELECT r.sha, r.sha || '.txt', 'text', r.id, r.id, r.year, r.published, '2021', r.model, r.findings, $2
           FROM jsonb_to_recordset($1::jsonb) AS r(sha text, id text, year int, published text, model jsonb, findings jsonb)`,
        [JSON.stringify(rows), userId],
      );
    }
  }
  const loadMs = performance.now() - start;
  const admin: SessionUser = { id: userId, username: 'bench-admin', displayName: '基准测试', role: 'admin', bodies: [] };
  return { s, ids, admin, loadMs };
}

async function measure(name: string, db: Db): Promise<void> {
  try {
    const { s, ids, admin, loadMs } = await loadProvince(db);
    const times: Record<string, number[]> = { province: [], county: [] };
    for (let run = 0; run < 5; run++) {
      let start = performance.now();
      const all = await indicatorView(s, admin, { year: 2024, region: '990000' });
      times.province!.push(performance.now() - start);
      start = performance.now();
      await indicatorView(s, admin, { year: 2024, region: '990101' });
      times.county!.push(performance.now() - start);
      if (all.bodies.length !== ids.length) throw new Error(`expected ${ids.length} bodies, got ${all.bodies.length}`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      `指标 indicators on ${name}: 载入 ${ids.length * YEARS.length} 份报告 ${(loadMs / 1000).toFixed(1)} s; ` +
        `全省 ${ids.length} 个机关一年（读两年表格）中位 ${median(times.province!).toFixed(0)} ms, 最慢 ${Math.max(...times.province!).toFixed(0)} ms; ` +
        `一个县（29 个机关）中位 ${median(times.county!).toFixed(0)} ms`,
    );
  } finally {
    await db.close();
  }
}

export async function benchIndicators(): Promise<void> {
  benchPure(Array.from({ length: 3000 }, (_, i) => `b${i}`));
  await onEachDatabase('gongkai_bench_ind', measure);
}

// `tsx bench/indicators.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) await benchIndicators();
