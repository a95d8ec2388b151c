/**
 * The demo's bodies and accounts: a county government, the township 云岭镇 whose year the demo
 * tells, and a sub-district; an officer and two reviewers of 云岭镇 (who share the steps of its
 * review chain) and the county's supervisor. All share the password printed at start.
 */
import { operator, type SessionUser } from '../../accounts/permissions.js';
import { createAccount, listAccounts } from '../accounts/users.js';
import { saveBody, searchBodies } from '../admin.js';
import type { AppServices } from '../context.js';
import { COUNTY, DEMO_COUNTY_REGION, demoDirectory, SHIQUAN, YUNLING } from './directory.js';

export const DEMO_PASSWORD = 'gongkai-demo-2026';

/** The local operator the demo's administrative steps are audited as. */
export const DEMO_OPERATOR = operator('system:demo');

export { COUNTY, DEMO_COUNTY_REGION, SHIQUAN, YUNLING } from './directory.js';

const DEMO_BODIES = [COUNTY, YUNLING, SHIQUAN] as const;

export const DEMO_USERS = [
  { username: 'officer', displayName: '云岭镇经办人', role: 'officer', bodies: [YUNLING.id] },
  { username: 'reviewer', displayName: '云岭镇审核人', role: 'reviewer', bodies: [YUNLING.id] },
  { username: 'reviewer2', displayName: '云岭镇审核人（二）', role: 'reviewer', bodies: [YUNLING.id] },
  { username: 'supervisor', displayName: '青禾县政务公开办', role: 'supervisor', bodies: [], regions: [DEMO_COUNTY_REGION] },
] as const;

export type DemoUsername = (typeof DEMO_USERS)[number]['username'];

/** The demo's accounts as signed-in users, for the use cases that act for one. */
export type DemoStaff = Record<DemoUsername, SessionUser>;

/** Add the demo bodies and whichever demo accounts are missing; returns the accounts made and the staff. */
export async function demoAccounts(s: AppServices): Promise<{ made: string[]; staff: DemoStaff }> {
  const bodies = new Set((await searchBodies(s, {})).map((b) => b.id));
  for (const b of DEMO_BODIES) if (!bodies.has(b.id)) await saveBody(s, DEMO_OPERATOR, b);
  await demoDirectory(s);
  const existing = new Set((await listAccounts(s, DEMO_OPERATOR)).map((u) => u.username));
  const made: string[] = [];
  for (const u of DEMO_USERS) {
    if (existing.has(u.username)) continue;
    await createAccount(s, DEMO_OPERATOR, { ...u, bodies: [...u.bodies], regions: 'regions' in u ? [...u.regions] : [], password: DEMO_PASSWORD });
    made.push(u.username);
  }
  const rows = new Map((await listAccounts(s, DEMO_OPERATOR)).map((u) => [u.username, u]));
  const staff = {} as DemoStaff;
  for (const u of DEMO_USERS) {
    const row = rows.get(u.username)!;
    // As a session would see the account: a supervisor's scope is every body below its regions.
    const scope = row.role === 'supervisor' ? await s.accounts.scope(row.id, row.bodies) : { bodies: row.bodies };
    staff[u.username] = { id: row.id, username: row.username, displayName: row.displayName, role: row.role, ...scope };
  }
  return { made, staff };
}
