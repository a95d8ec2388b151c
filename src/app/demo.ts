/**
 * The demo (`gongkai serve --demo`, `npm start`): a county office, the township 云岭镇 and a
 * sub-district, the accounts to try them with (an officer and two reviewers of 云岭镇, the
 * county's supervisor; the password printed at start), and a year of 云岭镇's work so that every
 * page a newcomer opens has something in it: the register in every state, the catalogue
 * published and in review, the opinion box, the county's published reports uploaded with their
 * findings, the draft of last year's report, and the county as a region whose public page of
 * reports is on.
 *
 * Everything is written through the use cases — the same permission checks, lifecycle and
 * review chain as a real office — as the demo accounts (the administrative steps as the operator
 * `system:demo`), with dates counted back from the services' today. Each part is written only
 * when its list is still empty, so loading the demo again changes nothing. Never used unless
 * asked for.
 */
import type { AppServices } from './context.js';
import { demoAccounts } from './demo/accounts.js';
import { demoCatalogue, demoOpinions } from './demo/catalogue.js';
import { demoClock } from './demo/clock.js';
import { demoDirectory } from './demo/directory.js';
import { demoRegister } from './demo/register.js';
import { demoDraft, demoUploads } from './demo/reports.js';

export { DEMO_PASSWORD, DEMO_USERS } from './demo/accounts.js';

export interface DemoLoaded {
  /** The accounts made now (none when they existed). */
  made: string[];
  /** The parts written now: 地区, 申请台账, 主动公开目录, 意见箱, 已发布报告, 年度报告草稿. */
  parts: string[];
}

/** Load whatever of the demo is missing. */
export async function loadDemo(s: AppServices): Promise<DemoLoaded> {
  // The regions first: the supervisor's account names its region.
  const placed = await demoDirectory(s);
  const { made, staff } = await demoAccounts(s);
  const clock = demoClock(s.today(), await s.calendar());
  const parts: string[] = placed ? ['地区'] : [];
  const steps = [
    ['申请台账', demoRegister],
    ['主动公开目录', demoCatalogue],
    ['意见箱', demoOpinions],
    ['已发布报告', demoUploads],
    ['年度报告草稿', demoDraft],
  ] as const;
  for (const [name, step] of steps) if (await step(s, staff, clock)) parts.push(name);
  return { made, parts };
}

/** Add the demo bodies, accounts and year where missing; returns the accounts made. */
export async function loadDemoData(s: AppServices): Promise<string[]> {
  return (await loadDemo(s)).made;
}
