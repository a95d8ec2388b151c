/**
 * The CLI's composition root: the one place a command opens the database — the embedded one in
 * GONGKAI_DATA_DIR (./data by default), or PostgreSQL when DATABASE_URL is set — and builds the
 * use cases' services on it (src/app/services.ts), closing it when the command is done.
 */
import type { AppServices } from '../app/context.js';
import { openServices } from '../app/services.js';
import { openDb } from '../store/db.js';

/** Run `work` with the services on the configured database, closed afterwards whatever happens. */
export async function withServices<T>(work: (s: AppServices) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  const db = await openDb(url ? { url } : { dataDir: process.env.GONGKAI_DATA_DIR ?? './data' });
  try {
    return await work(await openServices(db));
  } finally {
    await db.close();
  }
}
