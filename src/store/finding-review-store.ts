/**
 * Findings handled as work: the findings of each body's latest published report of a year, joined
 * with their reviews (confirmed, dismissed, answered, accepted) by body, year and fingerprint, and
 * the answer deadline of a body's 整改通知书. Rows only: who may do what, and the audit, are the
 * use cases' (src/app/supervision/findings-work.ts).
 */
import type { Db } from './db.js';
import type { Viewer } from './published-store.js';

/** Stored review states; a finding without a review is `new`, a confirmed one no longer found is `resolved`. */
export type ReviewState = 'confirmed' | 'answered' | 'accepted' | 'dismissed';
export type IssueStatus = 'new' | ReviewState | 'resolved';

export interface IssueFilters {
  code?: string | undefined;
  severity?: string | undefined;
  statuses?: readonly IssueStatus[] | undefined;
  year?: number | undefined;
  bodyId?: string | undefined;
  fingerprint?: string | undefined;
}

export interface IssueRow {
  bodyId: string;
  bodyName: string;
  year: number;
  fingerprint: string;
  code: string;
  severity: string;
  at: string;
  message: string;
  status: IssueStatus;
  /** The report the finding is in now (null: no longer found). */
  reportId: number | null;
  reason: string | null;
  answer: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  acceptedBy: string | null;
  acceptedAt: string | null;
}

export interface StoredReview {
  status: ReviewState;
  code: string;
  severity: string;
  at: string;
  message: string;
  reason: string | null;
  answer: string | null;
}

