/**
 * How the CLI reads a report file: in a reading thread within the reading budget
 * (src/read/budget.ts, GONGKAI_READ_* in the environment), as the server does. A file stopped
 * by a budget comes back unreadable with the budget named; the caller prints it and exits 2.
 */
import { ReportReader, type ReadOutcome } from '../app/reading/reader.js';
import { readBudgetFromEnv } from '../read/budget.js';

let reader: ReportReader | null = null;

/** The CLI's reader, made on first use (a wrong GONGKAI_READ_* value throws, naming the variable). */
export function cliReader(threads?: number): ReportReader {
  return (reader ??= new ReportReader(readBudgetFromEnv(process.env), threads));
}

/** Read one file's bytes into a model (and its findings when asked). */
export async function readReportBytes(bytes: Uint8Array, want: { check?: boolean } = {}): Promise<ReadOutcome> {
  return cliReader().read(bytes, want);
}
