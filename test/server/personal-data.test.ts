/**
 * Personal data in the register through the HTTP API: the reviewer sees the applicant's contact
 * line masked — phone, e-mail, contact person and the free-text address alike — on the list and
 * on the application's page; the body's officer sees it whole on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logNumberedApplication } from '../../src/app/register/writes.js';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

const CONTACT = '联系人 李四；电话 一三九 一二三四 五六七八；电子邮箱 lisi@example.cn；地址 青禾县云岭镇向阳路 8 号 2 单元 301 室';

for (const kind of DB_KINDS) {
  describe(`masked contact lines on ${kind}`, () => {
    let server: RunningServer;
    let id: string;
    beforeAll(async () => {
      server = await testServer({ db: kind });
      await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
      await addAccount(server.deps, 'off', 'officer', ['yl']);
      await addAccount(server.deps, 'rev', 'reviewer', ['yl']);
      id = await logNumberedApplication(server.deps, 'user:off', 'yl', {
        applicant: { type: 'naturalPerson', name: '李四', contact: CONTACT },
        description: '向阳路改造工程的征收补偿方案',
        channel: 'inPerson',
        receivedOn: '2026-02-02',
      });
    });
    afterAll(async () => server?.close());

    it('shows the reviewer no street, house number, phone, e-mail or contact person', async () => {
      const reviewer = new ApiClient(server.url);
      await reviewer.signIn('rev');
      // The address keeps its county and township; the rest is twelve stars at most (its length does not show).
      const masked = '联系人 李**；电话 一三九 **** 五六七八；电子邮箱 lis***@example.cn；地址 青禾县云岭镇************';
      const list = await reviewer.json<{ items: { id: string; contact: string }[] }>('GET', '/api/bodies/yl/applications');
      expect(list.body.items.find((i) => i.id === id)?.contact).toBe(masked);
      const detail = await reviewer.json<{ applicant: { contact: string } }>('GET', `/api/applications/${id}`);
      expect(detail.body.applicant.contact).toBe(masked);
      expect(JSON.stringify(detail.body)).not.toMatch(/8 号|301 室|lisi@|一二三四|李四/);
    });

    it('shows the officer the whole line on the application page', async () => {
      const officer = new ApiClient(server.url);
      await officer.signIn('off');
      const detail = await officer.json<{ applicant: { contact: string } }>('GET', `/api/applications/${id}`);
      expect(detail.body.applicant.contact).toBe(CONTACT);
    });
  });
}
