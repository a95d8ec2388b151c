/**
 * The register in a real database: PGlite always, and a PostgreSQL server when
 * GONGKAI_TEST_DATABASE_URL names one (.ci/run starts one on loopback).
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.js';
import { reportFromRegister } from '../../src/register/annual.js';
import { RegisterError } from '../../src/register/lifecycle.js';
import { DB_KINDS, migratedDb } from '../support/db.js';
import { RegisterStore } from '../../src/store/register-store.js';

for (const kind of DB_KINDS) {
  describe(`register store on ${kind}`, () => {
    it('keeps applications and their events, refuses bad ones without a trace, and produces the year', async () => {
      const store = await RegisterStore.open(await migratedDb(kind));
      try {
        await store.addBody('yunling', '青禾县云岭镇人民政府', 'admin');
        await store.addApplication('yunling', { id: 'A1', applicant: { type: 'naturalPerson', name: '张三' }, description: '某村土地征收批复', form: '纸质', delivery: '邮寄', channel: 'online', receivedOn: '2025-09-26' }, 'officer');
        await store.addApplication('yunling', { id: 'A2', applicant: { type: 'commercial', name: '某公司' }, description: '某项目环评批复', channel: 'postSigned', receivedOn: '2025-12-29' }, 'officer');
        await store.recordEvent('A1', { kind: 'replied', on: '2025-10-20', outcome: 'granted' }, 'officer');
        const audits = await store.auditCount();
        for (const bad of [
          () => store.recordEvent('A1', { kind: 'replied', on: '2025-10-21', outcome: 'granted' }, 'officer'),
          () => store.recordEvent('A2', { kind: 'replied', on: '2025-12-01', outcome: 'granted' }, 'officer'),
          () => store.recordEvent('A2', { kind: 'replied', on: '2026-01-05', outcome: 'approved' }, 'officer'),
          () => store.recordEvent('A9', { kind: 'withdrawn', on: '2026-01-05' }, 'officer'),
          () => store.addApplication('yunling', { id: 'A3', applicant: { type: 'naturalPerson', name: '李四' }, description: '某文件', channel: 'online', receivedOn: '2025-02-30' }, 'officer'),
          () => store.addApplication('yunling', { id: 'A4', applicant: { type: 'alien' as never, name: '王五' }, description: '某文件', channel: 'online', receivedOn: '2025-03-01' }, 'officer'),
        ]) {
          await expect(bad()).rejects.toThrow(RegisterError);
        }
        expect(await store.auditCount()).toBe(audits);
        expect(await store.application('A1')).toMatchObject({ form: '纸质', delivery: '邮寄', events: [{ kind: 'replied', outcome: 'granted' }] });

        const due = await store.openWithDue('yunling', new WorkCalendar());
        // Received Mon 2025-12-29: Dec 30, 31 (2); 元旦 Jan 1–3 off; Sun Jan 4 worked (3); Jan 5–9 (8);
        // 12–16 (13); 19–23 (18); 26 (19), 27 (20).
        expect(due.map((d) => [d.application.id, d.due.due])).toEqual([['A2', '2026-01-27']]);

        const report = await store.annualReport('yunling', 2025);
        expect(report.applications.newReceived).toMatchObject({ naturalPerson: 1, commercial: 1, total: 2 });
        expect(report.applications.granted).toMatchObject({ naturalPerson: 1, total: 1 });
        expect(report.applications.carriedForward).toMatchObject({ commercial: 1, total: 1 });
        expect(report).toEqual(reportFromRegister({ unit: '青禾县云岭镇人民政府', year: 2025, applications: await store.applications('yunling'), appeals: [], documents: [] }));
      } finally {
        await store.close();
      }
    }, 60_000);

    it('lets only one of two concurrent replies through', async () => {
      const store = await RegisterStore.open(await migratedDb(kind));
      try {
        await store.addBody('b', '某镇人民政府', 'admin');
        await store.addApplication('b', { id: 'X', applicant: { type: 'naturalPerson', name: '甲' }, description: '某文件', channel: 'inPerson', receivedOn: '2025-05-06' }, 'o');
        const results = await Promise.allSettled([
          store.recordEvent('X', { kind: 'replied', on: '2025-05-20', outcome: 'granted' }, 'o1'),
          store.recordEvent('X', { kind: 'replied', on: '2025-05-21', outcome: 'partlyGranted' }, 'o2'),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect((await store.application('X')).events).toHaveLength(1);
      } finally {
        await store.close();
      }
    }, 60_000);
  });
}
