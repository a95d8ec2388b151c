/**
 * Loading a year's State Council notice through the HTTP API, on PGlite and on PostgreSQL: the administrator
 * pastes the notice, gets a proposal, saves it with “该年已完整”, and the working-day calendar answers firmly
 * for that year; an officer cannot; the change is audited.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

const NOTICE_2027 = readFileSync(new URL('../calendar/fixtures/notice-2027.txt', import.meta.url), 'utf8');

interface Proposal {
  year: number;
  source?: string;
  days: { date: string; work: boolean; name: string }[];
  warnings: string[];
  statutory: { date: string; name: string }[];
}

for (const kind of DB_KINDS) {
  describe(`the calendar on ${kind}`, () => {
    let server: RunningServer;
    let admin: ApiClient;
    beforeAll(async () => {
      server = await testServer({ db: kind });
      await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
      await addAccount(server.deps, 'officer-yl', 'officer', ['yl']);
      await addAccount(server.deps, 'root', 'admin', []);
      admin = new ApiClient(server.url);
      await admin.signIn('root');
    });
    afterAll(async () => server?.close());

    it('lists the statutory holidays of any year, publicly', async () => {
      const anyone = new ApiClient(server.url);
      const r = await anyone.json<{ date: string; name: string }[]>('GET', '/api/calendar/statutory/2027');
      expect(r.status).toBe(200);
      expect(r.body.map((h) => h.date)).toEqual(expect.arrayContaining(['2027-01-01', '2027-02-05', '2027-06-09', '2027-09-15']));
      expect(r.body).toHaveLength(13);
    });

    it('an officer may not load a notice', async () => {
      const officer = new ApiClient(server.url);
      await officer.signIn('officer-yl');
      expect((await officer.request('POST', '/api/admin/calendar/notice', { text: NOTICE_2027 })).status).toBe(403);
      expect((await officer.request('PUT', '/api/admin/calendar/years/2027', { days: [], complete: false })).status).toBe(403);
    });

    it('refuses to mark a year complete that has no days', async () => {
      const r = await admin.json<{ error: string }>('PUT', '/api/admin/calendar/years/2031/complete', { complete: true });
      expect(r.status).toBe(400);
      expect(r.body.error).toContain('不能标记为“该年已完整”');
    });

    it('proposes, saves in one step and makes 2027 firm', async () => {
      expect((await server.deps.calendar()).addWorkingDays('2026-12-04', 20)).toEqual({ date: '2027-01-04', provisional: true });
      const proposal = await admin.json<Proposal>('POST', '/api/admin/calendar/notice', { text: NOTICE_2027 });
      expect(proposal.status).toBe(200);
      expect(proposal.body).toMatchObject({ year: 2027, source: '国办发明电〔2026〕99号', warnings: [] });
      const { days, source } = proposal.body;
      expect((await admin.request('PUT', '/api/admin/calendar/years/2027', { days, complete: true, source })).status).toBe(200);

      const calendar = await server.deps.calendar();
      expect(calendar.addWorkingDays('2026-12-04', 20)).toEqual({ date: '2027-01-04', provisional: false });
      expect(calendar.dayInfo('2027-01-31')).toMatchObject({ work: true, covered: true, source: 'override' });
      const years = await admin.json<{ years: { year: number; complete: boolean; days: number; workDays: number }[] }>('GET', '/api/calendar/years');
      expect(years.body.years).toEqual([expect.objectContaining({ year: 2027, complete: true, days: 29, workDays: 6 })]);
      const audit = await server.deps.db.query<{ action: string; entity_id: string }>(`SELECT action, entity_id FROM audit_log WHERE entity = 'calendar-year'`);
      expect(audit).toEqual(expect.arrayContaining([{ action: 'replace', entity_id: '2027' }]));
    });

    it('saving again replaces the year; taking back “complete” makes it provisional again', async () => {
      const days = [{ date: '2027-01-01', work: false, name: '元旦' }];
      expect((await admin.request('PUT', '/api/admin/calendar/years/2027', { days, complete: false })).status).toBe(200);
      const calendar = await server.deps.calendar();
      expect(calendar.dayInfo('2027-01-31')).toMatchObject({ work: false, covered: false });
      expect(calendar.addWorkingDays('2026-12-04', 20).provisional).toBe(true);
      const overrides = await admin.json<{ date: string }[]>('GET', '/api/calendar/overrides');
      expect(overrides.body.map((o) => o.date).filter((d) => d.startsWith('2027'))).toEqual(['2027-01-01']);
    });
  });
}
