/**
 * The public side's own records, as rows: the opinion box (意见箱) — opinions with a hashed query
 * code, numbered per body and year, answered by the body's officer — and the guide's settings in
 * body_settings.guide. Writes take the transaction they run in; the use cases (src/app/opinions.ts,
 * src/app/catalogue-public.ts) audit in the same one.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { OpinionFact, OpinionKind } from '../catalogue/opinions.js';
import type { GuideSettings } from '../catalogue/guide.js';
import { normalizeQueryCode } from '../register/public-form.js';
import type { Db } from './db.js';
import { newQueryCode } from './public-store.js';

/**
 * Bound to its number and to the opinion box (another prefix than the applications' codes), so a
 * code opens one opinion and nothing else. SHA-256 suffices: ~59 random bits, never chosen by a person.
 */
function codeHash(refNo: string, code: string): string {
  return createHash('sha256').update(`gongkai-opinion-code\n${refNo.toLowerCase()}\n${normalizeQueryCode(code)}`).digest('base64url');
}

// Compared against when the number is unknown, so an unknown number costs the same time.
const NO_HASH = codeHash('', 'none');

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface NewOpinion {
  bodyId: string;
  kind: OpinionKind;
  subject: string;
  text: string;
  name?: string | undefined;
  contact?: string | undefined;
}

export interface OpinionRecord {
  refNo: string;
  bodyId: string;
  bodyName: string;
  kind: OpinionKind;
  subject: string;
  text: string;
  name: string | null;
  contact: string | null;
  receivedOn: string;
  answer: string | null;
  answeredOn: string | null;
  answeredBy: string | null;
}

interface Row {
  ref_no: string;
  body_id: string;
  body_name: string;
  kind: OpinionKind;
  subject: string;
  text: string;
  name: string | null;
  contact: string | null;
  code_hash: string;
  received_on: string;
  answer: string | null;
  answered_on: string | null;
  answered_by: string | null;
}

const COLUMNS = `o.ref_no, o.body_id, b.name AS body_name, o.kind, o.subject, o.text, o.name, o.contact, o.code_hash, o.received_on, o.answer, o.answered_on, o.answered_by`;

const recordOf = (r: Row): OpinionRecord => ({
  refNo: r.ref_no,
  bodyId: r.body_id,
  bodyName: r.body_name,
  kind: r.kind,
  subject: r.subject,
  text: r.text,
  name: r.name,
  contact: r.contact,
  receivedOn: r.received_on,
  answer: r.answer,
  answeredOn: r.answered_on,
  answeredBy: r.answered_by,
});

export class OpinionStore {
  constructor(private readonly db: Db) {}

  /** The next serial of the body's year: one row per body and year, locked by the update, so concurrent submissions never share a number. */
  async nextSerial(tx: Db, bodyId: string, year: number): Promise<number> {
    return Number(
      (
        await tx.query<{ last: number }>(
          `INSERT INTO opinion_serials (body_id, year, last) VALUES ($1, $2, 1)
           ON CONFLICT (body_id, year) DO UPDATE SET last = opinion_serials.last + 1 RETURNING last`,
          [bodyId, year],
        )
      )[0]!.last,
    );
  }

