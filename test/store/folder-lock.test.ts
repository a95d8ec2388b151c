/**
 * The embedded database's folder lock: of many servers started at the same moment on one folder
 * exactly one opens it and every other is refused with a message naming the folder and the
 * holder; a lock left by a dead process is taken over, also when its pid now belongs to a live
 * process that started later (a reused pid), and given back on close.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderLocked, LOCK_FILE, lockFolder, processStart } from '../../src/store/folder-lock.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** How many servers start at once. */
const STARTS = 12;

const folders: string[] = [];
function folder(): string {
  const f = mkdtempSync(join(tmpdir(), 'gongkai-lock-'));
  folders.push(f);
  return join(f, 'data');
}
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

interface Opener {
  child: ChildProcess;
  out: string;
  ready: Promise<void>;
  /** "opened" or "refused …", the first thing it says after the go. */
  outcome: Promise<string>;
}

function opener(dataDir: string, goFile: string): Opener {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/support/open-folder.ts'), dataDir, goFile], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const o = { child, out: '' } as Opener;
  const said = (what: RegExp) =>
    new Promise<string>((ok, fail) => {
      const look = () => {
        const m = what.exec(o.out);
        if (m) ok(m[0]);
      };
      child.stdout!.on('data', (d: Buffer) => {
        o.out += d.toString();
        look();
      });
      child.on('exit', (code) => (look(), fail(new Error(`child exited (${code}): ${o.out}`))));
    });
  o.ready = said(/ready/).then(() => {});
  o.outcome = said(/(opened|refused .*)\n/).then((s) => s.trim());
  return o;
}

describe('the data folder lock', () => {
  it(`of ${STARTS} servers started at once on one folder, exactly one opens it`, async () => {
    const dataDir = folder();
    const go = join(dirname(dataDir), 'go');
    const openers = Array.from({ length: STARTS }, () => opener(dataDir, go));
    try {
      await Promise.all(openers.map((o) => o.ready));
      writeFileSync(go, '');
      const outcomes = await Promise.all(openers.map((o) => o.outcome));
      const opened = outcomes.filter((s) => s === 'opened');
      const refused = outcomes.filter((s) => s.startsWith('refused'));
      expect(opened).toHaveLength(1);
      expect(refused).toHaveLength(STARTS - 1);
      const winner = openers[outcomes.indexOf('opened')]!.child.pid!;
      for (const r of refused) {
        expect(r).toContain(`数据文件夹 ${dataDir} 正被进程 ${winner} 使用`);
      }
      // The lock names the winner with its process's start.
      expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toEqual({ pid: winner, start: processStart(winner) });
    } finally {
      for (const o of openers) o.child.stdin!.end();
      await Promise.all(openers.map((o) => (o.child.exitCode === null ? new Promise((r) => o.child.on('exit', r)) : null)));
    }
    // Closed: the folder is free again.
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  }, 120_000);

  it('takes over a lock whose pid is alive but belongs to a process started later (a reused pid)', () => {
    const dataDir = folder();
    const myStart = processStart(process.pid);
    expect(myStart).not.toBeNull(); // Linux: /proc tells
    // The lock of an earlier process that had this test's pid: same pid, another start.
    lockFolder(dataDir)(); // makes the folder
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: process.pid, start: `${myStart}-earlier` }));
    const unlock = lockFolder(dataDir);
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toEqual({ pid: process.pid, start: myStart });
    unlock();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('takes over the bare-pid lock of a dead process (as an older version wrote it) and refuses a live holder', async () => {
    const dataDir = folder();
    lockFolder(dataDir)();
    // A process that has ended: its pid is free.
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => gone.on('exit', r));
    writeFileSync(join(dataDir, LOCK_FILE), String(gone.pid));
    const unlock = lockFolder(dataDir);
    unlock();

    // A live holder with its real start: refused, naming the folder and the holder.
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await new Promise((r) => live.on('spawn', r));
      writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: live.pid, start: processStart(live.pid!) }));
      expect(() => lockFolder(dataDir)).toThrow(FolderLocked);
      expect(() => lockFolder(dataDir)).toThrow(`数据文件夹 ${dataDir} 正被进程 ${live.pid} 使用`);
    } finally {
      live.kill();
    }
    await new Promise((r) => live.on('exit', r));
    // Its process ended without giving the folder back: the next start takes it.
    lockFolder(dataDir)();
  });

  it('refuses a second open of a folder this process holds', () => {
    const dataDir = folder();
    const unlock = lockFolder(dataDir);
    expect(() => lockFolder(dataDir)).toThrow(`正被进程 ${process.pid} 使用`);
    unlock();
  });
});
