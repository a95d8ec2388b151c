/**
 * The databases a benchmark runs on: PGlite always, and PostgreSQL when GONGKAI_BENCH_DATABASE_URL
 * names a server — in a database of its own, made fresh for the run, so runs do not collide.
 */
import { openPglite, openPostgres, type Db } from '../src/store/db.js';

export async function onEachDatabase(prefix: string, measure: (label: string, db: Db) => Promise<void>): Promise<void> {
  await measure('PGlite', await openPglite());
  const url = process.env.GONGKAI_BENCH_DATABASE_URL;
  if (!url) {
    console.log('（未设置 GONGKAI_BENCH_DATABASE_URL，跳过 PostgreSQL / PostgreSQL skipped）');
    return;
  }
  const admin = await openPostgres(url);
  const name = `${prefix}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  await measure('PostgreSQL', await openPostgres(url.replace(/\/[^/]*$/, `/${name}`)));
}
