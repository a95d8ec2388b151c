/**
 * One schema, one ordered list of migrations, for PGlite and PostgreSQL alike. Each migration
 * runs once, in a transaction, recorded in `schema_migrations`.
 *
 * Each area keeps its SQL in src/store/migrations/<area>.ts; the order and the version numbers
 * are decided here only, in MIGRATIONS. A deployed database has recorded the numbers it ran, so
 * a number once released never changes; a new migration takes the next number after the last.
 */
import type { Db } from './db.js';
import { CALENDAR_YEARS } from './migrations/calendar.js';
import { ACCOUNT_ADMINISTRATION } from './migrations/accounts.js';
import { AUDIT_BODY_AND_FILTERS } from './migrations/audit.js';
import { PUBLISHED_REPORT_CORRECTIONS } from './migrations/corrections.js';
import { FINDING_REVIEWS } from './migrations/findings-work.js';
import { INDICATOR_THRESHOLDS } from './migrations/indicators.js';
import { DIRECTORY_REGIONS } from './migrations/directory.js';
import { CATALOGUE_ITEMS, CATALOGUE_LIFECYCLE, CATALOGUE_REVIEW_ROUNDS } from './migrations/catalogue.js';
import { BATCH_JOB_QUEUE } from './migrations/jobs.js';
import { CATALOGUE_PUBLIC_SEARCH, OPINION_BOX } from './migrations/opinions.js';
import { ONLINE_APPLICATIONS } from './migrations/public.js';
import { PUBLIC_REGION_PAGES } from './migrations/public-region.js';
import { APPLICATION_ARRIVALS } from './migrations/register-web.js';
import { APPLICATION_SERIALS, REGISTER_TABLES, REQUESTED_FORM_AND_DELIVERY, WEB_ACCOUNTS } from './migrations/register.js';
import { SCOPE_REGIONS_AND_PENDING } from './migrations/matching.js';
import { REPORT_DRAFTS, REPORT_FINAL } from './migrations/reports.js';
import { EDIT_VERSIONS } from './migrations/versions.js';
import { DIRECTORY_VERSION, PUBLISHED_FINDING_ROWS, REVIEWS_VERSION } from './migrations/overview.js';
import { OVERVIEW_VERSION, PUBLISHED_REPORTS, PUBLISHED_REPORT_COUNTS, PUBLISHED_REPORT_MARKS } from './migrations/supervisor.js';

/** What a migration does: a name recorded with it and the SQL it runs. */
export interface MigrationStep {
  name: string;
  sql: string;
}

export interface Migration extends MigrationStep {
  version: number;
}

/**
 * Every migration, in the order they run. The gaps between numbers are history (each area once
 * had its own range); they carry no meaning now.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, ...REGISTER_TABLES },
  { version: 2, ...REQUESTED_FORM_AND_DELIVERY },
  { version: 3, ...WEB_ACCOUNTS },
  { version: 4, ...APPLICATION_SERIALS },
  { version: 100, ...ONLINE_APPLICATIONS },
  { version: 200, ...PUBLISHED_REPORTS },
  { version: 201, ...PUBLISHED_REPORT_MARKS },
  { version: 202, ...PUBLISHED_REPORT_COUNTS },
  { version: 203, ...OVERVIEW_VERSION },
  { version: 300, ...REPORT_DRAFTS },
  { version: 400, ...APPLICATION_ARRIVALS },
  { version: 500, ...CATALOGUE_ITEMS },
  { version: 501, ...CATALOGUE_REVIEW_ROUNDS },
  { version: 550, ...OPINION_BOX },
  { version: 551, ...CATALOGUE_PUBLIC_SEARCH },
  { version: 700, ...BATCH_JOB_QUEUE },
  { version: 800, ...CALENDAR_YEARS },
  { version: 810, ...ACCOUNT_ADMINISTRATION },
  { version: 820, ...AUDIT_BODY_AND_FILTERS },
  { version: 830, ...CATALOGUE_LIFECYCLE },
  { version: 840, ...REPORT_FINAL },
  { version: 900, ...DIRECTORY_REGIONS },
  { version: 910, ...PUBLISHED_REPORT_CORRECTIONS },
  { version: 920, ...SCOPE_REGIONS_AND_PENDING },
  { version: 930, ...FINDING_REVIEWS },
  { version: 940, ...INDICATOR_THRESHOLDS },
  { version: 960, ...EDIT_VERSIONS },
  { version: 980, ...DIRECTORY_VERSION },
  { version: 981, ...PUBLISHED_FINDING_ROWS },
  { version: 982, ...REVIEWS_VERSION },
  { version: 990, ...PUBLIC_REGION_PAGES },
];

export async function migrate(db: Db): Promise<number[]> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const done = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}
