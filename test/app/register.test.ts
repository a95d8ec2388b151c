/**
 * The register's use cases on a real database: PGlite always, and a PostgreSQL server when
 * GONGKAI_TEST_DATABASE_URL names one (.ci/run starts one on loopback).
 */
import { describe, expect, it } from 'vitest';
import { operator } from '../../src/accounts/permissions.js';
import { saveBody } from '../../src/app/admin.js';
import { Refusal } from '../../src/app/errors.js';
import { addApplication, openApplications, recordEvent } from '../../src/app/register/applications.js';
import { annualReportOf } from '../../src/app/register/records.js';
import { openServices } from '../../src/app/services.js';
import { reportFromRegister } from '../../src/register/annual.js';
import { RegisterError } from '../../src/register/lifecycle.js';
import { DB_KINDS, migratedDb } from '../support/db.js';

const today = () => '2026-03-02';

for (const kind of DB_KINDS) {
  describe(`register use cases on ${kind}`, () => {
    it('keeps applications and their events, refuses bad ones without a trace, and produces the year', async () => {
      const s = await openServices(await migratedDb(kind), { today });
      const officer = operator('officer');
      try {
        await saveBody(s, operator('admin'), { id: 'yunling', name: '青禾县云岭镇人民政府' });
        await addApplication(s, officer, { bodyId: 'yunling', id: 'A1', applicant: { type: 'naturalPerson', name: '张三' }, description: '某村土地征收批复', form: '纸质', delivery: '邮寄', channel: 'online', receivedOn: '2025-09-26' });
        await addApplication(s, officer, { bodyId: 'yunling', id: 'A2', applicant: { type: 'commercial', name: '某公司' }, description: '某项目环评批复', channel: 'postSigned', receivedOn: '2025-12-29' });
        await recordEvent(s, officer, { id: 'A1', event: { kind: 'replied', on: '2025-10-20', outcome: 'granted' } });
        const audits = await s.register.auditCount();
        for (const bad of [
          () => recordEvent(s, officer, { id: 'A1', event: { kind: 'replied', on: '2025-10-21', outcome: 'granted' } }),
          () => recordEvent(s, officer, { id: 'A2', event: { kind: 'replied', on: '2025-12-01', outcome: 'granted' } }),
          () => recordEvent(s, officer, { id: 'A2', event: { kind: 'replied', on: '2026-01-05', outcome: 'approved' } }),
          () => addApplication(s, officer, { bodyId: 'yunling', id: 'A3', applicant: { type: 'naturalPerson', name: '李四' }, description: '某文件', channel: 'online', receivedOn: '2025-02-30' }),
          () => addApplication(s, officer, { bodyId: 'yunling', id: 'A4', applicant: { type: 'alien' as never, name: '王五' }, description: '某文件', channel: 'online', receivedOn: '2025-03-01' }),
        ]) {
          await expect(bad()).rejects.toThrow(RegisterError);
        }
        // An unknown number is not found (the use case's 404), before the lifecycle is asked.
        await expect(recordEvent(s, officer, { id: 'A9', event: { kind: 'withdrawn', on: '2026-01-05' } })).rejects.toThrow(Refusal);
        expect(await s.register.auditCount()).toBe(audits);
        expect(await s.register.application('A1')).toMatchObject({ form: '纸质', delivery: '邮寄', events: [{ kind: 'replied', outcome: 'granted' }] });

        const due = await openApplications(s, officer, { bodyId: 'yunling' });
        // Received Mon 2025-12-29: Dec 30, 31 (2); 元旦 Jan 1–3 off; Sun Jan 4 worked (3); Jan 5–9 (8);
        // 12–16 (13); 19–23 (18); 26 (19), 27 (20).
        expect(due.map((d) => [d.application.id, d.due.due])).toEqual([['A2', '2026-01-27']]);

        const report = await annualReportOf(s, officer, { bodyId: 'yunling', year: 2025 });
        expect(report.applications.newReceived).toMatchObject({ naturalPerson: 1, commercial: 1, total: 2 });
        expect(report.applications.granted).toMatchObject({ naturalPerson: 1, total: 1 });
        expect(report.applications.carriedForward).toMatchObject({ commercial: 1, total: 1 });
        expect(report).toEqual(reportFromRegister({ unit: '青禾县云岭镇人民政府', year: 2025, applications: await s.register.applications('yunling'), appeals: [], documents: [] }));
      } finally {
        await s.db.close();
      }
    }, 60_000);

    it('lets only one of two concurrent replies through', async () => {
      const s = await openServices(await migratedDb(kind), { today });
      try {
        await saveBody(s, operator('admin'), { id: 'b', name: '某镇人民政府' });
        await addApplication(s, operator('o'), { bodyId: 'b', id: 'X', applicant: { type: 'naturalPerson', name: '甲' }, description: '某文件', channel: 'inPerson', receivedOn: '2025-05-06' });
        const results = await Promise.allSettled([
          recordEvent(s, operator('o1'), { id: 'X', event: { kind: 'replied', on: '2025-05-20', outcome: 'granted' } }),
          recordEvent(s, operator('o2'), { id: 'X', event: { kind: 'replied', on: '2025-05-21', outcome: 'partlyGranted' } }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect((await s.register.application('X'))?.events).toHaveLength(1);
      } finally {
        await s.db.close();
      }
    }, 60_000);
  });
}
