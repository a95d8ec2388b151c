/**
 * The register kept in the database: rows in and out. What may be recorded is decided by the
 * use cases (src/app/register) with the pure core (`register/lifecycle`): they load an
 * application under its row lock (`application(id, tx, true)`), check the event, then append it
 * and write the audit entry in the same transaction, so a refused event leaves the register
 * unchanged and two events on one application are serialised.
 */
import { levelOfBody, type BodyLevel } from '../register/bodies.js';
import type { Appeal, Application, RegisterEvent, RuleDocument, YearFigures } from '../register/types.js';
import type { Db } from './db.js';
import { writeAudit } from './audit.js';
import { migrate } from './migrations.js';

interface ApplicationRow {
  id: string;
  applicant: Application['applicant'];
  description: string;
  form: string | null;
  delivery: string | null;
  channel: Application['channel'];
  received_on: string;
}

/** 第三十一条 facts as recorded beside an application. */
export interface ArrivalFacts {
  arrivedOn: string;
  signedForOn: string | null;
  confirmedOn: string | null;
}

/** Who recorded something (their actor id and, for a user, their display name) and when. */
export interface RecordedBy {
  actor: string;
  actorName: string | null;
  recordedAt: string;
}

interface RecordedByRow {
  actor: string;
  display_name: string | null;
  recorded_at: Date | string;
}

const recordedBy = (r: RecordedByRow): RecordedBy => ({ actor: r.actor, actorName: r.display_name, recordedAt: new Date(r.recorded_at).toISOString() });

const APPLICATION_COLUMNS = 'id, applicant, description, form, delivery, channel, received_on';
const INSERT_APPLICATIONS = 'INSERT INTO applications (id, body_id, applicant, description, form, delivery, channel, received_on, created_by) VALUES';
const INSERT_EVENTS = 'INSERT INTO application_events (application_id, event, actor) VALUES';

/** Rows per multi-row insert of an import. */
const BATCH = 500;

function fromRow(r: ApplicationRow, events: RegisterEvent[]): Application {
  return {
    id: r.id,
    applicant: r.applicant,
    description: r.description,
    ...(r.form ? { form: r.form } : {}),
    ...(r.delivery ? { delivery: r.delivery } : {}),
    channel: r.channel,
    receivedOn: r.received_on,
    events,
  };
}

/** An application's columns, in INSERT_APPLICATIONS' order. */
const applicationValues = (bodyId: string, a: Omit<Application, 'events'>, createdBy: string): unknown[] => [
  a.id,
  bodyId,
  JSON.stringify(a.applicant),
  a.description,
  a.form ?? null,
  a.delivery ?? null,
  a.channel,
  a.receivedOn,
  createdBy,
];

/** `($1, $2, …), ($n+1, …)`: the placeholders of `rows` rows of `width` values. */
const placeholders = (rows: number, width: number) =>
  Array.from({ length: rows }, (_, n) => `(${Array.from({ length: width }, (_, k) => `$${n * width + k + 1}`).join(', ')})`).join(', ');

export class RegisterStore {
  private constructor(readonly db: Db) {}

