/**
 * Sample bodies and accounts for trying the application (`gongkai serve --demo`): a county
 * office, two townships, an officer, a reviewer and a supervisor, all with the password printed
 * at start. Never used unless asked for. Written through the administrator's use cases, audited
 * as `system:demo`.
 */
import { operator } from '../accounts/permissions.js';
import { createAccount, listAccounts } from './accounts/users.js';
import { saveBody } from './admin.js';
import type { AppServices } from './context.js';

export const DEMO_PASSWORD = 'gongkai-demo-2026';

const DEMO_BODIES = [
  { id: 'qh-county', name: '青禾县人民政府', region: '青禾县' },
  { id: 'qh-yunling', name: '青禾县云岭镇人民政府', region: '青禾县' },
  { id: 'qh-shiquan', name: '青禾县石泉街道办事处', region: '青禾县' },
] as const;

export const DEMO_USERS = [
  { username: 'officer', displayName: '云岭镇经办人', role: 'officer', bodies: ['qh-yunling'] },
  { username: 'reviewer', displayName: '云岭镇审核人', role: 'reviewer', bodies: ['qh-yunling'] },
  { username: 'supervisor', displayName: '青禾县政务公开办', role: 'supervisor', bodies: DEMO_BODIES.map((b) => b.id) },
] as const;

/** Add the demo bodies and whichever demo accounts are missing; returns the accounts made. */
export async function loadDemoData(s: AppServices): Promise<string[]> {
  const demo = operator('system:demo');
  for (const b of DEMO_BODIES) await saveBody(s, demo, b);
  const existing = new Set((await listAccounts(s, demo)).map((u) => u.username));
  const made: string[] = [];
  for (const u of DEMO_USERS) {
    if (existing.has(u.username)) continue;
    await createAccount(s, demo, { ...u, bodies: [...u.bodies], password: DEMO_PASSWORD });
    made.push(u.username);
  }
  return made;
}
