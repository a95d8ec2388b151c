/**
 * Drafts of annual reports, one per body and year: read, list, lock and write. The use case
 * (src/app/reports.ts) compares revisions and writes the audit row in the same transaction.
 */
import { inTemplateOrder } from '../model/order.js';
import type { AnnualReport } from '../model/report.js';
import type { Db } from './db.js';

export interface Draft {
  bodyId: string;
  year: number;
  report: AnnualReport;
  revision: number;
  updatedBy: string;
  updatedAt: string;
  /** When and by whom it was declared final (定稿); null while it is a draft. */
  finalizedAt: string | null;
  finalizedBy: string | null;
  /** Display names of those accounts, when they still exist (the UI never shows a user name). */
  updatedByName: string | null;
  finalizedByName: string | null;
}

/** One row of a body's list of report years. */
export interface ReportYear {
  year: number;
  /** Applications received in that year, from the register. */
  applications: number;
  draft: Omit<Draft, 'bodyId' | 'year'> | null;
}

interface DraftRow {
  year: number;
  model: AnnualReport;
  revision: number;
  updated_by: string;
  updated_at: Date | string;
  finalized_at: Date | string | null;
  finalized_by: string | null;
  updated_by_name: string | null;
  finalized_by_name: string | null;
}

const nameOfActor = (column: string) => `(SELECT u.display_name FROM users u WHERE 'user:' || u.username = ${column}) AS ${column}_name`;
const COLUMNS = `year, model, revision, updated_by, updated_at, finalized_at, finalized_by, ${nameOfActor('updated_by')}, ${nameOfActor('finalized_by')}`;

const iso = (t: Date | string) => new Date(t).toISOString();

function fromRow(bodyId: string, r: DraftRow): Draft {
  // jsonb loses the order of keys, which table 三's arithmetic reads.
  return {
    bodyId,
    year: Number(r.year),
    report: inTemplateOrder(r.model),
    revision: Number(r.revision),
    updatedBy: r.updated_by,
    updatedAt: iso(r.updated_at),
    finalizedAt: r.finalized_at === null ? null : iso(r.finalized_at),
    finalizedBy: r.finalized_by,
    updatedByName: r.updated_by_name,
    finalizedByName: r.finalized_by_name,
  };
}

export async function loadDraft(db: Db, bodyId: string, year: number): Promise<Draft | null> {
  const rows = await db.query<DraftRow>(`SELECT ${COLUMNS} FROM report_drafts WHERE body_id = $1 AND year = $2`, [bodyId, year]);
  return rows[0] ? fromRow(bodyId, rows[0]) : null;
}

/** Years with a draft and years the register has applications for, newest first. */
export async function reportYears(db: Db, bodyId: string): Promise<ReportYear[]> {
  const received = await db.query<{ year: number; n: number | string }>(
    'SELECT substr(received_on, 1, 4)::int AS year, count(*) AS n FROM applications WHERE body_id = $1 GROUP BY 1',
    [bodyId],
  );
  const drafts = await db.query<DraftRow>(`SELECT ${COLUMNS} FROM report_drafts WHERE body_id = $1`, [bodyId]);
  const years = new Map<number, ReportYear>();
  for (const r of received) years.set(Number(r.year), { year: Number(r.year), applications: Number(r.n), draft: null });
  for (const r of drafts) {
    const draft = fromRow(bodyId, r);
    const year = draft.year;
    years.set(year, { year, applications: years.get(year)?.applications ?? 0, draft });
  }
  return [...years.values()].sort((a, b) => b.year - a.year);
}

/** The year's draft locked for an update in this transaction (its revision is what a save checks against). */
export async function lockDraft(tx: Db, bodyId: string, year: number): Promise<Draft | null> {
  const rows = await tx.query<DraftRow>(`SELECT ${COLUMNS} FROM report_drafts WHERE body_id = $1 AND year = $2 FOR UPDATE`, [bodyId, year]);
  return rows[0] ? fromRow(bodyId, rows[0]) : null;
}

/**
 * The year's first draft (revision 1), or null when another save created it first. The insert
 * waits on the unique key for a concurrent first save and then does nothing: exactly one wins,
 * on PostgreSQL as on PGlite (a row lock cannot guard a row that does not exist yet).
 */
export async function insertFirstDraft(tx: Db, bodyId: string, year: number, report: AnnualReport, actor: string): Promise<Draft | null> {
  const row = (await tx.query<DraftRow>(
    `INSERT INTO report_drafts (body_id, year, model, revision, updated_by, updated_at) VALUES ($1, $2, $3, 1, $4, now())
     ON CONFLICT (body_id, year) DO NOTHING
     RETURNING ${COLUMNS}`,
    [bodyId, year, JSON.stringify(report), actor],
  ))[0];
  return row ? fromRow(bodyId, row) : null;
}

/** Write the year's draft: the first saved is revision 1, each save after it one more. A save undoes 定稿. */
export async function writeDraft(tx: Db, bodyId: string, year: number, report: AnnualReport, actor: string): Promise<Draft> {
  const row = (await tx.query<DraftRow>(
    `INSERT INTO report_drafts (body_id, year, model, revision, updated_by, updated_at) VALUES ($1, $2, $3, 1, $4, now())
     ON CONFLICT (body_id, year) DO UPDATE SET model = EXCLUDED.model, revision = report_drafts.revision + 1, updated_by = EXCLUDED.updated_by, updated_at = now(),
       finalized_at = NULL, finalized_by = NULL
     RETURNING ${COLUMNS}`,
    [bodyId, year, JSON.stringify(report), actor],
  ))[0]!;
  return fromRow(bodyId, row);
}

/** Declare the locked draft final (定稿), or a draft again (null), leaving its revision as it is. */
export async function setFinal(tx: Db, bodyId: string, year: number, actor: string | null): Promise<Draft> {
  const row = (await tx.query<DraftRow>(
    `UPDATE report_drafts SET finalized_at = CASE WHEN $3::text IS NULL THEN NULL ELSE now() END, finalized_by = $3::text
     WHERE body_id = $1 AND year = $2 RETURNING ${COLUMNS}`,
    [bodyId, year, actor],
  ))[0]!;
  return fromRow(bodyId, row);
}
