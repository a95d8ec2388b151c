/**
 * How hard sign-in pushes back on guessing (issue 16 item 3, issue 17 item 2). Failed sign-ins are
 * counted twice: per account name as typed (whether or not such an account exists, so a lock
 * tells nothing about who has an account) and per client address. A few failures are free; from
 * then on every failure locks that name or address for a while, twice as long each time, up to a
 * ceiling. Failures are forgotten a day after the last one, a successful sign-in forgets the
 * account's at once, and an administrator can clear a lock.
 *
 * Pure: the store counts (src/store/account-store.ts), the use case decides (src/app/accounts).
 */

export type ThrottleKind = 'account' | 'address';

export interface ThrottlePolicy {
  /** Failures allowed before the first lock. */
  free: number;
  /** Length of the first lock, seconds; each further failure doubles it. */
  baseSeconds: number;
  /** The longest lock, seconds. */
  maxSeconds: number;
}

export const THROTTLE_POLICIES: Record<ThrottleKind, ThrottlePolicy> = {
  // A person mistypes a few times; a guesser needs thousands of tries.
  account: { free: 5, baseSeconds: 60, maxSeconds: 3600 },
  // One address may be a whole office behind one router: more room before it locks.
  address: { free: 30, baseSeconds: 60, maxSeconds: 3600 },
};

/** Failures are forgotten this long after the last one. */
export const THROTTLE_MEMORY_HOURS = 24;

export const THROTTLE_LABELS: Record<ThrottleKind, string> = { account: '账号', address: '来源地址' };

/** The lock after the `failures`-th failure, in seconds (0: no lock yet). */
export function lockSeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.free) return 0;
  const doublings = Math.min(failures - policy.free, 30);
  return Math.min(policy.baseSeconds * 2 ** doublings, policy.maxSeconds);
}

/** 75 → “2 分钟”, 30 → “30 秒”: how long to wait, said as a person would. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} 秒`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} 分钟`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.ceil((seconds % 3600) / 60);
  return minutes ? `${hours} 小时 ${minutes} 分钟` : `${hours} 小时`;
}

/** The refusal a locked sign-in gets. */
export const throttledMessage = (seconds: number): string => `登录失败次数过多，已暂时锁定。请 ${waitText(seconds)}后再试；如忘记密码，请联系系统管理员重置。`;

/** The key an account name is counted under: as typed, trimmed, case and width folded. */
export const accountThrottleKey = (username: string): string => username.normalize('NFKC').trim().toLowerCase().slice(0, 100);
