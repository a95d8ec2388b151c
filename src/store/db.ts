/**
 * The one database interface the store needs, implemented by PGlite (embedded PostgreSQL in
 * WebAssembly, the default: nothing to install) and by `pg` for a PostgreSQL server
 * (`DATABASE_URL`). The same SQL runs on both.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { lockFolder } from './folder-lock.js';

export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Run a script of several statements (migrations), without parameters. */
  exec(sql: string): Promise<void>;
  /** Run `work` in one transaction; it commits when `work` resolves and rolls back when it throws. */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

/**
 * Take the data folder for this process. PGlite writes a `postmaster.pid` with a fixed fake pid
 * and waits forever on a folder whose previous process was killed (kill -9, power cut) before it
 * could remove it; its pid cannot tell a live owner from a dead one. So we keep our own lock
 * (src/store/folder-lock.ts: atomic, with the owner's process start time beside its pid): a live
 * owner is refused with a clear message, a dead one's leftovers are cleared.
 */
function lockDataDir(dataDir: string): () => void {
  const unlock = lockFolder(dataDir);
  // The previous owner is gone: its PostgreSQL lock file is stale.
  rmSync(join(dataDir, 'postmaster.pid'), { force: true });
  return unlock;
}

/** PGlite, in memory (`dataDir` undefined) or in a folder. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  // A folder PGlite cannot open is given back.
  const pg = await (dataDir ? PGlite.create(dataDir) : PGlite.create()).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const wrap = (q: { query: typeof pg.query }): Db['query'] =>
    async (sql, params = []) => (await q.query(sql, [...params])).rows as never;
  const execOf = (q: { exec: typeof pg.exec }) => async (sql: string) => {
    await q.exec(sql);
  };
  return {
    kind: 'pglite',
    query: wrap(pg),
    exec: execOf(pg),
    transaction: (work) =>
      pg.transaction((tx) =>
        work({ kind: 'pglite', query: wrap(tx), exec: execOf(tx), transaction: () => Promise.reject(new Error('nested transaction')), close: async () => {} }),
      ),
    close: async () => {
      await pg.close();
      unlock();
    },
  };
}

/** A PostgreSQL server through a small `pg` pool. */
export async function openPostgres(url: string): Promise<Db> {
  const { default: pg } = await import('pg');
  // Dates travel as text both ways: no time-zone shifts between drivers.
  pg.types.setTypeParser(1082, (v: string) => v);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // Without parameters node-postgres uses the simple protocol, which also runs multi-statement scripts.
  const query: Db['query'] = async (sql, params = []) => (await (params.length ? pool.query(sql, [...params]) : pool.query(sql))).rows as never;
  return {
    kind: 'postgres',
    query,
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Db = {
          kind: 'postgres',
          query: async (sql, params = []) => (await (params.length ? client.query(sql, [...params]) : client.query(sql))).rows as never,
          exec: async (sql) => {
            await client.query(sql);
          },
          transaction: () => Promise.reject(new Error('nested transaction')),
          close: async () => {},
        };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** `DATABASE_URL` when given, else PGlite in `dataDir` (or in memory). */
export async function openDb(options: { url?: string; dataDir?: string } = {}): Promise<Db> {
  return options.url ? openPostgres(options.url) : openPglite(options.dataDir);
}
