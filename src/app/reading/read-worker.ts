/**
 * The reading thread (src/adapters/worker-pool.ts runs it): one report file read once by the
 * single entry within its budget, checked and shown as its callers ask; or a ZIP archive opened
 * by the hardened reader. Whatever a hostile file costs is paid here, never on the server's
 * event loop; the pool stops this thread when the file runs past its time or memory.
 */
import { createHash } from 'node:crypto';
import type { Transferable } from 'node:worker_threads';
import { EXTERNAL_TOOLS } from '../../adapters/external.js';
import { serveJobs } from '../../adapters/worker-pool.js';
import { parseFile } from '../../ingest.js';
import { unzip } from '../../read/zip.js';
import { checkReport } from '../../rules/check.js';
import { sourceView } from '../supervision/source-view.js';
import type { ReadJob, ReadJobValue } from './jobs.js';

async function handle(job: ReadJob): Promise<{ value: ReadJobValue; transfer?: Transferable[] }> {
  if (job.kind === 'unzip') {
    // Copied back, not transferred: small entries may share Node's pooled buffer.
    return { value: { kind: 'unzip', opened: unzip(job.bytes, job.limits) } };
  }
  const parsed = await parseFile(job.bytes, { budget: job.budget, tools: EXTERNAL_TOOLS });
  const sha256 = createHash('sha256').update(job.bytes).digest('hex');
  const source = job.view ? sourceView(parsed) : null;
  const findings = job.check && parsed.readable ? checkReport(parsed.report) : null;
  // What the caller keeps: the model and what was made of it, not the document it was read from.
  const slim = { ...parsed, document: null, sourceText: null };
  return { value: { kind: 'read', sha256, parsed: slim, source, findings } };
}

serveJobs(handle);
