/**
 * `gongkai serve` in its own process, as an operator starts it: for the tests that kill it and the
 * bench that loads it without sharing its event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Start `gongkai serve --port 0 …args` (a free port) with `env` added to this process's; resolves
 * once it prints the address it listens on, rejects with what it printed if it exits before.
 * The server's stderr is kept for that message, or shown as it runs with `stderr: 'inherit'`.
 */
export function serveProcess(args: readonly string[], env: Record<string, string>, opts: { stderr?: 'pipe' | 'inherit' } = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['bin/gongkai.js', 'serve', '--port', '0', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', opts.stderr ?? 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}
