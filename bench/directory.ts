/**
 * The directory at a city's scale: importing 3,000 bodies under 1 province, 10 cities and 100
 * counties (test/support/directory-file.ts) in one transaction, then exporting it as Excel — on
 * PGlite, and on PostgreSQL when GONGKAI_BENCH_DATABASE_URL is set.
 */
import { operator } from '../src/accounts/permissions.js';
import { exportDirectory, importDirectory } from '../src/app/directory/index.js';
import { openServices } from '../src/app/services.js';
import type { Db } from '../src/store/db.js';
import { onEachDatabase } from './databases.js';
import { generatedDirectory } from '../test/support/directory-file.js';

async function measure(name: string, db: Db): Promise<void> {
  try {
    const s = await openServices(db);
    const admin = operator('bench');
    const bytes = new TextEncoder().encode(generatedDirectory());
    let start = performance.now();
    const summary = await importDirectory(s, admin, { bytes, fileName: 'bench.csv' });
    const importMs = performance.now() - start;
    start = performance.now();
    await importDirectory(s, admin, { bytes, fileName: 'bench.csv' });
    const againMs = performance.now() - start;
    start = performance.now();
    const xlsx = await exportDirectory(s, admin, 'xlsx');
    const exportMs = performance.now() - start;
    console.log(
      `机关名录 directory on ${name}: 导入 ${summary.created} 个机关、${summary.regions} 个地区 import ${(importMs / 1000).toFixed(2)} s; ` +
        `再次导入（全部更新）re-import ${(againMs / 1000).toFixed(2)} s; 导出 Excel export ${(exportMs / 1000).toFixed(2)} s (${(xlsx.bytes.length / 1024).toFixed(0)} KiB)`,
    );
  } finally {
    await db.close();
  }
}

export async function benchDirectory(): Promise<void> {
  await onEachDatabase('gongkai_bench_dir', measure);
}

// `tsx bench/directory.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) await benchDirectory();
