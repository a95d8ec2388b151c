/**
 * The register kept in the database. The rules stay in the pure core (`register/lifecycle`):
 * an event is checked against the application as stored, under a row lock, and only then
 * appended — with who and when — so a refused event leaves the register unchanged.
 */
import type { WorkingDayCalendar } from '../calendar/calendar.js';
import { reportFromRegister } from '../register/annual.js';
import { levelOfBody, type BodyLevel } from '../register/bodies.js';
import { checkApplication, dueOf, recordEvent, RegisterError } from '../register/lifecycle.js';
import { APPLICANT_TYPES, type Appeal, type Application, type RegisterEvent, type RuleDocument, type YearFigures } from '../register/types.js';
import type { AnnualReport } from '../model/report.js';
import type { Db } from './db.js';
import { ruleDocumentsOf, sectionOneFigures } from '../catalogue/annual.js';
import { opinionFigures } from '../catalogue/opinions.js';
import { writeAudit } from './audit.js';
import { CatalogueStore } from './catalogue-store.js';
import { OpinionStore } from './opinion-store.js';
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

const CHANNELS = ['inPerson', 'postSigned', 'ordinaryLetter', 'online', 'fax'];

/** Database refusals a user can act on, as register errors; anything else is a fault and propagates. */
async function refusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const e = error as { code?: string; detail?: string; message?: string };
    if (e.code === '23505') throw new RegisterError(`编号重复，已有同一编号的记录（${e.detail ?? e.message ?? ''}）`);
    if (e.code === '23503') throw new RegisterError(`引用的机关或申请不存在（${e.detail ?? e.message ?? ''}）`);
    if (e.code === '23514') throw new RegisterError(`数据不符合要求（${e.detail ?? e.message ?? ''}）`);
    throw error;
  }
}

