/** A batch worker thread: reads and checks one report at a time for `gongkai batch`. */
import { parentPort } from 'node:worker_threads';
import { EXTERNAL_TOOLS } from '../adapters/external.js';
import { parseFile } from '../ingest.js';
import { checkReport } from '../rules/check.js';

parentPort?.on('message', async (job: { id: number; bytes: Uint8Array }) => {
  try {
    const parsed = await parseFile(job.bytes, { tools: EXTERNAL_TOOLS });
    if (!parsed.readable) parentPort?.postMessage({ id: job.id, error: parsed.reason ?? '无法读取' });
    else parentPort?.postMessage({ id: job.id, report: parsed.report, findings: checkReport(parsed.report) });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: `内部错误：${(error as Error).message}` });
  }
});
