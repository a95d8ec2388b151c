/**
 * A pool of worker threads that run jobs off the main thread, each within a time and a memory
 * budget: a job past its time is stopped by terminating its thread, a thread past its heap
 * limit (resourceLimits) dies with ERR_WORKER_OUT_OF_MEMORY; either way the job ends with the
 * budget that stopped it and a fresh thread takes the next job. One job per thread at a time,
 * so a stopped thread takes no other job down with it. Idle threads are unref'd: they keep no
 * process alive. The server's uploads, `gongkai parse|check|render` and `gongkai batch` use it.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort, Worker, type Transferable } from 'node:worker_threads';

export interface ThreadBudget {
  timeoutMs: number;
  maxMemoryMb: number;
}

/** A job's end: its value, or which budget stopped it (or that its thread died another way). */
export type JobEnd<Out> = { ok: true; value: Out } | { ok: false; stopped: 'timeoutMs' | 'maxMemoryMb' | 'crash'; detail: string };

/** Where a worker's code is: the built .js beside the caller, or (tests and `tsx`, from source) the .ts loaded through tsx. */
export interface WorkerEntry {
  code: string | URL;
  eval: boolean;
}

/** The entry `name` next to the module at `base` (its import.meta.url). */
export function workerEntry(base: string, name: string): WorkerEntry {
  const built = new URL(`./${name}.js`, base);
  if (existsSync(fileURLToPath(built))) return { code: built, eval: false };
  const source = new URL(`./${name}.ts`, base).href;
  const tsx = pathToFileURL(createRequire(base).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href;
  return { code: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); })`, eval: true };
}

/** Threads for a pool on this machine: all cores but one for the server's event loop, at least one. */
export const defaultPoolSize = () => Math.max(1, availableParallelism() - 1);

interface Job {
  input: unknown;
  transfer: readonly Transferable[];
  /** This job's time: the pool's, or less (what is left of an upload's). */
  timeoutMs: number;
  done: (end: JobEnd<unknown>) => void;
}

interface Slot {
  thread: Worker | null;
  /** Settles when the thread has loaded its code (a job's time counts from then). */
  ready: Promise<void>;
  busy: boolean;
}

let nextId = 0;

export class WorkerPool<In, Out> {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(
    private readonly entry: WorkerEntry,
    size: number,
    private readonly budget: ThreadBudget,
  ) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => ({ thread: null, ready: Promise.resolve(), busy: false }));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Run one job; never rejects: a stopped or crashed thread is an ended job. */
  run(input: In, options: { timeoutMs?: number; transfer?: readonly Transferable[] } = {}): Promise<JobEnd<Out>> {
    if (this.closed) return Promise.resolve({ ok: false, stopped: 'crash', detail: 'pool closed' });
    return new Promise((resolve) => {
      this.queue.push({ input, transfer: options.transfer ?? [], timeoutMs: options.timeoutMs ?? this.budget.timeoutMs, done: resolve as (end: JobEnd<unknown>) => void });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.done({ ok: false, stopped: 'crash', detail: 'pool closed' });
    await Promise.all(this.slots.map((s) => s.thread?.terminate()));
  }

  private spawn(slot: Slot): Worker {
    const thread = new Worker(this.entry.code, {
      eval: this.entry.eval,
      resourceLimits: { maxOldGenerationSizeMb: this.budget.maxMemoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, this.budget.maxMemoryMb / 8)) },
    });
    // A thread's death is reported to the job it ran (below); one that dies idle is simply replaced.
    thread.on('error', () => {});
    thread.on('exit', () => {
      for (const s of this.slots) if (s.thread === thread) s.thread = null;
    });
    // The thread says when its code is loaded; one that dies first settles it too (its job then ends as a crash).
    slot.ready = new Promise((resolve) => {
      const settle = () => resolve();
      thread.once('message', settle).once('error', settle).once('exit', settle);
    });
    return thread;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const job = this.queue.shift();
      if (!job) return;
      this.start(slot, job);
    }
  }

  private start(slot: Slot, job: Job): void {
    slot.busy = true;
    const thread = (slot.thread ??= this.spawn(slot));
    thread.ref();
    void slot.ready.then(() => this.send(slot, thread, job));
  }

  private send(slot: Slot, thread: Worker, job: Job): void {
    const id = nextId++;
    const finish = (end: JobEnd<unknown>, dead: boolean) => {
      clearTimeout(timer);
      thread.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (dead) {
        slot.thread = null;
        void thread.terminate();
      } else thread.unref();
      slot.busy = false;
      job.done(end);
      this.pump();
    };
    const onMessage = (msg: { id: number; value?: unknown; error?: string }) => {
      if (msg.id !== id) return;
      if (msg.error !== undefined) finish({ ok: false, stopped: 'crash', detail: msg.error }, false);
      else finish({ ok: true, value: msg.value }, false);
    };
    const onError = (error: Error & { code?: string }) =>
      finish({ ok: false, stopped: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'maxMemoryMb' : 'crash', detail: error.message }, true);
    const onExit = (code: number) => finish({ ok: false, stopped: 'crash', detail: `thread exited (${code})` }, true);
    if (slot.thread !== thread) {
      // It died while loading its code.
      slot.busy = false;
      job.done({ ok: false, stopped: 'crash', detail: 'thread exited while starting' });
      this.pump();
      return;
    }
    const timer = setTimeout(() => finish({ ok: false, stopped: 'timeoutMs', detail: `${job.timeoutMs} ms` }, true), job.timeoutMs);
    thread.on('message', onMessage).on('error', onError).on('exit', onExit);
    thread.postMessage({ id, input: job.input }, job.transfer);
  }
}

/** In a worker thread: answer each job with `handle`'s value (and what it hands over), or the error's message. */
export function serveJobs<In, Out>(handle: (input: In) => Promise<{ value: Out; transfer?: Transferable[] }>): void {
  parentPort?.on('message', async ({ id, input }: { id: number; input: In }) => {
    try {
      const { value, transfer } = await handle(input);
      parentPort?.postMessage({ id, value }, transfer ?? []);
    } catch (error) {
      parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  parentPort?.postMessage({ ready: true });
}