  /** Keep a new opinion under its number; returns its query code (shown once, only its hash kept). */
  async insert(tx: Db, refNo: string, opinion: NewOpinion, receivedOn: string, actor: string): Promise<string> {
    const code = newQueryCode();
    await tx.query(
      `INSERT INTO opinions (ref_no, body_id, kind, subject, text, name, contact, code_hash, received_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [refNo, opinion.bodyId, opinion.kind, opinion.subject, opinion.text, opinion.name || null, opinion.contact || null, codeHash(refNo, code), receivedOn, actor],
    );
    return code;
  }

  /** The opinion behind a number and its code; null for an unknown number and a wrong code alike. */
  async lookup(refNo: string, code: string): Promise<OpinionRecord | null> {
    const row = (await this.db.query<Row>(`SELECT ${COLUMNS} FROM opinions o JOIN bodies b ON b.id = o.body_id WHERE lower(o.ref_no) = lower($1)`, [refNo.trim()]))[0];
    const matches = sameHash(codeHash(row?.ref_no ?? refNo.trim(), code), row?.code_hash ?? NO_HASH);
    return row && matches ? recordOf(row) : null;
  }

  /** A body's opinions, newest first; `status` open (no answer yet) or answered; `year` of receipt. */
  async list(bodyId: string, filter: { status?: 'open' | 'answered' | undefined; year?: number | undefined } = {}): Promise<OpinionRecord[]> {
    const where = ['o.body_id = $1'];
    const params: unknown[] = [bodyId];
    if (filter.status === 'open') where.push('o.answer IS NULL');
    if (filter.status === 'answered') where.push('o.answer IS NOT NULL');
    if (filter.year !== undefined) {
      params.push(`${filter.year}-01-01`, `${filter.year}-12-31`);
      where.push(`o.received_on BETWEEN $2 AND $3`);
    }
    const rows = await this.db.query<Row>(`SELECT ${COLUMNS} FROM opinions o JOIN bodies b ON b.id = o.body_id WHERE ${where.join(' AND ')} ORDER BY o.received_on DESC, o.ref_no DESC LIMIT 2000`, params);
    return rows.map(recordOf);
  }

  /** The body's opinion, locked for the transaction with `lock`; null when the body has no such opinion. */
  async get(bodyId: string, refNo: string, db: Db = this.db, lock = false): Promise<OpinionRecord | null> {
    const row = (await db.query<Row>(`SELECT ${COLUMNS} FROM opinions o JOIN bodies b ON b.id = o.body_id WHERE o.body_id = $1 AND o.ref_no = $2${lock ? ' FOR UPDATE OF o' : ''}`, [bodyId, refNo]))[0];
    return row ? recordOf(row) : null;
  }

  async setAnswer(tx: Db, refNo: string, answer: { answer: string; answeredOn: string; answeredBy: string }): Promise<void> {
    await tx.query('UPDATE opinions SET answer = $1, answered_on = $2, answered_by = $3 WHERE ref_no = $4', [answer.answer, answer.answeredOn, answer.answeredBy, refNo]);
  }

  /** Kind and dates of a body's opinions received in a year, for the figures. */
  async facts(bodyId: string, year: number): Promise<OpinionFact[]> {
    const rows = await this.db.query<{ kind: string; received_on: string; answered_on: string | null }>(
      'SELECT kind, received_on, answered_on FROM opinions WHERE body_id = $1 AND received_on BETWEEN $2 AND $3',
      [bodyId, `${year}-01-01`, `${year}-12-31`],
    );
    return rows.map((r) => ({ kind: r.kind, receivedOn: r.received_on, answeredOn: r.answered_on }));
  }

  // -------------------------------------------------------------------------------------------
  // The guide's settings (body_settings.guide)

  async guide(bodyId: string): Promise<GuideSettings> {
    const row = (await this.db.query<{ guide: GuideSettings | string }>('SELECT guide FROM body_settings WHERE body_id = $1', [bodyId]))[0];
    if (!row) return {};
    return typeof row.guide === 'string' ? (JSON.parse(row.guide) as GuideSettings) : row.guide;
  }

  /** The guide settings' version: 0 until first saved, then one more each save. */
  async guideVersion(bodyId: string): Promise<number> {
    return Number((await this.db.query<{ v: number }>('SELECT guide_version AS v FROM body_settings WHERE body_id = $1', [bodyId]))[0]?.v ?? 0);
  }

  /**
   * The guide's settings as kept (null when never saved) and their version, locked for the
   * transaction. The row is made first if missing (a concurrent first save waits on its key), so
   * saves of one body's guide queue and each sees the version the one before it left.
   */
  async lockGuide(tx: Db, bodyId: string): Promise<{ guide: unknown; version: number }> {
    await tx.query('INSERT INTO body_settings (body_id) VALUES ($1) ON CONFLICT (body_id) DO NOTHING', [bodyId]);
    const row = (await tx.query<{ guide: unknown; v: number }>('SELECT guide, guide_version AS v FROM body_settings WHERE body_id = $1 FOR UPDATE', [bodyId]))[0]!;
    const version = Number(row.v);
    return { guide: version === 0 ? null : row.guide, version };
  }

  /** Replace the body's guide settings (the other settings of the row stay as they are), one version more. */
  async saveGuide(tx: Db, bodyId: string, settings: GuideSettings): Promise<void> {
    await tx.query(
      `INSERT INTO body_settings (body_id, guide, guide_version) VALUES ($1, $2::jsonb, 1)
       ON CONFLICT (body_id) DO UPDATE SET guide = EXCLUDED.guide, guide_version = body_settings.guide_version + 1`,
      [bodyId, JSON.stringify(settings)],
    );
  }
}
