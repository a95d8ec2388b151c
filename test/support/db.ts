/**
 * Fresh databases for tests: PGlite in memory, or a new database on the PostgreSQL server named
 * by GONGKAI_TEST_DATABASE_URL (.ci/run starts one on loopback).
 */
import { openPglite, openPostgres, type Db } from '../../src/store/db.js';

export const PG_URL = process.env.GONGKAI_TEST_DATABASE_URL;
if (!PG_URL) console.warn('[gongkai tests] GONGKAI_TEST_DATABASE_URL is not set: database tests run on PGlite only (.ci/run starts PostgreSQL).');

export const DB_KINDS: ('pglite' | 'postgres')[] = PG_URL ? ['pglite', 'postgres'] : ['pglite'];

/** The URL of a new, empty database on the test server. */
export async function freshPostgresUrl(): Promise<string> {
  const admin = await openPostgres(PG_URL!);
  const name = `gongkai_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  return PG_URL!.replace(/\/[^/]*$/, `/${name}`);
}

/** A fresh database of the given kind. */
export async function freshDb(kind: 'pglite' | 'postgres'): Promise<Db> {
  return kind === 'pglite' ? openPglite() : openPostgres(await freshPostgresUrl());
}