function checkNewApplication(app: Omit<Application, 'events'>): void {
  if (!APPLICANT_TYPES.includes(app.applicant.type)) throw new RegisterError(`申请人类型“${app.applicant.type}”不是表三的列；应为 ${APPLICANT_TYPES.join('、')} 之一`);
  if (!CHANNELS.includes(app.channel)) throw new RegisterError(`申请渠道“${app.channel}”无效；应为 ${CHANNELS.join('、')} 之一`);
  checkApplication(app);
}

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

  private async audit(tx: Db, actor: string, action: string, entity: string, id: string, oldValue: unknown, newValue: unknown): Promise<void> {
    await writeAudit(tx, actor, action, entity, id, oldValue, newValue);
  }

  /** Add or rename a body; its level is read from its name unless given. */
  async addBody(id: string, name: string, actor: string, place: { level?: BodyLevel; region?: string } = {}): Promise<void> {
    const level = place.level ?? levelOfBody(name);
    await this.db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO bodies (id, name, level, region) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, region = EXCLUDED.region',
        [id, name, level, place.region ?? null],
      );
      await this.audit(tx, actor, 'upsert', 'body', id, null, { name, level, region: place.region ?? null });
    });
  }

  /** Register a new application; refused with a clear message when a field is wrong. */
  async addApplication(bodyId: string, app: Omit<Application, 'events'>, actor: string): Promise<void> {
    checkNewApplication(app);
    await refusals(() => this.db.transaction((tx) => this.insertApplication(tx, bodyId, app, actor)));
  }

  /**
   * Register a new application under the next number of its body and year
   * (`<body>-<year>-0001`, the year of receipt); returns the number. Transaction-scoped, so
   * parallel submissions get distinct numbers and a refused one leaves no gap.
   */
  async addNumberedApplication(bodyId: string, app: Omit<Application, 'events' | 'id'>, actor: string, extra?: (tx: Db, id: string) => Promise<void>): Promise<string> {
    checkNewApplication({ ...app, id: 'new' });
    return refusals(() =>
      this.db.transaction(async (tx) => {
        const year = Number(app.receivedOn.slice(0, 4));
        const row = (await tx.query<{ last: number }>(
          `INSERT INTO application_serials (body_id, year, last) VALUES ($1, $2, 1)
           ON CONFLICT (body_id, year) DO UPDATE SET last = application_serials.last + 1 RETURNING last`,
          [bodyId, year],
        ))[0]!;
        const id = `${bodyId}-${year}-${String(row.last).padStart(4, '0')}`;
        await this.insertApplication(tx, bodyId, { ...app, id }, actor);
        await extra?.(tx, id);
        return id;
      }),
    );
  }

  private async insertApplication(tx: Db, bodyId: string, app: Omit<Application, 'events'>, actor: string): Promise<void> {
    await tx.query('INSERT INTO applications (id, body_id, applicant, description, form, delivery, channel, received_on, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
      app.id,
      bodyId,
      JSON.stringify(app.applicant),
      app.description,
      app.form ?? null,
      app.delivery ?? null,
      app.channel,
      app.receivedOn,
      actor,
    ]);
    await this.audit(tx, actor, 'create', 'application', app.id, null, app);
  }

  /**
   * Import many applications with their events at once (a 台账 brought in from a spreadsheet),
   * each checked by the lifecycle first; all or nothing, in batches of multi-row inserts.
   */
  async importApplications(bodyId: string, apps: readonly Application[], actor: string): Promise<void> {
    for (const app of apps) {
      checkApplication(app);
      app.events.reduce((a, e) => recordEvent(a, e), { ...app, events: [] } as Application);
    }
    const BATCH = 500;
    await refusals(() => this.db.transaction(async (tx) => {
      for (let i = 0; i < apps.length; i += BATCH) {
        const batch = apps.slice(i, i + BATCH);
        const values: unknown[] = [];
        const rows = batch.map((a, n) => {
          values.push(a.id, bodyId, JSON.stringify(a.applicant), a.description, a.form ?? null, a.delivery ?? null, a.channel, a.receivedOn, actor);
          return `(${Array.from({ length: 9 }, (_, k) => `$${n * 9 + k + 1}`).join(', ')})`;
        });
        await tx.query(`INSERT INTO applications (id, body_id, applicant, description, form, delivery, channel, received_on, created_by) VALUES ${rows.join(', ')}`, values);
        const events = batch.flatMap((a) => a.events.map((e) => [a.id, JSON.stringify(e), actor] as const));
        for (let j = 0; j < events.length; j += BATCH) {
          const chunk = events.slice(j, j + BATCH);
          await tx.query(
            `INSERT INTO application_events (application_id, event, actor) VALUES ${chunk.map((_, n) => `($${n * 3 + 1}, $${n * 3 + 2}, $${n * 3 + 3})`).join(', ')}`,
            chunk.flat(),
          );
        }
      }
      await this.audit(tx, actor, 'import', 'applications', bodyId, null, { count: apps.length });
    }));
  }

  private async load(db: Db, id: string, lock: boolean): Promise<Application> {
    const rows = await db.query<ApplicationRow>(`SELECT ${APPLICATION_COLUMNS} FROM applications WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    const row = rows[0];
    if (!row) throw new RegisterError(`没有编号为 ${id} 的申请`);
    const events = await db.query<{ event: RegisterEvent }>('SELECT event FROM application_events WHERE application_id = $1 ORDER BY seq', [id]);
    return fromRow(row, events.map((e) => e.event));
  }

  async application(id: string): Promise<Application> {
    return this.load(this.db, id, false);
  }

  /** Append an event after checking it against the application as stored; throws and writes nothing when refused. */
  /**
   * Record an event under a row lock; `extra` runs in the same transaction (e.g. the text of an
   * online 补正 stored beside its event), so both are kept or neither.
   */
  async recordEvent(id: string, event: RegisterEvent, actor: string, extra?: (tx: Db) => Promise<void>): Promise<Application> {
    return this.db.transaction(async (tx) => {
      const before = await this.load(tx, id, true);
      const after = recordEvent(before, event);
      await tx.query('INSERT INTO application_events (application_id, event, actor) VALUES ($1, $2, $3)', [id, JSON.stringify(event), actor]);
      await this.audit(tx, actor, 'event', 'application', id, null, event);
      await extra?.(tx);
      return after;
    });
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

  /** Open applications with their due dates, soonest first. */
  async openWithDue(bodyId: string, calendar: WorkingDayCalendar): Promise<{ application: Application; due: ReturnType<typeof dueOf> }[]> {
    const apps = await this.applications(bodyId);
    return apps
      .filter((a) => !a.events.some((e) => e.kind === 'replied' || e.kind === 'withdrawn'))
      .map((application) => ({ application, due: dueOf(application, calendar) }))
      .sort((a, b) => a.due.due.localeCompare(b.due.due));
  }

  async addAppeal(bodyId: string, appeal: Appeal, actor: string): Promise<void> {
    await refusals(() => this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO appeals (id, body_id, application_id, kind, filed_on, decided_on, result) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        appeal.id,
        bodyId,
        appeal.applicationId ?? null,
        appeal.kind,
        appeal.filedOn,
        appeal.decided?.on ?? null,
        appeal.decided?.result ?? null,
      ]);
      await this.audit(tx, actor, 'create', 'appeal', appeal.id, null, appeal);
    }));
  }

  async addDocument(bodyId: string, doc: RuleDocument, actor: string): Promise<void> {
    await refusals(() => this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO rule_documents (id, body_id, kind, title, issued_on, repealed_on) VALUES ($1, $2, $3, $4, $5, $6)', [
        doc.id,
        bodyId,
        doc.kind,
        doc.title,
        doc.issuedOn,
        doc.repealedOn ?? null,
      ]);
      await this.audit(tx, actor, 'create', 'rule_document', doc.id, null, doc);
    }));
  }

  async setFigures(bodyId: string, year: number, figures: YearFigures, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const old = await tx.query<{ figures: YearFigures }>('SELECT figures FROM year_figures WHERE body_id = $1 AND year = $2', [bodyId, year]);
      await tx.query(
        'INSERT INTO year_figures (body_id, year, figures) VALUES ($1, $2, $3) ON CONFLICT (body_id, year) DO UPDATE SET figures = EXCLUDED.figures',
        [bodyId, year, JSON.stringify(figures)],
      );
      await this.audit(tx, actor, 'set', 'year_figures', `${bodyId}/${year}`, old[0]?.figures ?? null, figures);
    });
  }

  /**
   * The year's annual report, straight from the register (and the catalogue; with a calendar,
   * also the opinion box's 监督保障 figures, whose response times are counted in working days).
   */
  async annualReport(bodyId: string, year: number, calendar?: WorkingDayCalendar): Promise<AnnualReport> {
    const body = (await this.db.query<{ name: string }>('SELECT name FROM bodies WHERE id = $1', [bodyId]))[0];
    if (!body) throw new RegisterError(`没有编号为 ${bodyId} 的机关`);
    const appeals = await this.db.query<{ id: string; application_id: string | null; kind: Appeal['kind']; filed_on: string; decided_on: string | null; result: 'upheld' | 'corrected' | 'other' | null }>(
      'SELECT id, application_id, kind, filed_on, decided_on, result FROM appeals WHERE body_id = $1',
      [bodyId],
    );
    const documents = await this.db.query<{ id: string; kind: RuleDocument['kind']; title: string; issued_on: string; repealed_on: string | null }>(
      'SELECT id, kind, title, issued_on, repealed_on FROM rule_documents WHERE body_id = $1',
      [bodyId],
    );
    const figures = (await this.db.query<{ figures: YearFigures }>('SELECT figures FROM year_figures WHERE body_id = $1 AND year = $2', [bodyId, year]))[0]?.figures;
    // The catalogue, once a body keeps its 规章 and 行政规范性文件 there, is where table 二's rows
    // come from (the register's own document list is the fallback: never both, or one document
    // entered twice would count twice); its published items draft section 一's sentence.
    const items = await new CatalogueStore(this.db).figureItems(bodyId);
    const catalogueDocuments = ruleDocumentsOf(items);
    const published = sectionOneFigures(items, year);
    const opinions = calendar ? opinionFigures(await new OpinionStore(this.db).facts(bodyId, year), year, calendar) : null;
    return reportFromRegister({
      unit: body.name,
      year,
      applications: await this.applications(bodyId),
      appeals: appeals.map((a) => ({
        id: a.id,
        kind: a.kind,
        filedOn: a.filed_on,
        ...(a.application_id ? { applicationId: a.application_id } : {}),
        ...(a.decided_on && a.result ? { decided: { on: a.decided_on, result: a.result } } : {}),
      })),
      documents: catalogueDocuments.length
        ? catalogueDocuments
        : documents.map((d) => ({ id: d.id, kind: d.kind, title: d.title, issuedOn: d.issued_on, ...(d.repealed_on ? { repealedOn: d.repealed_on } : {}) })),
      ...(figures ? { figures } : {}),
      ...(published.total > 0 ? { proactiveSentence: published.sentence } : {}),
      ...(opinions && opinions.total.received > 0 ? { supervisionSentence: opinions.sentence } : {}),
    });
  }

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
   * signed-in user's display name beside their actor id (`user:<name>`) when the account exists.
   */
  async history(applicationId: string): Promise<{ created: RecordedBy; events: (RecordedBy & { seq: number; event: RegisterEvent })[] }> {
    const created = (await this.db.query<RecordedByRow>(
      `SELECT a.created_by AS actor, u.display_name, a.created_at AS recorded_at FROM applications a
         LEFT JOIN users u ON a.created_by = 'user:' || u.username WHERE a.id = $1`,
      [applicationId],
    ))[0];
    if (!created) throw new RegisterError(`没有编号为 ${applicationId} 的申请`);
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

  /** Keep the arrival facts of a new application, inside the transaction that adds it (`addNumberedApplication`'s `extra`). */
  static async saveArrival(tx: Db, applicationId: string, facts: ArrivalFacts, actor: string): Promise<void> {
    await tx.query('INSERT INTO application_arrivals (application_id, arrived_on, signed_for_on, confirmed_on) VALUES ($1, $2, $3, $4)', [
      applicationId,
      facts.arrivedOn,
      facts.signedForOn,
      facts.confirmedOn,
    ]);
    await writeAudit(tx, actor, 'create', 'application_arrival', applicationId, null, facts);
  }

  async auditCount(): Promise<number> {
    return Number((await this.db.query<{ n: string | number }>('SELECT count(*) AS n FROM audit_log'))[0]?.n ?? 0);
  }
}