/** A row as the query answers it: IssueRow's names, with the counts and times as the driver gives them. */
type Row = Omit<IssueRow, 'year' | 'reportId' | 'decidedAt' | 'answeredAt' | 'acceptedAt'> & {
  year: number | string;
  reportId: string | number | null;
  decidedAt: Date | string | null;
  answeredAt: Date | string | null;
  acceptedAt: Date | string | null;
  total: string | number;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * `$1` all, `$2` bodies: the findings of the latest readable report of each body and year in
 * scope (rows kept beside each report's JSON, src/store/migrations/overview.ts), full-joined with
 * the reviews in scope; `$3…$8` the filters. The page is chosen and counted on narrow rows (keys,
 * code, severity, place, state, the body's name); the messages and the reviews' words are read for
 * that page only. The code, year and body filters apply on both sides (a fingerprint hashes the
 * code); severity and state once joined (the finding's severity now wins over the one reviewed).
 * The administrator's list reads everything; anyone else's joins the scope, so that a county's few
 * bodies are read by index and a province's thousands by a hash join.
 */
const issuesSql = (all: boolean) => `
  WITH scope AS (SELECT DISTINCT unnest($2::text[]) AS id), latest AS (
    SELECT DISTINCT ON (p.body_id, p.year) p.id
      FROM published_reports p ${all ? '' : 'JOIN scope s ON s.id = p.body_id'}
     WHERE $1::boolean = ${all} AND p.body_id IS NOT NULL AND p.year IS NOT NULL AND p.error IS NULL
       AND ($6::int IS NULL OR p.year = $6) AND ($7::text IS NULL OR p.body_id = $7)
     ORDER BY p.body_id, p.year, p.uploaded_at DESC, p.id DESC
  ), cur AS (
    SELECT f.report_id, f.body_id, f.year, f.fingerprint, f.code, f.severity, f.at
      FROM published_findings f JOIN latest l ON l.id = f.report_id
     WHERE ($3::text IS NULL OR f.code = $3) AND ($8::text IS NULL OR f.fingerprint = $8)
  ), rev AS (
    SELECT r.body_id, r.year, r.fingerprint, r.code, r.severity, r.at, r.status FROM finding_reviews r ${all ? '' : 'JOIN scope s ON s.id = r.body_id'}
     WHERE ($6::int IS NULL OR r.year = $6) AND ($7::text IS NULL OR r.body_id = $7)
       AND ($3::text IS NULL OR r.code = $3) AND ($8::text IS NULL OR r.fingerprint = $8)
  ), joined AS (
    SELECT COALESCE(c.body_id, r.body_id) AS body_id, COALESCE(c.year, r.year) AS year, COALESCE(c.fingerprint, r.fingerprint) AS fingerprint,
           COALESCE(c.code, r.code) AS code, COALESCE(c.severity, r.severity) AS severity, COALESCE(c.at, r.at) AS at, c.report_id,
           CASE WHEN r.status IS NULL THEN 'new' WHEN c.fingerprint IS NULL AND r.status IN ('confirmed', 'answered') THEN 'resolved' ELSE r.status END AS status
      FROM cur c FULL OUTER JOIN rev r ON r.body_id = c.body_id AND r.year = c.year AND r.fingerprint = c.fingerprint
  ), page AS (
    SELECT j.*, b.name AS body_name, count(*) OVER () AS total
      FROM joined j JOIN bodies b ON b.id = j.body_id
     WHERE ($4::text IS NULL OR j.severity = $4) AND ($5::text[] IS NULL OR j.status = ANY($5::text[]))
     ORDER BY j.year DESC, b.name, CASE j.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, j.code, j.at, j.fingerprint
     LIMIT $9 OFFSET $10
  )
  SELECT g.body_id AS "bodyId", g.body_name AS "bodyName", g.year, g.fingerprint, g.code, g.severity, g.at,
         COALESCE(f.message, r.message) AS message, g.status,
         g.report_id AS "reportId", r.reason, r.answer, r.decided_by_name AS "decidedBy", r.decided_at AS "decidedAt",
         r.answered_by_name AS "answeredBy", r.answered_at AS "answeredAt", r.accepted_by_name AS "acceptedBy", r.accepted_at AS "acceptedAt",
         g.total
    FROM page g
    LEFT JOIN published_findings f ON f.report_id = g.report_id AND f.fingerprint = g.fingerprint
    LEFT JOIN finding_reviews r ON r.body_id = g.body_id AND r.year = g.year AND r.fingerprint = g.fingerprint
   ORDER BY g.year DESC, g.body_name, CASE g.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, g.code, g.at, g.fingerprint`;
const ISSUES = { all: issuesSql(true), scoped: issuesSql(false) };

export class FindingReviewStore {
  constructor(private readonly db: Db) {}

  /** One page of the findings in scope that match the filters, and how many match in all. */
  async issues(viewer: Viewer, f: IssueFilters, limit: number, offset: number, db: Db = this.db): Promise<{ rows: IssueRow[]; total: number }> {
    const rows = await db.query<Row>(viewer.all ? ISSUES.all : ISSUES.scoped, [
      viewer.all, [...viewer.bodies], f.code ?? null, f.severity ?? null, f.statuses?.length ? [...f.statuses] : null,
      f.year ?? null, f.bodyId ?? null, f.fingerprint ?? null, limit, offset,
    ]);
    // Past the last page no row carries the count: ask for the first row to have it.
    if (rows.length === 0 && offset > 0) return { rows: [], total: (await this.issues(viewer, f, 1, 0, db)).total };
    return {
      total: Number(rows[0]?.total ?? 0),
      rows: rows.map(({ total: _total, ...r }) => ({
        ...r, year: Number(r.year), reportId: r.reportId === null ? null : Number(r.reportId),
        decidedAt: iso(r.decidedAt), answeredAt: iso(r.answeredAt), acceptedAt: iso(r.acceptedAt),
      })),
    };
  }

  /** The versions a 问题清单 page depends on: the reports and bodies, and the reviews (moved by triggers on every change). */
  async versions(): Promise<string> {
    const rows = await this.db.query<{ name: string; version: string | number }>("SELECT name, version FROM data_versions WHERE name IN ('overview', 'reviews') ORDER BY name");
    return rows.map((r) => `${r.name}:${r.version}`).join(',');
  }

  /** A review, its row locked until the transaction ends (null: not reviewed yet). */
  async lock(tx: Db, bodyId: string, year: number, fingerprint: string): Promise<StoredReview | null> {
    return (await tx.query<StoredReview>(
      'SELECT status, code, severity, at, message, reason, answer FROM finding_reviews WHERE body_id = $1 AND year = $2 AND fingerprint = $3 FOR UPDATE',
      [bodyId, year, fingerprint],
    ))[0] ?? null;
  }

  /** Confirm or dismiss: the finding as it is now, who decided and (a dismissal) why. */
  async decide(
    tx: Db,
    key: { bodyId: string; year: number; fingerprint: string },
    finding: { code: string; severity: string; at: string; message: string },
    status: 'confirmed' | 'dismissed',
    reason: string | null,
    by: { id: string; name: string },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO finding_reviews (body_id, year, fingerprint, code, severity, at, message, status, reason, decided_by, decided_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (body_id, year, fingerprint) DO UPDATE SET code = EXCLUDED.code, severity = EXCLUDED.severity, at = EXCLUDED.at,
         message = EXCLUDED.message, status = EXCLUDED.status, reason = EXCLUDED.reason, decided_by = EXCLUDED.decided_by,
         decided_by_name = EXCLUDED.decided_by_name, decided_at = now(), answer = NULL, answered_by_name = NULL, answered_at = NULL,
         accepted_by_name = NULL, accepted_at = NULL`,
      [key.bodyId, key.year, key.fingerprint, finding.code, finding.severity, finding.at, finding.message, status, reason, by.id, by.name],
    );
  }

  /** The body's answer: 已整改. */
  async answer(tx: Db, key: { bodyId: string; year: number; fingerprint: string }, answer: string | null, byName: string): Promise<void> {
    await tx.query(
      "UPDATE finding_reviews SET status = 'answered', answer = $4, answered_by_name = $5, answered_at = now() WHERE body_id = $1 AND year = $2 AND fingerprint = $3",
      [key.bodyId, key.year, key.fingerprint, answer, byName],
    );
  }

  /** The supervisor accepts the answer: 已核销. */
  async accept(tx: Db, key: { bodyId: string; year: number; fingerprint: string }, byName: string): Promise<void> {
    await tx.query(
      "UPDATE finding_reviews SET status = 'accepted', accepted_by_name = $4, accepted_at = now() WHERE body_id = $1 AND year = $2 AND fingerprint = $3",
      [key.bodyId, key.year, key.fingerprint, byName],
    );
  }

  async deadline(bodyId: string, year: number, db: Db = this.db): Promise<string | null> {
    const r = (await db.query<{ deadline: string | Date }>("SELECT to_char(deadline, 'YYYY-MM-DD') AS deadline FROM rectification_deadlines WHERE body_id = $1 AND year = $2", [bodyId, year]))[0];
    return r ? String(r.deadline) : null;
  }

  /** The deadlines of these bodies, by `body|year`. */
  async deadlines(bodies: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.db.query<{ body_id: string; year: number; deadline: string }>(
      "SELECT body_id, year, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM rectification_deadlines WHERE body_id = ANY($1::text[])",
      [[...bodies]],
    );
    return new Map(rows.map((r) => [`${r.body_id}|${Number(r.year)}`, r.deadline]));
  }

  async setDeadline(tx: Db, bodyId: string, year: number, deadline: string, by: string): Promise<void> {
    await tx.query(
      `INSERT INTO rectification_deadlines (body_id, year, deadline, set_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (body_id, year) DO UPDATE SET deadline = EXCLUDED.deadline, set_by = EXCLUDED.set_by, set_at = now()`,
      [bodyId, year, deadline, by],
    );
  }
}
