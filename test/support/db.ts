/**
 * Databases for tests: empty ones (PGlite in memory, or a new database on the PostgreSQL server
 * named by GONGKAI_TEST_DATABASE_URL — .ci/run starts one on loopback), and migrated ones cloned
 * from a template. Booting PGlite runs initdb (seconds of WebAssembly) and the migrations add
 * more; a template migrated once and copied for each test gives every test the same fresh,
 * private, up-to-date database for a fraction of that. Templates are keyed by the schema's
 * source, so a changed migration makes a new one; the migrations themselves are still run on
 * empty databases by test/store/migrations.test.ts and by every test that starts a process.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite, openPostgres, type Db } from '../../src/store/db.js';
import { MIGRATIONS, migrate } from '../../src/store/migrations.js';

export const PG_URL = process.env.GONGKAI_TEST_DATABASE_URL;
if (!PG_URL) console.warn('[gongkai tests] GONGKAI_TEST_DATABASE_URL is not set: database tests run on PGlite only (.ci/run starts PostgreSQL).');

export const DB_KINDS: ('pglite' | 'postgres')[] = PG_URL ? ['pglite', 'postgres'] : ['pglite'];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = join(root, 'node_modules/.cache/gongkai-test');
/** Copies live in memory where the system offers a RAM disk, as an in-memory PGlite does. */
const SCRATCH = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

const unique = () => `${Date.now()}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
const urlOf = (name: string) => PG_URL!.replace(/\/[^/]*$/, `/${name}`);

async function createPostgresDb(template?: string): Promise<string> {
  const admin = await openPostgres(PG_URL!);
  const name = `gongkai_test_${unique()}`;
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.close();
  }
  return urlOf(name);
}

/** The URL of a new, empty database on the test server. */
export function freshPostgresUrl(): Promise<string> {
  return createPostgresDb();
}

/** A fresh, empty database of the given kind. */
export async function freshDb(kind: 'pglite' | 'postgres'): Promise<Db> {
  return kind === 'pglite' ? openPglite() : openPostgres(await freshPostgresUrl());
}

/** What the migrated schema depends on: the migrations themselves, the code that runs them, the PGlite version. */
const schemaKey = (() => {
  let key: string | undefined;
  return () => {
    if (key) return key;
    const hash = createHash('sha256');
    for (const m of MIGRATIONS) hash.update(`${m.version}\0${m.name}\0${m.sql}\0`);
    for (const file of ['src/store/migrations.ts', 'src/store/db.ts', 'node_modules/@electric-sql/pglite/package.json']) hash.update(readFileSync(join(root, file)));
    return (key = hash.digest('hex').slice(0, 16));
  };
})();

let pgliteTemplate: Promise<string> | undefined;
let postgresTemplate: Promise<string> | undefined;

/**
 * A PGlite data folder migrated to the current schema, made once and kept between runs. Two
 * processes may build it at once: each builds aside and renames; the second rename fails and
 * its copy is dropped.
 */
function pgliteTemplateDir(): Promise<string> {
  return (pgliteTemplate ??= (async () => {
    const dir = join(CACHE, `pglite-${schemaKey()}`);
    if (existsSync(dir)) return dir;
    mkdirSync(CACHE, { recursive: true });
    const building = mkdtempSync(join(CACHE, 'building-'));
    const db = await openPglite(building);
    await migrate(db);
    await db.close();
    try {
      renameSync(building, dir);
    } catch {
      rmSync(building, { recursive: true, force: true });
    }
    // Templates of schemas a day old are from other branches or edits: not worth 40 MB each.
    for (const f of readdirSync(CACHE)) {
      const path = join(CACHE, f);
      if (path !== dir && Date.now() - statSync(path).mtimeMs > 86_400_000) rmSync(path, { recursive: true, force: true });
    }
    return dir;
  })());
}

/** A database on the test server migrated to the current schema, made once and kept there. */
function postgresTemplateName(): Promise<string> {
  return (postgresTemplate ??= (async () => {
    const name = `gongkai_template_${schemaKey()}`;
    const admin = await openPostgres(PG_URL!);
    try {
      if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).length) return name;
      const building = `gongkai_building_${unique()}`;
      await admin.query(`CREATE DATABASE ${building}`);
      const db = await openPostgres(urlOf(building));
      await migrate(db);
      await db.close();
      try {
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      } catch {
        await admin.query(`DROP DATABASE ${building}`);
      }
      return name;
    } finally {
      await admin.close();
    }
  })());
}

/** Where a migrated database lives: a URL on the test server, or a PGlite folder (removed by `dispose`). */
export interface MigratedStore {
  databaseUrl?: string;
  dataDir?: string;
  dispose(): void;
}

/** A new database of the given kind, already at the current schema, private to the caller. */
export async function migratedStore(kind: 'pglite' | 'postgres'): Promise<MigratedStore> {
  if (kind === 'postgres') return { databaseUrl: await createPostgresDb(await postgresTemplateName()), dispose: () => {} };
  const template = await pgliteTemplateDir();
  const folder = mkdtempSync(join(SCRATCH, 'gongkai-test-db-'));
  copies.add(folder);
  const dataDir = join(folder, 'data');
  cpSync(template, dataDir, { recursive: true });
  const dispose = () => {
    rmSync(folder, { recursive: true, force: true });
    copies.delete(folder);
  };
  return { dataDir, dispose };
}

/** Copies not disposed of (a test that failed before its cleanup) go when the process ends. */
const copies = new Set<string>();
process.on('exit', () => {
  for (const folder of copies) rmSync(folder, { recursive: true, force: true });
});

/** An open database of the given kind at the current schema; closing it removes its folder. */
export async function migratedDb(kind: 'pglite' | 'postgres'): Promise<Db> {
  const store = await migratedStore(kind);
  const db = store.databaseUrl ? await openPostgres(store.databaseUrl) : await openPglite(store.dataDir);
  return {
    ...db,
    close: async () => {
      await db.close();
      store.dispose();
    },
  };
}
