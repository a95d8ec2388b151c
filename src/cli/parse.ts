/** `gongkai parse FILE|- ...`: print the canonical JSON of each report. */
import type { AnnualReport } from '../model/report.js';
import { complain, describeError, readInput, writeOutput } from './io.js';
import { cliReader, readReportBytes } from './reading.js';

export interface ParseOptions {
  out?: string;
  provenance: boolean;
}

function serialise(report: AnnualReport, withProvenance: boolean, pretty: boolean): string {
  const value = withProvenance ? report : { ...report, provenance: undefined };
  return JSON.stringify(value, null, pretty ? 2 : undefined);
}

/** @returns the exit code: 0, or 2 when any file could not be read (the others are still printed). */
export async function parseCommand(files: readonly string[], opts: ParseOptions): Promise<number> {
  const lines: string[] = [];
  let code = 0;
  try {
    cliReader();
  } catch (error) {
    process.stderr.write(`gongkai: ${(error as Error).message}\n`);
    return 2;
  }
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readInput(file);
    } catch (error) {
      complain(file, describeError(error));
      code = 2;
      continue;
    }
    const { parsed: result } = await readReportBytes(bytes);
    if (!result.readable) {
      complain(file, result.reason ?? '无法读取');
      code = 2;
      continue;
    }
    lines.push(serialise(result.report, opts.provenance, files.length === 1));
  }
  if (lines.length) await writeOutput(opts.out, `${lines.join('\n')}\n`);
  return code;
}
