/**
 * The embedded database's folder is for one process at a time: two PGlite instances writing one
 * folder corrupt it. The lock is a file `gongkai.lock` holding the owner's pid and the time its
 * process started (Linux: /proc/<pid>/stat field 22, in clock ticks since boot, with the boot id),
 * so a pid the system has since given to another process is recognised as a dead owner.
 *
 * Taking it is atomic: the record is written to a file of our own and hard-linked to the lock's
 * name, which fails if the name exists — of any number of processes starting at once exactly one
 * links it, and no one ever reads a half-written record. A dead owner's lock is removed under a
 * second, short-lived guard file taken the same way, and only if it still holds the record judged
 * dead, so two processes clearing the same stale lock cannot remove each other's fresh one.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'gongkai.lock';

/** Who holds a lock: the pid, and its process's start (null where the system does not tell). */
export interface LockHolder {
  pid: number;
  start: string | null;
}

/**
 * A process's start as the kernel keeps it: clock ticks after boot (field 22 of /proc/<pid>/stat,
 * counted after the command name, which may itself hold spaces and brackets) joined to the boot's
 * id, so that it also differs across a reboot. Null where there is no /proc, or no such process.
 */
export function processStart(pid: number): string | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after ") ": state is field 3, so field 22 (starttime) is the 20th of them.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = fields[19];
  if (!ticks || !/^\d+$/.test(ticks)) return null;
  let boot = '';
  try {
    boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    // no boot id: the ticks alone
  }
  return boot ? `${boot}:${ticks}` : ticks;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the holder's process still runs: its pid is alive and, where known, started when the lock says. */
export function holderAlive(holder: LockHolder): boolean {
  if (!pidAlive(holder.pid)) return false;
  if (holder.start === null) return true;
  const now = processStart(holder.pid);
  return now === null || now === holder.start;
}

/** The record a lock file holds; an older gongkai wrote the bare pid. Null when unreadable. */
export function parseHolder(text: string): LockHolder | null {
  const bare = text.trim();
  if (/^\d+$/.test(bare)) return { pid: Number(bare), start: null };
  try {
    const value = JSON.parse(bare) as { pid?: unknown; start?: unknown };
    if (typeof value.pid === 'number' && Number.isInteger(value.pid) && value.pid > 0) return { pid: value.pid, start: typeof value.start === 'string' ? value.start : null };
  } catch {
    // not ours
  }
  return null;
}

/** The folder is held by a running process: the message names the folder and the holder. */
export class FolderLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `数据文件夹 ${dataDir} 正被进程 ${holder.pid} 使用（锁文件 ${join(dataDir, LOCK_FILE)}），本进程未打开它。内嵌数据库同一时间只能由一个进程打开：请先停止进程 ${holder.pid}，或让多个进程共用 PostgreSQL（DATABASE_URL）(data folder in use by process ${holder.pid})`,
    );
    this.name = 'FolderLocked';
  }
}

const readText = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** Link our record to `path`: true if we took it, false if it exists. */
function linkRecord(record: string, path: string): boolean {
  const mine = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(mine, record);
  try {
    linkSync(mine, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Remove the lock if it still holds `stale`, under the guard; false when another process is clearing it. */
function clearStale(lock: string, stale: string, record: string): boolean {
  const guard = `${lock}.takeover`;
  if (!linkRecord(record, guard)) {
    // A guard left by a process killed while it cleared a lock (microseconds) is itself dead.
    const text = readText(guard);
    const holder = text === null ? null : parseHolder(text);
    if (text !== null && holder && !holderAlive(holder) && readText(guard) === text) rmSync(guard, { force: true });
    return false;
  }
  try {
    if (readText(lock) === stale) rmSync(lock, { force: true });
    return true;
  } finally {
    rmSync(guard, { force: true });
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Take the data folder for this process, or throw FolderLocked naming the process that holds it.
 * A lock whose owner is dead (killed, the machine restarted, the pid now another process's) is
 * taken over. Returns the function that gives the folder back.
 */
export function lockFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lock = join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, start: processStart(process.pid) };
  const record = JSON.stringify(me);
  for (let attempt = 0; attempt < 200; attempt++) {
    if (linkRecord(record, lock)) return () => {
      if (readText(lock) === record) rmSync(lock, { force: true });
    };
    const text = readText(lock);
    if (text === null) continue; // given back meanwhile: try again
    const holder = parseHolder(text);
    if (holder && holderAlive(holder)) throw new FolderLocked(dataDir, holder);
    // Dead owner (or a record that is not a lock at all): clear it, then try again.
    if (!clearStale(lock, text, record)) pause(5);
  }
  throw new Error(`无法取得数据文件夹 ${dataDir} 的锁：多次尝试均未成功，请检查该文件夹的锁文件 ${lock} (could not take the data folder's lock)`);
}
