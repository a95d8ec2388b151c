/**
 * Sample bodies and accounts for trying the application (`gongkai serve --demo`): a county
 * office, two townships, an officer, a reviewer and a supervisor, all with the password printed
 * at start. Never used unless asked for.
 */
import { hashPassword } from './accounts/password.js';
import type { AppServices } from './context.js';

export const DEMO_PASSWORD = 'gongkai-demo-2026';

export const DEMO_BODIES = [
  { id: 'qh-county', name: '青禾县人民政府', region: '青禾县' },
  { id: 'qh-yunling', name: '青禾县云岭镇人民政府', region: '青禾县' },
  { id: 'qh-shiquan', name: '青禾县石泉街道办事处', region: '青禾县' },
] as const;

export const DEMO_USERS = [
  { username: 'officer', displayName: '云岭镇经办人', role: 'officer', bodies: ['qh-yunling'] },
  { username: 'reviewer', displayName: '云岭镇审核人', role: 'reviewer', bodies: ['qh-yunling'] },
  { username: 'supervisor', displayName: '青禾县政务公开办', role: 'supervisor', bodies: DEMO_BODIES.map((b) => b.id) },
] as const;

export async function loadDemoData(deps: AppServices): Promise<string[]> {
  for (const b of DEMO_BODIES) await deps.register.addBody(b.id, b.name, 'system:demo', { region: b.region });
  const existing = new Set((await deps.accounts.users()).map((u) => u.username));
  const hash = await hashPassword(DEMO_PASSWORD);
  const made: string[] = [];
  for (const u of DEMO_USERS) {
    if (existing.has(u.username)) continue;
    await deps.accounts.createUser({ ...u, bodies: [...u.bodies], passwordHash: hash }, 'system:demo');
    made.push(u.username);
  }
  return made;
}