  /** Open a store on a database, bringing its schema up to date. */
  static async open(db: Db): Promise<RegisterStore> {
    await migrate(db);
    return new RegisterStore(db);
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  /** Add or rename a body; its level is read from its name unless given. */
  async addBody(id: string, name: string, actor: string, place: { level?: BodyLevel; region?: string } = {}): Promise<void> {
    const level = place.level ?? levelOfBody(name);
    await this.db.transaction(async (tx) => {
      // The row as it was, so the audit shows a rename before → after.
      const [old] = await tx.query<{ name: string; level: string; region: string | null }>('SELECT name, level, region FROM bodies WHERE id = $1 FOR UPDATE', [id]);
      await tx.query(
        // A body the register adds works in gongkai (a new row would otherwise be observed); renaming keeps its status.
        'INSERT INTO bodies (id, name, level, region, works_here) VALUES ($1, $2, $3, $4, true) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, region = EXCLUDED.region',
        [id, name, level, place.region ?? null],
      );
      await writeAudit(tx, actor, old ? 'update' : 'create', 'body', id, old ?? null, { name, level, region: place.region ?? null });
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Applications and their events

  /**
   * The next serial of a body's applications in a year (1, 2, …), taken inside the adding
   * transaction: parallel submissions get distinct numbers and a rolled-back one leaves no gap.
   */
  async nextSerial(tx: Db, bodyId: string, year: number): Promise<number> {
    const row = (await tx.query<{ last: number }>(
      `INSERT INTO application_serials (body_id, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (body_id, year) DO UPDATE SET last = application_serials.last + 1 RETURNING last`,
      [bodyId, year],
    ))[0]!;
    return row.last;
  }

  async insertApplication(tx: Db, bodyId: string, app: Omit<Application, 'events'>, createdBy: string): Promise<void> {
    await tx.query(`${INSERT_APPLICATIONS} ${placeholders(1, 9)}`, applicationValues(bodyId, app, createdBy));
  }

  /** Many applications with their events (a 台账 brought in), in batches of multi-row inserts. */
  async insertApplications(tx: Db, bodyId: string, apps: readonly Application[], createdBy: string): Promise<void> {
    for (let i = 0; i < apps.length; i += BATCH) {
      const batch = apps.slice(i, i + BATCH);
      await tx.query(`${INSERT_APPLICATIONS} ${placeholders(batch.length, 9)}`, batch.flatMap((a) => applicationValues(bodyId, a, createdBy)));
      const events = batch.flatMap((a) => a.events.map((e) => [a.id, JSON.stringify(e), createdBy] as const));
      for (let j = 0; j < events.length; j += BATCH) {
        const chunk = events.slice(j, j + BATCH);
        await tx.query(`${INSERT_EVENTS} ${placeholders(chunk.length, 3)}`, chunk.flat());
      }
    }
  }

  /** An application with its events, or null; with `lock`, its row is locked until `db`'s transaction ends. */
  async application(id: string, db: Db = this.db, lock = false): Promise<Application | null> {
    const row = (await db.query<ApplicationRow>(`SELECT ${APPLICATION_COLUMNS} FROM applications WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]))[0];
    if (!row) return null;
    const events = await db.query<{ event: RegisterEvent }>('SELECT event FROM application_events WHERE application_id = $1 ORDER BY seq', [id]);
    return fromRow(row, events.map((e) => e.event));
  }

  async appendEvent(tx: Db, id: string, event: RegisterEvent, actor: string): Promise<void> {
    await tx.query(`${INSERT_EVENTS} ($1, $2, $3)`, [id, JSON.stringify(event), actor]);
  }

  async applications(bodyId: string): Promise<Application[]> {
    const rows = await this.db.query<ApplicationRow>(`SELECT ${APPLICATION_COLUMNS} FROM applications WHERE body_id = $1 ORDER BY received_on, id`, [bodyId]);
    const events = await this.db.query<{ application_id: string; event: RegisterEvent }>(
      'SELECT e.application_id, e.event FROM application_events e JOIN applications a ON a.id = e.application_id WHERE a.body_id = $1 ORDER BY e.seq',
      [bodyId],
    );
    const byApp = new Map<string, RegisterEvent[]>();
    for (const e of events) byApp.set(e.application_id, [...(byApp.get(e.application_id) ?? []), e.event]);
    return rows.map((r) => fromRow(r, byApp.get(r.id) ?? []));
  }

  // ---------------------------------------------------------------------------------------------
  // Appeals, documents, figures

  async insertAppeal(tx: Db, bodyId: string, appeal: Appeal): Promise<void> {
    await tx.query('INSERT INTO appeals (id, body_id, application_id, kind, filed_on, decided_on, result) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      appeal.id,
      bodyId,
      appeal.applicationId ?? null,
      appeal.kind,
      appeal.filedOn,
      appeal.decided?.on ?? null,
      appeal.decided?.result ?? null,
    ]);
  }

  async appeals(bodyId: string): Promise<Appeal[]> {
    const rows = await this.db.query<{ id: string; application_id: string | null; kind: Appeal['kind']; filed_on: string; decided_on: string | null; result: 'upheld' | 'corrected' | 'other' | null }>(
      'SELECT id, application_id, kind, filed_on, decided_on, result FROM appeals WHERE body_id = $1',
      [bodyId],
    );
    return rows.map((a) => ({
      id: a.id,
      kind: a.kind,
      filedOn: a.filed_on,
      ...(a.application_id ? { applicationId: a.application_id } : {}),
      ...(a.decided_on && a.result ? { decided: { on: a.decided_on, result: a.result } } : {}),
    }));
  }

  async insertDocument(tx: Db, bodyId: string, doc: RuleDocument): Promise<void> {
    await tx.query('INSERT INTO rule_documents (id, body_id, kind, title, issued_on, repealed_on) VALUES ($1, $2, $3, $4, $5, $6)', [
      doc.id,
      bodyId,
      doc.kind,
      doc.title,
      doc.issuedOn,
      doc.repealedOn ?? null,
    ]);
  }

  /** The 规章 and 行政规范性文件 kept in the register (the catalogue's, once it has them, come first). */
  async documents(bodyId: string): Promise<RuleDocument[]> {
    const rows = await this.db.query<{ id: string; kind: RuleDocument['kind']; title: string; issued_on: string; repealed_on: string | null }>(
      'SELECT id, kind, title, issued_on, repealed_on FROM rule_documents WHERE body_id = $1',
      [bodyId],
    );
    return rows.map((d) => ({ id: d.id, kind: d.kind, title: d.title, issuedOn: d.issued_on, ...(d.repealed_on ? { repealedOn: d.repealed_on } : {}) }));
  }

  /** Table 二's figures from other systems for a year, or null when none were set. */
  async figures(bodyId: string, year: number, db: Db = this.db): Promise<YearFigures | null> {
    return (await db.query<{ figures: YearFigures }>('SELECT figures FROM year_figures WHERE body_id = $1 AND year = $2', [bodyId, year]))[0]?.figures ?? null;
  }

  async saveFigures(tx: Db, bodyId: string, year: number, figures: YearFigures): Promise<void> {
    await tx.query('INSERT INTO year_figures (body_id, year, figures) VALUES ($1, $2, $3) ON CONFLICT (body_id, year) DO UPDATE SET figures = EXCLUDED.figures', [
      bodyId,
      year,
      JSON.stringify(figures),
    ]);
  }

  // ---------------------------------------------------------------------------------------------
  // Bodies, history, arrival facts

  /** A body's name, or null when there is no such body. */
  async bodyName(bodyId: string): Promise<string | null> {
    return (await this.db.query<{ name: string }>('SELECT name FROM bodies WHERE id = $1', [bodyId]))[0]?.name ?? null;
  }

  /** The body an application belongs to, or null when there is no such application. */
  async bodyOf(applicationId: string): Promise<string | null> {
    return (await this.db.query<{ body_id: string }>('SELECT body_id FROM applications WHERE id = $1', [applicationId]))[0]?.body_id ?? null;
  }

  /**
   * Who recorded the application and each of its events, and when, in the order recorded; a
   * signed-in user's display name beside their actor id (`user:<name>`) when the account
   * exists. Null when there is no such application.
   */
  async history(applicationId: string): Promise<{ created: RecordedBy; events: (RecordedBy & { seq: number; event: RegisterEvent })[] } | null> {
    const created = (await this.db.query<RecordedByRow>(
      `SELECT a.created_by AS actor, u.display_name, a.created_at AS recorded_at FROM applications a
         LEFT JOIN users u ON a.created_by = 'user:' || u.username WHERE a.id = $1`,
      [applicationId],
    ))[0];
    if (!created) return null;
    const events = await this.db.query<RecordedByRow & { seq: string | number; event: RegisterEvent }>(
      `SELECT e.seq, e.event, e.actor, u.display_name, e.recorded_at FROM application_events e
         LEFT JOIN users u ON e.actor = 'user:' || u.username WHERE e.application_id = $1 ORDER BY e.seq`,
      [applicationId],
    );
    return { created: recordedBy(created), events: events.map((e) => ({ ...recordedBy(e), seq: Number(e.seq), event: e.event })) };
  }

  /** 第三十一条: the facts an application's date of receipt followed from, when they were recorded. */
  async arrival(applicationId: string): Promise<ArrivalFacts | null> {
    const row = (await this.db.query<{ arrived_on: string; signed_for_on: string | null; confirmed_on: string | null }>(
      'SELECT arrived_on, signed_for_on, confirmed_on FROM application_arrivals WHERE application_id = $1',
      [applicationId],
    ))[0];
    return row ? { arrivedOn: row.arrived_on, signedForOn: row.signed_for_on, confirmedOn: row.confirmed_on } : null;
  }

  /** Keep the arrival facts of a new application, inside the transaction that adds it. */
  async insertArrival(tx: Db, applicationId: string, facts: ArrivalFacts): Promise<void> {
    await tx.query('INSERT INTO application_arrivals (application_id, arrived_on, signed_for_on, confirmed_on) VALUES ($1, $2, $3, $4)', [
      applicationId,
      facts.arrivedOn,
      facts.signedForOn,
      facts.confirmedOn,
    ]);
  }

  async auditCount(): Promise<number> {
    return Number((await this.db.query<{ n: string | number }>('SELECT count(*) AS n FROM audit_log'))[0]?.n ?? 0);
  }
}
