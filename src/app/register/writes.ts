/**
 * The register's writes, each one transaction: logging an application (under its own number or
 * the next `<body>-<year>-NNNN`), bringing in a 台账, appending an event. Each checks with the
 * pure core (register/lifecycle) — an event under the application's row lock, so two events on
 * one application are serialised and the second is checked against the first — then writes the
 * rows and the audit entry together; a refusal leaves the register unchanged.
 *
 * Shared by the officers' use cases (applications.ts, records.ts) and the citizen's
 * (../public-applications.ts), which check who may act first; `by` is the audit's actor id.
 */
import { CHANNELS } from '../../register/labels.js';
import { checkApplication, recordEvent, RegisterError } from '../../register/lifecycle.js';
import { APPLICANT_TYPES, type Application, type RegisterEvent } from '../../register/types.js';
import { writeAudit } from '../../store/audit.js';
import type { Db } from '../../store/db.js';
import type { AppServices } from '../context.js';

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

/** One transaction whose constraint violations are the register's refusals. */
export function registerTransaction<T>(s: AppServices, work: (tx: Db) => Promise<T>): Promise<T> {
  return refusals(() => s.db.transaction(work));
}

export const noSuchApplication = (id: string) => new RegisterError(`没有编号为 ${id} 的申请`);

/** An application as stored (locked until `tx` ends when given); refused when there is none. */
export async function storedApplication(s: AppServices, id: string, tx?: Db): Promise<Application> {
  const app = await s.register.application(id, tx ?? s.db, tx !== undefined);
  if (!app) throw noSuchApplication(id);
  return app;
}

function checkNewApplication(app: Omit<Application, 'events'>): void {
  if (!APPLICANT_TYPES.includes(app.applicant.type)) throw new RegisterError(`申请人类型“${app.applicant.type}”不是表三的列；应为 ${APPLICANT_TYPES.join('、')} 之一`);
  if (!CHANNELS.includes(app.channel)) throw new RegisterError(`申请渠道“${app.channel}”无效；应为 ${CHANNELS.join('、')} 之一`);
  checkApplication(app);
}

async function insertApplication(s: AppServices, tx: Db, by: string, bodyId: string, app: Omit<Application, 'events'>): Promise<void> {
  await s.register.insertApplication(tx, bodyId, app, by);
  await writeAudit(tx, by, 'create', 'application', app.id, null, app);
}

/** Log an application under the number it already has (a paper register's); refused with a clear message when a field is wrong. */
export async function logApplication(s: AppServices, by: string, bodyId: string, app: Omit<Application, 'events'>): Promise<void> {
  checkNewApplication(app);
  await registerTransaction(s, (tx) => insertApplication(s, tx, by, bodyId, app));
}

/**
 * Log an application under the next number of its body and year (`<body>-<year>-0001`, the year
 * of receipt); returns the number. `extra` runs in the same transaction (arrival facts, a query
 * code), so a refused one leaves neither a row nor a gap in the numbers.
 */
export async function logNumberedApplication(
  s: AppServices,
  by: string,
  bodyId: string,
  app: Omit<Application, 'events' | 'id'>,
  extra?: (tx: Db, id: string) => Promise<void>,
): Promise<string> {
  checkNewApplication({ ...app, id: 'new' });
  return registerTransaction(s, async (tx) => {
    const year = Number(app.receivedOn.slice(0, 4));
    const id = `${bodyId}-${year}-${String(await s.register.nextSerial(tx, bodyId, year)).padStart(4, '0')}`;
    await insertApplication(s, tx, by, bodyId, { ...app, id });
    await extra?.(tx, id);
    return id;
  });
}

/** Many applications with their events at once (a 台账 brought in), each checked by the lifecycle first; all or nothing. */
export async function logImportedApplications(s: AppServices, by: string, bodyId: string, apps: readonly Application[]): Promise<void> {
  for (const app of apps) {
    checkApplication(app);
    app.events.reduce((a, e) => recordEvent(a, e), { ...app, events: [] } as Application);
  }
  await registerTransaction(s, async (tx) => {
    await s.register.insertApplications(tx, bodyId, apps, by);
    await writeAudit(tx, by, 'import', 'applications', bodyId, null, { count: apps.length });
  });
}

/**
 * Append an event after checking it against the application as stored, under its row lock;
 * throws and writes nothing when refused. `extra` runs in the same transaction (e.g. the text of
 * an online 补正 stored beside its event), so both are kept or neither. Returns the application
 * as it now stands.
 */
export async function appendEvent(s: AppServices, by: string, id: string, event: RegisterEvent, extra?: (tx: Db) => Promise<void>): Promise<Application> {
  return s.db.transaction(async (tx) => {
    const after = recordEvent(await storedApplication(s, id, tx), event);
    await s.register.appendEvent(tx, id, event, by);
    await writeAudit(tx, by, 'event', 'application', id, null, event);
    await extra?.(tx);
    return after;
  });
}
